import {
  casesLinkParams,
  filtersFromParams,
  pagingFromParams,
  pairLabel,
  paramsWithout,
  toCaseListQuery,
} from './case-filters';
import { filterChips } from './filter-chips';

describe('case filters ↔ query params', () => {
  it('keeps the known, well-formed filters of the query string', () => {
    expect(
      filtersFromParams({
        handoff: 'N1>N2',
        week: '2025-W02',
        team: 'N1',
        minTransfers: '2',
        repeated: 'true',
        page: '3',
        customer: 'someone',
      }),
    ).toEqual({ handoff: 'N1>N2', week: '2025-W02', team: 'N1', minTransfers: '2', repeated: 'true' });
  });

  it.each([
    ['handoff', 'N1'],
    ['handoff', '>N2'],
    ['transition', 'a>b>c'],
    ['week', '2025-W54'],
    ['week', '2025-02'],
    ['from', '2025-1-1'],
    ['minTransfers', '-1'],
    ['minTransfers', '1.5'],
    ['repeated', 'yes'],
    ['team', '   '],
  ])('drops %s=%s, which the API would refuse', (key, value) => {
    expect(filtersFromParams({ [key]: value })).toEqual({});
  });

  it('reads the first value of a repeated parameter', () => {
    expect(filtersFromParams({ team: ['N2', 'N3'] })).toEqual({ team: 'N2' });
  });

  it.each([
    [{}, { page: 1, pageSize: 50 }],
    [
      { page: '4', pageSize: '100' },
      { page: 4, pageSize: 100 },
    ],
    [
      { page: '0', pageSize: '501' },
      { page: 1, pageSize: 50 },
    ],
    [
      { page: 'x', pageSize: '500' },
      { page: 1, pageSize: 500 },
    ],
  ])('pages %j as %j (pageSize at most 500)', (params, paging) => {
    expect(pagingFromParams(params)).toEqual(paging);
  });

  it('types the numeric and boolean filters for the API', () => {
    expect(
      toCaseListQuery({ minTransfers: '2', repeated: 'false', handoff: 'N1>N2' }, { page: 2, pageSize: 25 }),
    ).toEqual({ minTransfers: 2, repeated: false, handoff: 'N1>N2', page: 2, pageSize: 25 });
  });

  it('removes one filter and goes back to the first page', () => {
    expect(paramsWithout('handoff')).toEqual({ handoff: null, page: null });
  });

  it('adds the clicked mark to the page filters, the mark winning', () => {
    expect(casesLinkParams({ from: '2025-01-01', team: 'N1' }, { team: 'N2', handoff: 'N2>N3' })).toEqual({
      from: '2025-01-01',
      team: 'N2',
      handoff: 'N2>N3',
    });
  });

  it('reads a pair with an arrow', () => {
    expect(pairLabel('Support / Open>Support / Closed')).toBe('Support / Open → Support / Closed');
  });

  it('shows one chip per filter, in a fixed order, with readable values', () => {
    expect(filterChips({ repeated: 'true', handoff: 'N1>N2', from: '2025-01-06' })).toEqual([
      { key: 'from', label: 'cases.filter.from', value: '2025-01-06' },
      { key: 'repeated', label: 'cases.filter.repeated', value: { message: 'cases.yes' } },
      { key: 'handoff', label: 'cases.filter.handoff', value: 'N1 → N2' },
    ]);
  });
});
