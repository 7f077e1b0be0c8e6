import { FormControl } from '@angular/forms';
import { ianaTimeZoneValidator, isIanaTimeZone, suggestTimeZones } from './time-zone';

describe('time zones', () => {
  it.each(['Europe/Paris', 'America/Argentina/Buenos_Aires', 'UTC', 'America/Port-au-Prince'])('accepts %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  // The server refuses the same (e2e admin.spec: Mars/Olympus, +01:00).
  it.each(['Mars/Olympus', '+01:00', 'Europe/', '', 'Paris'])('refuses %j', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });

  it('validates only non-empty values', () => {
    expect(ianaTimeZoneValidator(new FormControl(''))).toBeNull();
    expect(ianaTimeZoneValidator(new FormControl('Europe/Paris'))).toBeNull();
    expect(ianaTimeZoneValidator(new FormControl('Mars/Olympus'))).toEqual({ timeZone: true });
  });

  it('suggests zones by part of their name, spaces standing for underscores', () => {
    // The engine's list decides between America/Buenos_Aires and America/Argentina/Buenos_Aires.
    const buenosAires = suggestTimeZones('buenos ai');
    expect(buenosAires.length).toBeGreaterThan(0);
    for (const zone of buenosAires) expect(zone).toMatch(/Buenos_Aires$/);
    expect(suggestTimeZones('paris')).toEqual(['Europe/Paris']);
    expect(suggestTimeZones('', 3)).toHaveLength(3);
    expect(suggestTimeZones('')[0]).toBe('UTC');
  });
});
