import { TransitionDelay, TransitionDelaysResponse, WeeklyReview } from '@relais/contracts';
import { changeIsBetter, reviewCards, stepDelayCard } from './review-cards';

const transition = (count: number, meanHours: number): TransitionDelay => ({
  from: 'new',
  to: 'triage',
  count,
  medianHours: meanHours,
  p90Hours: meanHours,
  meanHours,
  totalHours: count * meanHours,
});
const response = (...transitions: TransitionDelay[]): TransitionDelaysResponse => ({
  transitions,
  bottlenecks: { byP90: transitions, byTotalHours: transitions },
});
const weeks = ['W42', 'W43', 'W44', 'W45', 'W46', 'W47'].map((w, i) => ({
  week: `2026-${w}`,
  start: `2026-10-${String(12 + 7 * i).padStart(2, '0')}`,
  provisional: i === 5,
}));

describe('stepDelayCard', () => {
  // Weeks W42…W47: W42 2 × 10 h; W43 none; W44 1 × 4 h + 3 × 8 h = 28 h / 4 = 7 h; W45 none; W46 2 × 5 h;
  // W47 (reviewed) 1 × 3 h + 1 × 6 h = 4.5 h.
  const responses = [
    response(transition(2, 10)),
    response(),
    response(transition(1, 4), transition(3, 8)),
    response(),
    response(transition(2, 5)),
    response(transition(1, 3), transition(1, 6)),
  ];
  const card = stepDelayCard(weeks, responses);

  it('is the mean of all completed transitions of the week, with no target', () => {
    expect(card.series.map((point) => point.value)).toEqual([10, null, 7, null, 5, 4.5]);
    expect(card.series.map((point) => point.cases)).toEqual([2, 0, 4, 0, 2, 2]);
    expect(card).toEqual(
      expect.objectContaining({
        value: 4.5,
        count: 2,
        basis: 'transitions',
        status: null,
        target: null,
        provisional: true,
      }),
    );
  });

  it('compares with the week before and with the mean of the 4 weeks before that have a value', () => {
    expect(card.previous).toEqual({ week: '2026-W46', value: 5, change: -0.5 });
    // The 4 weeks before W47 are W43…W46; W43 and W45 have no transition: (7 + 5) / 2 = 6.
    expect(card.fourWeekAverage).toEqual({ value: 6, weeks: 2, change: -1.5 });
  });

  it('has no value for a week without transitions', () => {
    const empty = stepDelayCard(weeks.slice(0, 2), [response(transition(1, 2)), response()]);
    expect(empty.value).toBeNull();
    expect(empty.previous.change).toBeNull();
  });
});

describe('reviewCards', () => {
  it('puts the four cards in review order and skips an indicator the API did not send', () => {
    const indicator = (name: 'transfersMean' | 'csatShare') => ({
      indicator: name,
      value: 0.5,
      target: 0.5,
      alertLevel: 1,
      direction: 'lower' as const,
      status: 'ok' as const,
      previous: { week: null, value: null, change: null },
      fourWeekAverage: { value: null, weeks: 0, change: null },
      provisional: false,
      cases: 9,
      series: [],
    });
    const review: WeeklyReview = {
      week: '2026-W47',
      start: '2026-11-16',
      cases: 9,
      surveys: 3,
      provisional: false,
      repeatWindowDays: 7,
      indicators: [indicator('csatShare'), indicator('transfersMean')],
    };
    const cards = reviewCards(review, stepDelayCard([], []));
    expect(cards.map((card) => [card.key, card.basis])).toEqual([
      ['transfersMean', 'cases'],
      ['stepDelay', 'transitions'],
      ['csatShare', 'answers'],
    ]);
  });
});

describe('changeIsBetter', () => {
  it.each([
    [-0.1, 'lower', true],
    [0.1, 'lower', false],
    [0.1, 'higher', true],
    [0, 'higher', null],
    [null, 'lower', null],
  ] as const)('change %p with %s is better: %p', (change, direction, better) => {
    expect(changeIsBetter(change, direction)).toBe(better);
  });
});
