import { mappingsOf, rowsOf } from './step-mapping-rows';

describe('step mapping rows', () => {
  it('lists a mapping sorted by raw status', () => {
    expect(rowsOf({ Résolu: 'resolved', 'En cours': 'in_progress' })).toEqual([
      { raw: 'En cours', step: 'in_progress' },
      { raw: 'Résolu', step: 'resolved' },
    ]);
  });

  it('builds the PUT body from trimmed rows, skipping empty ones', () => {
    expect(
      mappingsOf([
        { raw: ' En cours ', step: 'in_progress ' },
        { raw: '', step: '' },
        { raw: 'constructor', step: 'new' },
      ]),
    ).toEqual({ mappings: { 'En cours': 'in_progress', constructor: 'new' } });
  });

  it('names the first problem: a row with one side only, or a raw status twice', () => {
    expect(mappingsOf([{ raw: 'Nouveau', step: ' ' }])).toEqual({ problem: 'settings.mappings.incompleteRow' });
    expect(
      mappingsOf([
        { raw: 'Nouveau', step: 'new' },
        { raw: 'Nouveau ', step: 'triage' },
      ]),
    ).toEqual({ problem: 'settings.mappings.duplicateRaw' });
  });
});
