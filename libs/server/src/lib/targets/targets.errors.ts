export enum TargetErrorCode {
  UnknownIndicator = 'unknown-indicator',
  InvalidTarget = 'invalid-target',
}

/** A target change the service refuses: unknown indicator (api 404) or inconsistent numbers (api 400). */
export class TargetError extends Error {
  override name = 'TargetError';

  constructor(
    readonly code: TargetErrorCode,
    message: string,
  ) {
    super(message);
  }
}
