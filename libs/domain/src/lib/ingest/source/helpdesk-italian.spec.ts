import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { parseTimestamp } from '../timestamps/parse-timestamp';
import { openRecords } from './open-records';

function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

// Read in place, never copied (datasets/README.md); the file is gzip, LF, `YYYY/MM/DD hh:mm:ss.sss` naive times.
const DATASET = path.resolve(repoRoot(__dirname), '../shared/datasets/helpdesk-italian-4tu/finale.csv.gz');

describe('helpdesk-italian-4tu/finale.csv.gz, streamed from the shared datasets', () => {
  it('de-duplicates its header, reads 21,348 records and every Complete Timestamp', async () => {
    const source = await openRecords(createReadStream(DATASET));
    expect(source).toMatchObject({ compression: 'gzip', encoding: 'utf-8', delimiter: ',' });
    expect(source.header).toEqual([
      'Case ID',
      'Activity',
      'Resource',
      'Complete Timestamp',
      'Variant',
      'Variant index',
      'Variant_2',
      'seriousness',
      'customer',
      'product',
      'responsible_section',
      'seriousness_2',
      'service_level',
      'service_type',
      'support_section',
      'workgroup',
    ]);

    let count = 0;
    let lastLine = 0;
    const unparsed: string[] = [];
    let first: { line: number; caseId: string; activity: string; ts: string } | undefined;
    for await (const { line, record } of source.records) {
      count++;
      lastLine = line;
      const ts = parseTimestamp(record['Complete Timestamp'], { timeZone: 'UTC' });
      if (!ts.ok) unparsed.push(`${line}: ${ts.message}`);
      else first ??= { line, caseId: record['Case ID'], activity: record['Activity'], ts: ts.date.toISOString() };
    }

    expect(count).toBe(21_348);
    expect(lastLine).toBe(21_349);
    expect(unparsed).toEqual([]);
    expect(first).toEqual({
      line: 2,
      caseId: 'Case 1',
      activity: 'Assign seriousness',
      ts: '2012-10-09T14:50:17.000Z',
    });
  }, 30_000); // ~3 MB uncompressed: about 3 s under Jest on a 2-core machine
});
