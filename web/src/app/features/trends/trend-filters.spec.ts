import { convertToParamMap } from '@angular/router';
import { filtersFromParams, filtersToParams } from './trend-filters';

describe('trend filters ↔ query params', () => {
  it('reads the known, non-empty filters from the URL', () => {
    const params = convertToParamMap({ team: 'N2', channel: '', category: 'billing', week: '2026-W47', other: 'x' });
    expect(filtersFromParams(params)).toEqual({ team: 'N2', category: 'billing' });
  });

  it('writes every filter, null for the unset ones so that merging removes them', () => {
    expect(filtersToParams({ team: 'N2', source: '' })).toEqual({
      team: 'N2',
      channel: null,
      category: null,
      source: null,
    });
  });

  it('round-trips', () => {
    const filters = { team: 'N1', channel: 'phone', category: 'access', source: 'demo' };
    expect(filtersFromParams(convertToParamMap(filtersToParams(filters)))).toEqual(filters);
  });
});
