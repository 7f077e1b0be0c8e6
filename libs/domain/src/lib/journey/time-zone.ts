/**
 * True for an IANA time zone name the runtime knows (e.g. Europe/Paris). Offsets such as +01:00 are refused:
 * Node accepts them, but PostgreSQL reads a bare offset with the opposite (POSIX) sign.
 */
export function isTimeZone(zone: string): boolean {
  if (/^[+-]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
