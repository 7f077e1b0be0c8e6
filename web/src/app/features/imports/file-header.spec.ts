import { detectDelimiter, firstRecord, headerOf, normaliseColumns, readFileHeader, splitRecord } from './file-header';

describe('reading the header of the chosen file', () => {
  it('takes the first record, without byte-order mark, leading blank lines or a quoted line break', () => {
    expect(firstRecord('\uFEFFa,b\r\n1,2\n')).toBe('a,b');
    expect(firstRecord('\n\n  \ncase,"step\nname",ts\n1,2,3')).toBe('case,"step\nname",ts');
    expect(firstRecord('only')).toBe('only');
  });

  it('splits on the delimiter outside quotes, "" standing for a quote', () => {
    expect(splitRecord('"Case ID";"Activity; lifecycle";"say ""hi"""', ';')).toEqual([
      'Case ID',
      'Activity; lifecycle',
      'say "hi"',
    ]);
    expect(splitRecord('a,,b', ',')).toEqual(['a', '', 'b']);
  });

  it.each([
    ['Case ID,Activity,Complete Timestamp', ','],
    ['Case ID;Activity;Complete Timestamp', ';'],
    ['Case ID\tActivity\tComplete Timestamp', '\t'],
    ['Case ID|Activity|Complete Timestamp', '|'],
    // Three fields with `;`, two with `,` (the comma sits in a quoted name).
    ['"Case, ID";Activity;Timestamp', ';'],
    // One field whatever the delimiter: the first candidate.
    ['caseid', ','],
    // Tie (two fields each): the earlier candidate.
    ['a,b;c', ','],
  ])('finds the delimiter of %j', (record, delimiter) => {
    expect(detectDelimiter(record)).toBe(delimiter);
  });

  it('names columns as the server does: trimmed, empty → column_<n>, repeats numbered', () => {
    expect(normaliseColumns([' Case ID ', '', 'Variant', 'Variant', 'a', 'a', 'a_2'])).toEqual([
      'Case ID',
      'column_2',
      'Variant',
      'Variant_2',
      'a',
      'a_3',
      'a_2',
    ]);
  });

  it('says when a sample has no header', () => {
    expect(headerOf('', false)).toEqual({ kind: 'no-header' });
    expect(headerOf('\n \n', false)).toEqual({ kind: 'no-header' });
    expect(headerOf('a\0b', false)).toEqual({ kind: 'no-header' });
  });

  it('reads the header of a semicolon CSV file', async () => {
    const file = new File(['\uFEFFCase ID;Activity;Complete Timestamp;Resource\r\n1;Open;2025-01-01 10:00;N1\r\n'], 'log.csv');
    await expect(readFileHeader(file)).resolves.toEqual({
      kind: 'columns',
      delimiter: ';',
      columns: ['Case ID', 'Activity', 'Complete Timestamp', 'Resource'],
      compressed: false,
    });
  });

  it('reads only the first 64 KiB of a large file', async () => {
    const header = 'case,ts,step\n';
    const file = new File([header, 'x'.repeat(200 * 1024)], 'big.csv');
    const slice = jest.spyOn(file, 'slice');
    await expect(readFileHeader(file)).resolves.toMatchObject({ columns: ['case', 'ts', 'step'] });
    expect(slice).toHaveBeenCalledWith(0, 64 * 1024);
  });

  it('asks for a typed mapping for gzip when the browser cannot decompress it', async () => {
    // jsdom has no DecompressionStream, like an older browser.
    const gzip = new File([new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00])], 'log.csv.gz');
    await expect(readFileHeader(gzip)).resolves.toEqual({ kind: 'gzip-unreadable' });
  });
});
