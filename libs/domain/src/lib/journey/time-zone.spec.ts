import { isTimeZone } from './time-zone';

describe('isTimeZone', () => {
  it.each([
    ['Europe/Paris', true],
    ['UTC', true],
    ['America/Montreal', true],
    ['Mars/Olympus', false],
    ['Europe/Pariss', false],
    ['+02:00', false],
    ['-0500', false],
    ['', false],
  ])('%p → %p', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});
