import { BreakdownGroup, TransitionDelay } from '@relais/contracts';
import { casesParams, worstGroups, worstTransitions } from './worst-lists';

const group = (key: string | null, cases: number, transfersMean: number, repeatRate: number): BreakdownGroup => ({
  key,
  cases,
  transfersMean,
  pingPongShare: 0,
  repeatRate,
  reopenRate: 0,
  weeks: [],
});

describe('worst lists', () => {
  const groups = [
    group('N1', 40, 0.5, 0.1),
    group('N2', 12, 1.5, 0.05),
    group('tiny', 4, 3, 0.9), // below 5 cases: left out
    group(null, 8, 1.5, 0.2),
    group('N3', 20, 1.5, 0.05),
    group('N4', 6, 0.2, 0.3),
    group('N5', 5, 0.9, 0.3),
    group('N6', 9, 0.1, 0.01),
  ];

  it('ranks groups of at least 5 cases by the metric, then the other metric, then cases, and keeps 5', () => {
    const rows = worstGroups(groups, 'transfersMean', 'team', '2026-W47', {});
    // 1.5 three times: (none) has the higher repeat rate; N3 and N2 tie on it, N3 has more cases.
    expect(rows.map((row) => row.key)).toEqual([null, 'N3', 'N2', 'N5', 'N1']);
  });

  it('links each group to its cases of the week, with the page filters, except the group without a key', () => {
    const rows = worstGroups(groups, 'repeatRate', 'category', '2026-W47', {
      source: 'demo',
      team: '',
      from: '2026-01-01',
    });
    // 0.3 twice: N5 has more transfers; 0.05 twice (N2, N3) with equal transfers: N3 has more cases.
    expect(rows.map((row) => row.key)).toEqual(['N5', 'N4', null, 'N1', 'N3']);
    expect(rows[0].casesLink).toEqual({ source: 'demo', week: '2026-W47', category: 'N5' });
    expect(rows[2].casesLink).toBeNull();
  });

  it('keeps the slowest five transitions and links them with transition=from>to', () => {
    const t = (from: string, p90Hours: number): TransitionDelay => ({
      from,
      to: 'resolved',
      count: 3,
      medianHours: 1,
      p90Hours,
      meanHours: 1,
      totalHours: 3,
    });
    const rows = worstTransitions([t('a', 9), t('b', 8), t('c', 7), t('d', 6), t('e', 5), t('f', 4)], '2026-W47', {});
    expect(rows.map((row) => row.from)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rows[0].casesLink).toEqual({ week: '2026-W47', transition: 'a>resolved' });
  });

  it('builds cases params without empty filters', () => {
    expect(casesParams('2026-W47', { team: 'N2', channel: undefined }, { repeated: 'true' })).toEqual({
      team: 'N2',
      week: '2026-W47',
      repeated: 'true',
    });
  });
});
