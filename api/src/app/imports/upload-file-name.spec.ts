import { MAX_FILE_NAME_LENGTH, uploadFileName } from './upload-file-name';

describe('uploadFileName', () => {
  it.each([
    ['week-48.csv.gz', 'week-48.csv.gz'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\x.csv', 'x.csv'],
    ['C:\\Users\\ann\\export.csv', 'export.csv'],
    ['/var/lib/relais/imports/other-import', 'other-import'],
    ['a\u0000b.csv', 'ab.csv'],
    ['report\u202Evsc.exe', 'reportvsc.exe'],
    ['..', 'upload'],
    ['../', 'upload'],
    ['\u0000', 'upload'],
    ['', 'upload'],
  ])('reports %j as %j', (original, expected) => {
    expect(uploadFileName(original)).toBe(expected);
  });

  it('cuts a 300-character name to 200, keeping its extension', () => {
    const name = uploadFileName(`${'x'.repeat(300)}.csv.gz`);
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name).toBe(`${'x'.repeat(193)}.csv.gz`);
  });
});
