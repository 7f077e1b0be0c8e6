import { parse } from 'csv-parse/sync';
import { reviewCsv } from './review-csv';

// Jest runs CommonJS: the same csv-stringify release, its CommonJS build instead of the browser ESM bundle.
jest.mock('csv-stringify/browser/esm/sync', () => jest.requireActual('csv-stringify/sync'));

/**
 * The review export is the only CSV the product writes for people (issue 9): every name from imported data that
 * a spreadsheet could run as a formula is written with a leading quote, whatever character starts it.
 */
describe('reviewCsv against formula injection', () => {
  const group = (key: string) => ({ key, cases: 1, transfersMean: -0.5, repeatRate: 0, casesLink: null });

  it.each([
    ['=', '=1+1'],
    ['+', '+33 6 00 11 22 33'],
    ['-', "-2+3+cmd|' /C calc'!A0"],
    ['@', '@SUM(A1:A9)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
    ['a full-width =', '\uFF1D1+1'],
    ['a full-width @', '\uFF20SUM(A1)'],
  ])('writes a team name starting with %s as text', (_, name) => {
    const csv = reviewCsv({
      week: '2026-W47',
      cards: [],
      indicators: [],
      teams: [group(name)],
      categories: [],
      transitions: [],
    });
    const [, row]: string[][] = parse(csv);
    expect(row[1]).toBe(`'${name}`);
    // Numbers are not names: a negative value stays a number.
    expect(row[4]).toBe('-0.5');
  });

  it('leaves ordinary names alone', () => {
    const csv = reviewCsv({
      week: '2026-W47',
      cards: [],
      indicators: [],
      teams: [group('N1 = support')],
      categories: [],
      transitions: [],
    });
    expect(parse(csv)[1][1]).toBe('N1 = support');
  });
});
