export enum SettingsErrorCode {
  UnknownTimeZone = 'unknown-time-zone',
  InvalidRepeatWindow = 'invalid-repeat-window',
  InvalidStepMapping = 'invalid-step-mapping',
  /** An import holds the facts; the time zone cannot move under it. */
  Busy = 'busy',
}

/** A settings change the service refuses; the api answers 400 (409 for Busy) with the message. */
export class SettingsError extends Error {
  override name = 'SettingsError';

  constructor(
    readonly code: SettingsErrorCode,
    message: string,
  ) {
    super(message);
  }
}
