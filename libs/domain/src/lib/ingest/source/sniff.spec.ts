import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { assertNotBinary, detectDelimiter, detectEncoding, isGzip } from './sniff';

describe('detectEncoding', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  it.each([
    ['ASCII', utf8('case_id,team\n1,N1\n'), true, 'utf-8'],
    ['UTF-8 with accents', utf8('équipe\nÉ'), true, 'utf-8'],
    ['UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x61]), true, 'utf-8'],
    ['UTF-16LE BOM', Buffer.from([0xff, 0xfe, 0x61, 0x00]), true, 'utf-16le'],
    ['UTF-16BE BOM', Buffer.from([0xfe, 0xff, 0x00, 0x61]), true, 'utf-16be'],
    ['Latin-1 é (0xE9 is not valid UTF-8)', Buffer.from('équipe', 'latin1'), true, 'windows-1252'],
    ['Windows-1252 € (0x80)', Buffer.from([0x35, 0x30, 0x20, 0x80]), true, 'windows-1252'],
    // "é" is C3 A9: a sample cut after C3 is UTF-8 when more bytes follow, not when the file ends there.
    ['UTF-8 sequence cut by the end of an incomplete sample', Buffer.from([0x61, 0xc3]), false, 'utf-8'],
    ['UTF-8 sequence cut by the end of the file', Buffer.from([0x61, 0xc3]), true, 'windows-1252'],
  ])('%s → %s', (_, sample, complete, expected) => {
    expect(detectEncoding(sample, complete)).toBe(expected);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['comma', 'case_id,ts,team\n1,2,3', ','],
    ['semicolon', 'case_id;ts;team\n1;2;3', ';'],
    ['tab', 'case_id\tts\tteam\n1\t2\t3', '\t'],
    ['pipe', 'case_id|ts|team\n1|2|3', '|'],
    ['semicolon, with commas inside quoted names', '"team, group";"a,b,c,d";ts\n', ';'],
    ['comma, with semicolons inside quoted names', '"a;b;c;d",ts\n', ','],
    ['a single column falls back to comma', 'case_id\n1\n', ','],
    ['a header cut by the end of the sample', 'case_id;ts;team;agent;chan', ';'],
    ['a stray quote inside an unquoted name', 'screen 12";ts;team\n', ';'],
  ])('%s', (_, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it.each([
    ['JSON object', '{"id": 1, "status": "open"}', 'The file looks like JSON, not a CSV export.'],
    ['JSON array', '  [\n  {"id": 1}]', 'The file looks like JSON, not a CSV export.'],
    ['XML', '<?xml version="1.0"?><log/>', 'The file looks like XML or HTML, not a CSV export.'],
  ])('rejects %s as NOT_CSV', (_, text, message) => {
    expect(() => detectDelimiter(text)).toThrow(new ImportFileError(ImportFileErrorCode.NOT_CSV, message));
  });

  it('accepts a header that merely starts with a bracket', () => {
    expect(detectDelimiter('[Ticket] ID;Status\n')).toBe(';');
  });
});

describe('isGzip and assertNotBinary', () => {
  it('recognises gzip by its magic bytes only', () => {
    expect(isGzip(Buffer.from([0x1f, 0x8b, 0x08]))).toBe(true);
    expect(isGzip(Buffer.from('1f8b', 'utf8'))).toBe(false);
    expect(isGzip(Buffer.from([0x1f]))).toBe(false);
  });

  it('names an Excel workbook when the binary sample starts like a ZIP', () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(() => assertNotBinary(xlsx, '', 'windows-1252')).toThrow(
      'The file is binary (it contains NUL bytes in its first 8 bytes), not a CSV export. ' +
        'It looks like a ZIP archive or an Excel .xlsx workbook: export the sheet as CSV.',
    );
  });

  it('lets UTF-16 through: its NUL bytes are text', () => {
    const sample = Buffer.from('\uFEFFa,b', 'utf16le');
    expect(() => assertNotBinary(sample, 'a,b', 'utf-16le')).not.toThrow();
  });
});
