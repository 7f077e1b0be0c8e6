import { checkImportRequest, InvalidImportRequest } from './import-request';

describe('checkImportRequest', () => {
  it('accepts a known format and returns no options without a mapping', () => {
    expect(checkImportRequest({ format: 'canonical', timeZone: 'Europe/Paris' })).toEqual({});
  });

  it('keeps a JSON mapping as the import options', () => {
    expect(checkImportRequest({ format: 'canonical', mapping: '{"caseId":"Case ID"}' })).toEqual({
      mapping: { caseId: 'Case ID' },
    });
  });

  it.each([
    [{ format: 'excel' }, /^Unknown format "excel"; known formats: canonical/],
    [{ format: 'canonical', timeZone: 'Paris' }, /^timezone "Paris" is not an IANA time zone/],
    [{ format: 'canonical', mapping: '{caseId:' }, /^mapping must be JSON/],
    [{ format: 'canonical', mapping: '["Case ID"]' }, /^mapping must be a JSON object/],
    [{ format: 'eventlog' }, /^format eventlog needs a mapping/],
    [{ format: 'eventlog', mapping: '{"caseID":"Case ID"}' }, /caseID/],
  ])('refuses %p', (fields, message) => {
    expect(() => checkImportRequest(fields)).toThrow(InvalidImportRequest);
    expect(() => checkImportRequest(fields)).toThrow(message);
  });
});
