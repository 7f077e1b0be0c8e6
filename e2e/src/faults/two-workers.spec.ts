import type { ImportReport } from '@relais/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, stack, uploadImport, waitForImport } from '../support/api-client';
import { writeCanonicalExport, type WrittenExport } from './support/canonical-export';
import { counts, sourceEvents, sourceFacts, storedEvents } from './support/facts';
import { startExtraWorkers, stopProcess } from './support/processes';

/**
 * Two workers processes on one queue import two overlapping exports at the same time. Each process runs one
 * import at a time, so both imports run at once, one per process; IMPORT_MERGE_LOCK serialises their
 * transactions. The result must equal importing the files one after the other: the union stored once, the
 * overlap counted as duplicates (by whichever import came second).
 *
 * Files (canonical-export.ts; rows counted by a throwaway script over caseRows, and again on writing):
 *   A = cases F000000–F005999: 60,476 rows        B = cases F003000–F008999: 60,135 rows
 *   overlap F003000–F005999: 30,180 rows, identical in both files; union F000000–F008999: 90,431 rows
 *   (= 60,476 + 60,135 − 30,180). Customers ovp- (at the same time) and ovs- (one after the other).
 */
const A_ROWS = 60_476;
const B_ROWS = 60_135;
const OVERLAP_ROWS = 30_180;
const UNION_ROWS = 90_431;
const PARALLEL = 'faults-overlap-parallel';
const SEQUENTIAL = 'faults-overlap-sequential';
const MINUTE = 60_000;

describe('two workers processes, two overlapping files at the same time', () => {
  let admin: string;
  let dir: string;
  let files: Record<'a' | 'b' | 'aAfter' | 'bAfter', WrittenExport>;
  let extraWorkers: number | undefined;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
    dir = mkdtempSync(join(tmpdir(), 'relais-faults-overlap-'));
    const a = (name: string, customers: string) =>
      writeCanonicalExport(join(dir, name), { from: 0, cases: 6000, customers });
    const b = (name: string, customers: string) =>
      writeCanonicalExport(join(dir, name), { from: 3000, cases: 6000, customers });
    files = {
      a: await a('a.csv', 'ovp-'),
      b: await b('b.csv', 'ovp-'),
      aAfter: await a('a-sequential.csv', 'ovs-'),
      bAfter: await b('b-sequential.csv', 'ovs-'),
    };
  }, MINUTE);

  afterAll(async () => {
    if (extraWorkers) await stopProcess(extraWorkers);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, MINUTE);

  it('the generated files hold the counted rows', () => {
    expect([files.a.rows, files.b.rows]).toEqual([A_ROWS, B_ROWS]);
    expect([files.aAfter.rows, files.bAfter.rows]).toEqual([A_ROWS, B_ROWS]);
  });

  it(
    'stores the union once and counts the overlap as duplicates, as one import after the other does',
    async () => {
      extraWorkers = await startExtraWorkers(stack());
      const a = await uploadImport(admin, files.a.path, { source: PARALLEL });
      const b = await uploadImport(admin, files.b.path, { source: PARALLEL });
      const [ra, rb] = await Promise.all([
        waitForImport(admin, a, undefined, { timeoutMs: 4 * MINUTE }),
        waitForImport(admin, b, undefined, { timeoutMs: 4 * MINUTE }),
      ]);
      // Both were running at once (each process runs one import at a time: they ran in the two processes).
      const span = (r: ImportReport) => [Date.parse(r.startedAt ?? ''), Date.parse(r.finishedAt ?? '')];
      const [[aStart, aEnd], [bStart, bEnd]] = [span(ra), span(rb)];
      expect(aStart < bEnd && bStart < aEnd).toBe(true);

      expect([ra.status, rb.status]).toEqual(['succeeded', 'succeeded']);
      expect([ra.rowsRead, rb.rowsRead]).toEqual([A_ROWS, B_ROWS]);
      expect(ra.eventsStored + rb.eventsStored).toBe(UNION_ROWS);
      expect(ra.duplicates + rb.duplicates).toBe(OVERLAP_ROWS);
      expect(ra.rejected + rb.rejected).toBe(0);
      expect(await storedEvents(PARALLEL)).toBe(UNION_ROWS);

      const aAfter = await waitForImport(admin, await uploadImport(admin, files.aAfter.path, { source: SEQUENTIAL }));
      const bAfter = await waitForImport(admin, await uploadImport(admin, files.bAfter.path, { source: SEQUENTIAL }));
      expect(counts(aAfter)).toEqual({
        status: 'succeeded',
        rowsRead: A_ROWS,
        eventsStored: A_ROWS,
        duplicates: 0,
        rejected: 0,
      });
      expect(counts(bAfter)).toEqual({
        status: 'succeeded',
        rowsRead: B_ROWS,
        eventsStored: B_ROWS - OVERLAP_ROWS,
        duplicates: OVERLAP_ROWS,
        rejected: 0,
      });
      expect(await storedEvents(SEQUENTIAL)).toBe(UNION_ROWS);
      expect(await sourceEvents(PARALLEL)).toBe(await sourceEvents(SEQUENTIAL));
      expect(await sourceFacts(PARALLEL)).toEqual(await sourceFacts(SEQUENTIAL));
    },
    10 * MINUTE,
  );
});
