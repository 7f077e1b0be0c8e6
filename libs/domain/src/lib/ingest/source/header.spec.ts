import { normaliseHeader } from './header';

describe('normaliseHeader', () => {
  it.each([
    ['keeps unique names', ['a', 'b'], ['a', 'b']],
    ['trims names', [' case_id ', '\tts'], ['case_id', 'ts']],
    [
      'suffixes repeats in file order (Italian help desk: Variant twice)',
      ['Case ID', 'Variant', 'Variant index', 'Variant'],
      ['Case ID', 'Variant', 'Variant index', 'Variant_2'],
    ],
    ['counts on for a third repeat', ['x', 'x', 'x'], ['x', 'x_2', 'x_3']],
    ['never reuses a name the file already has', ['a', 'a', 'a_2'], ['a', 'a_3', 'a_2']],
    [
      'names an empty header after its position (pandas index column)',
      ['', 'case', ' '],
      ['column_1', 'case', 'column_3'],
    ],
    ['treats names that differ only by spaces as repeats', ['team', 'team '], ['team', 'team_2']],
  ])('%s', (_, names, expected) => {
    expect(normaliseHeader(names)).toEqual(expected);
  });
});
