export enum UserErrorCode {
  DuplicateEmail = 'duplicate-email',
  NotFound = 'not-found',
  /** The change would leave no admin to manage settings and users. */
  LastAdmin = 'last-admin',
  WeakPassword = 'weak-password',
}

/** A user change the service refuses; the api answers 409 (duplicate, last admin), 404 or 400. */
export class UserError extends Error {
  override name = 'UserError';

  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
  }
}
