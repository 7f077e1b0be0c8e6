import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openAsBlob,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, stack, uploadImport, waitForImport } from '../support/api-client';
import { ARTIFACTS, isAlive, ROOT, waitForExit, waitForHealth } from '../support/stack';
import { writeCanonicalExport, type WrittenExport } from './support/canonical-export';
import { counts, importCount, storedEvents, withDb } from './support/facts';
import { apiPid, dataDir, killApi, startApi } from './support/processes';
import { slowUpload } from './support/slow-upload';

/**
 * Uploads cut short. The api streams an upload to `<data dir>/uploads` and records the import only once the file
 * is whole, so an upload that dies records nothing; what it can leave is the half-written file:
 * - the client gives up: the api (multer) deletes the partial file itself;
 * - the api is killed (kill -9): nobody can delete it then; the next api start sweeps upload files untouched for
 *   an hour (UploadSweeper, ORPHAN_UPLOAD_AGE_MS) and leaves younger ones (another api's upload in progress);
 * - the disk is full (a 1 MB tmpfs as the data directory): the request fails, the partial file is deleted.
 * File: cases F000000–F001999, 20,179 rows (counted by a throwaway script over caseRows), customers up-.
 */
const ROWS = 20_179;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const uploadsDir = () => join(dataDir(stack()), 'uploads');
const uploads = (dir = uploadsDir()) => (existsSync(dir) ? readdirSync(dir).sort() : []);

async function eventually(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Imports PostgreSQL holds as queued or running: none may be left waiting forever. */
const openImports = () =>
  withDb(async (c) => {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM import WHERE status IN ('queued', 'running')`,
    );
    return rows[0].n;
  });

describe('uploads cut short', () => {
  let admin: string;
  let dir: string;
  let file: WrittenExport;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
    dir = mkdtempSync(join(tmpdir(), 'relais-faults-upload-'));
    file = await writeCanonicalExport(join(dir, 'upload.csv'), { from: 0, cases: 2000, customers: 'up-' });
  });

  afterAll(async () => {
    // Whatever happened above, the tests after this file need an api.
    if (!isAlive(apiPid(stack()))) await startApi(stack());
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, MINUTE);

  it('the generated file holds the counted rows', () => {
    expect(file.rows).toBe(ROWS);
  });

  it('a client that gives up mid-upload leaves no file and no import', async () => {
    const upload = slowUpload(stack().baseUrl, admin, file.path, 'faults-upload-aborted');
    await eventually(
      () => uploads().some((name) => statSync(join(uploadsDir(), name)).size > 64 * 1024),
      'the upload did not reach 64 KB on disk',
    );
    upload.abort();
    expect(await upload.done).toHaveProperty('failed');
    await eventually(() => uploads().length === 0, 'the partial upload file was not deleted');
    expect(await importCount('faults-upload-aborted')).toBe(0);
  });

  it(
    'kill -9 of the api mid-upload: no import, the orphan file swept at the next start, then the upload succeeds once',
    async () => {
      const source = 'faults-upload-api-killed';
      const upload = slowUpload(stack().baseUrl, admin, file.path, source);
      await eventually(
        () => uploads().some((name) => statSync(join(uploadsDir(), name)).size > 64 * 1024),
        'the upload did not reach 64 KB on disk',
      );
      await killApi(stack());
      // The connection dies with the api: no response at all.
      expect(await upload.done).toHaveProperty('failed');

      // Left behind: one half-written file, which no import record points to.
      const [orphan, ...others] = uploads();
      expect(others).toEqual([]);
      expect(statSync(join(uploadsDir(), orphan)).size).toBeLessThan(statSync(file.path).size);
      expect(await importCount(source)).toBe(0);
      expect(await openImports()).toBe(0);

      // An hour later, as far as the sweep can tell; and a file another api is writing right now.
      const anHourAgo = (Date.now() - HOUR - MINUTE) / 1000;
      utimesSync(join(uploadsDir(), orphan), anHourAgo, anHourAgo);
      writeFileSync(join(uploadsDir(), 'in-progress-elsewhere'), 'case_id,');
      await startApi(stack());
      expect(uploads()).toEqual(['in-progress-elsewhere']);
      rmSync(join(uploadsDir(), 'in-progress-elsewhere'));

      const report = await waitForImport(admin, await uploadImport(admin, file.path, { source }));
      expect(counts(report)).toEqual({
        status: 'succeeded',
        rowsRead: ROWS,
        eventsStored: ROWS,
        duplicates: 0,
        rejected: 0,
      });
      expect(await importCount(source)).toBe(1);
      expect(await storedEvents(source)).toBe(ROWS);
      expect(await openImports()).toBe(0);
      expect(uploads()).toEqual([]);
    },
    3 * MINUTE,
  );

  it(
    'disk full (a 1 MB tmpfs as the data directory): the upload fails, nothing recorded, no file left',
    async () => {
      const source = 'faults-upload-disk-full';
      const mount = mkdtempSync(join(tmpdir(), 'relais-faults-tmpfs-'));
      // A second api on its own port, sharing the stack's database and queue, its data directory on the tmpfs.
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
      const port = 4800 + Math.floor(Math.random() * 100);
      mkdirSync(ARTIFACTS, { recursive: true });
      const child = spawn('node', [join(ROOT, 'dist', 'api', 'main.js')], {
        env: { ...process.env, ...stack().workers?.env, RELAIS_DATA_DIR: mount, PORT: String(port) },
        stdio: 'ignore',
      });
      try {
        await waitForHealth(`http://127.0.0.1:${port}`);
        const form = new FormData();
        form.set('file', await openAsBlob(file.path), 'upload.csv');
        form.set('format', 'canonical');
        form.set('source', source);
        const res = await fetch(`http://127.0.0.1:${port}/api/imports`, {
          method: 'POST',
          body: form,
          headers: { Authorization: `Bearer ${admin}` },
        });
        // The file (1.4 MB) cannot fit: multer's write fails with ENOSPC, the api says so (507).
        expect(res.status).toBe(507);
        expect((await res.json()).message).toMatch(/no disk space left for this upload: nothing was stored/);
        await eventually(() => uploads(join(mount, 'uploads')).length === 0, 'the partial upload file was not deleted');
        expect(await importCount(source)).toBe(0);
        expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      } finally {
        if (child.pid && isAlive(child.pid)) {
          child.kill('SIGKILL');
          await waitForExit(child.pid);
        }
        execFileSync('umount', [mount]);
        rmSync(mount, { recursive: true, force: true });
      }
    },
    2 * MINUTE,
  );
});
