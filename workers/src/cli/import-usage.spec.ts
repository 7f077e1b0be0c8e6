import { IMPORT_FORMATS, listImportFormats } from '@relais/domain';
import { formatList, importInfo, importUsage } from './import-usage';

describe('import command usage', () => {
  it('lists every registered format on its own line with its description', () => {
    const lines = formatList().split('\n');
    // As many lines as the registry has formats, whatever adapters were added since.
    expect(lines).toHaveLength(IMPORT_FORMATS.length);
    for (const [i, { name, description }] of listImportFormats().entries()) {
      expect(lines[i]).toMatch(new RegExp(`^  ${name} +${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  it('says that eventlog needs a mapping', () => {
    expect(formatList().split('\n').find((line) => line.startsWith('  eventlog '))).toMatch(/\(needs --mapping\)$/);
    expect(formatList().split('\n').filter((line) => line.includes('needs --mapping'))).toHaveLength(1);
  });

  it('puts the format list and the mapping keys in the usage text', () => {
    const usage = importUsage();
    expect(usage).toContain('npm run import -- --formats');
    expect(usage).toContain(formatList());
    expect(usage).toMatch(/caseId, timestamp, step \(required\)/);
  });

  it.each([
    [['--formats'], 'formats'],
    [['--format', 'canonical', '--formats'], 'formats'],
    [['--help'], 'usage'],
    [['-h'], 'usage'],
  ])('answers %j with the %s', (argv, what) => {
    expect(importInfo(argv)).toBe(what === 'formats' ? formatList() : importUsage());
  });

  it('lets an import request through', () => {
    expect(importInfo(['--format', 'canonical', '--file', 'x.csv'])).toBeNull();
  });
});
