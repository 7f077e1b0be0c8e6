import { isTimeZone } from './time-zone';

describe('isTimeZone', () => {
  it.each([
    ['Europe/Paris', true],
    ['UTC', true],
    ['America/Montreal', true],
    ['Mars/Olympus', false],
    ['Europe/Pariss', false],
    ['', false],
  ])('%p → %p', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});
