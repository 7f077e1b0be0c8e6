import { ReviewIndicator } from '@relais/contracts';
import { parse } from 'csv-parse/sync';
import { ReviewCard } from './review-cards';
import { REVIEW_CSV_COLUMNS, reviewCsv, reviewCsvFileName } from './review-csv';

// Jest runs CommonJS: the same csv-stringify release, its CommonJS build instead of the browser ESM bundle.
jest.mock('csv-stringify/browser/esm/sync', () => jest.requireActual('csv-stringify/sync'));

const series = [
  { week: '2026-W47', start: '2026-11-16', value: 1.2, status: 'warning' as const, cases: 50, provisional: true },
];
const transfers: ReviewIndicator = {
  indicator: 'transfersMean',
  value: 0.8,
  target: 0.5,
  alertLevel: 1,
  direction: 'lower',
  status: 'warning',
  previous: { week: '2026-W46', value: 0.9, change: -0.1 },
  fourWeekAverage: { value: 0.85, weeks: 4, change: -0.05 },
  provisional: true,
  cases: 50,
  series,
};
const delay: ReviewCard = {
  key: 'stepDelay',
  value: 12.5,
  target: null,
  alertLevel: null,
  direction: 'lower',
  status: null,
  previous: { week: '2026-W46', value: 10, change: 2.5 },
  fourWeekAverage: { value: null, weeks: 0, change: null },
  provisional: false,
  basis: 'transitions',
  count: 120,
  series,
};

describe('reviewCsv', () => {
  const csv = reviewCsv({
    week: '2026-W47',
    cards: [delay],
    indicators: [transfers],
    teams: [{ key: '=HYPERLINK("http://x")', cases: 7, transfersMean: 2, repeatRate: 0.25, casesLink: null }],
    categories: [{ key: '@sum', cases: 9, transfersMean: 1, repeatRate: 0.5, casesLink: null }],
    transitions: [{ from: '+new', to: '-triage', count: 3, medianHours: 1.5, p90Hours: 4, casesLink: {} }],
  });
  const records: string[][] = parse(csv);

  it('starts with the header row', () => {
    expect(records[0]).toEqual([...REVIEW_CSV_COLUMNS]);
  });

  it('writes one row per indicator, then two per worst team, category and transition', () => {
    // 1 API indicator + the delay card + 2 metrics × (1 team + 1 category + 1 transition) = 8 rows after the header.
    expect(records).toHaveLength(9);
    expect(records[1]).toEqual([
      'indicator',
      'transfersMean',
      '2026-W47',
      'transfersMean',
      '0.8',
      '0.5',
      '1',
      'warning',
      '0.9',
      '-0.1',
      '0.85',
      '-0.05',
      '50',
      'true',
    ]);
    expect(records[2].slice(0, 8)).toEqual([
      'indicator',
      'stepDelayMeanHours',
      '2026-W47',
      'stepDelayMeanHours',
      '12.5',
      '',
      '',
      '',
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas, but keeps negative numbers', () => {
    expect(records[3].slice(0, 5)).toEqual([
      'worst_team',
      '\'=HYPERLINK("http://x")',
      '2026-W47',
      'transfersMean',
      '2',
    ]);
    expect(records[5][1]).toBe("'@sum");
    expect(records[7][1]).toBe("'+new > -triage");
    expect(records[1][9]).toBe('-0.1');
  });

  it('names the file after the week', () => {
    expect(reviewCsvFileName('2026-W47')).toBe('relais-review-2026-W47.csv');
  });
});
