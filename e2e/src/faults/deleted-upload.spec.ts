import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importReport, kpiSummary, login, stack, uploadImport, waitForImport } from '../support/api-client';
import { isAlive, killWorkers, startWorkers, workersPid } from '../support/stack';
import { writeCanonicalExport, type WrittenExport } from './support/canonical-export';
import { storedEvents } from './support/facts';
import { dataDir } from './support/processes';

/**
 * The stored upload of a queued import deleted before a worker gets to it (an operator cleaning the data
 * directory, a lost volume): the import fails for good, with a report that names the uploaded file but not the
 * data directory, and nothing is stored. File: cases F000000–F000199 (1,976 rows, counted by a throwaway script
 * over caseRows), customers del-.
 */
const SOURCE = 'faults-deleted-upload';
const MINUTE = 60_000;

describe('a file deleted under a queued import', () => {
  let admin: string;
  let dir: string;
  let file: WrittenExport;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
    dir = mkdtempSync(join(tmpdir(), 'relais-faults-deleted-'));
    file = await writeCanonicalExport(join(dir, 'march-export.csv'), { from: 0, cases: 200, customers: 'del-' });
  });

  afterAll(async () => {
    if (!isAlive(workersPid(stack()))) await startWorkers(stack());
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, MINUTE);

  it('fails with a message naming the missing file, and stores nothing', async () => {
    expect(file.rows).toBe(1976);
    await killWorkers(stack(), 'SIGTERM');
    const id = await uploadImport(admin, file.path, { source: SOURCE });
    expect((await importReport(admin, id)).status).toBe('queued');
    // Where the api stores an accepted upload until its job runs (ImportsService.enqueue).
    const stored = join(dataDir(stack()), 'imports', id);
    expect(existsSync(stored)).toBe(true);
    unlinkSync(stored);
    await startWorkers(stack());

    const report = await waitForImport(admin, id);

    expect(report).toMatchObject({ status: 'failed', rowsRead: 0, eventsStored: 0, duplicates: 0, rejected: 0 });
    expect(report.failure).toBe(
      'The uploaded file "march-export.csv" is missing from the data directory (deleted before its import ran): upload it again',
    );
    expect(report.failure).not.toContain(dataDir(stack()));
    expect(await storedEvents(SOURCE)).toBe(0);
    expect((await kpiSummary(admin, SOURCE)).cases).toBe(0);
  });
});
