import { reviewWeek } from './default-week';

describe('reviewWeek', () => {
  const weeks = [
    { week: '2026-W46', start: '2026-11-09' },
    { week: '2026-W47', start: '2026-11-16' },
    { week: '2026-W48', start: '2026-11-23' },
  ];

  it('opens on the latest week that has ended: W48 runs until Sunday 29 November', () => {
    expect(reviewWeek(null, weeks, '2026-11-25')).toBe('2026-W47');
    // Monday 30 November: W48 has ended.
    expect(reviewWeek(null, weeks, '2026-11-30')).toBe('2026-W48');
  });

  it('keeps the week of the URL when it is a real ISO week, even one without cases', () => {
    expect(reviewWeek('2026-W40', weeks, '2026-11-25')).toBe('2026-W40');
    expect(reviewWeek('2026-W99', weeks, '2026-11-25')).toBe('2026-W47');
  });

  it('falls back to the latest week when none has ended, and to null without data', () => {
    expect(reviewWeek(null, weeks, '2026-11-10')).toBe('2026-W48');
    expect(reviewWeek(null, [], '2026-11-25')).toBeNull();
  });
});
