import { AbstractControl, ValidationErrors } from '@angular/forms';

/**
 * An IANA zone name (`Europe/Paris`, `UTC`) the browser knows. Offsets such as `+01:00`, which Intl accepts
 * too, are refused like the server refuses them: a fixed offset ignores daylight saving time.
 */
export function isIanaTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Validator: an empty value is left to `required`, a non-empty one must be an IANA zone. */
export function ianaTimeZoneValidator(control: AbstractControl<string | null>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  return value === '' || isIanaTimeZone(value) ? null : { timeZone: true };
}

let zones: readonly string[] | null = null;

/** The zones the browser lists, for suggestions; UTC first since some engines leave it out. */
export function knownTimeZones(): readonly string[] {
  if (zones === null) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = ['UTC', ...listed.filter((zone) => zone !== 'UTC')];
  }
  return zones;
}

/** Up to `limit` zones containing `query` (case and `_`/space insensitive), for an autocomplete panel. */
export function suggestTimeZones(query: string, limit = 50): string[] {
  const wanted = query.trim().toLowerCase().replace(/[\s_]+/g, ' ');
  const matches = knownTimeZones().filter((zone) => zone.toLowerCase().replace(/_/g, ' ').includes(wanted));
  return matches.slice(0, limit);
}
