import { emptySelection, guessSelection, mappingJson, MAPPING_FIELDS, missingRequired } from './eventlog-mapping-form';

describe('eventlog mapping form', () => {
  it('offers the contract keys, required ones first', () => {
    expect(MAPPING_FIELDS).toEqual([
      'caseId',
      'timestamp',
      'step',
      'team',
      'agent',
      'customer',
      'channel',
      'category',
      'csat',
      'csatScale',
    ]);
  });

  it('guesses a Disco export, each column used once', () => {
    const selection = guessSelection(['Case ID', 'Activity', 'Complete Timestamp', 'Resource', 'Variant', 'Variant_2']);
    expect(selection.columns).toEqual({
      caseId: 'Case ID',
      timestamp: 'Complete Timestamp',
      step: 'Activity',
      team: 'Resource',
    });
  });

  it('guesses a PM4Py export (case:concept:name, concept:name, time:timestamp, org:resource)', () => {
    const selection = guessSelection(['case:concept:name', 'concept:name', 'time:timestamp', 'org:resource']);
    expect(selection.columns).toEqual({
      caseId: 'case:concept:name',
      timestamp: 'time:timestamp',
      step: 'concept:name',
      team: 'org:resource',
    });
  });

  it('lists the required fields still unmapped', () => {
    expect(missingRequired(emptySelection())).toEqual(['caseId', 'timestamp', 'step']);
    expect(missingRequired({ columns: { caseId: 'id', step: ' ' }, timestampFormat: '' })).toEqual(['timestamp', 'step']);
  });

  it('sends the mapped fields only, with the timestamp format when given', () => {
    const json = mappingJson({
      columns: { caseId: 'Case ID', timestamp: 'When', step: 'Activity', team: '', csat: 'Rating' },
      timestampFormat: ' dd/MM/yyyy HH:mm ',
    });
    expect(JSON.parse(json)).toEqual({
      caseId: 'Case ID',
      timestamp: 'When',
      step: 'Activity',
      csat: 'Rating',
      timestampFormat: 'dd/MM/yyyy HH:mm',
    });
  });
});
