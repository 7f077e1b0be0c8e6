import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORPHAN_UPLOAD_AGE_MS, sweepOrphanUploads } from './upload-sweep';

describe('sweepOrphanUploads', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-uploads-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, ageMs: number) => {
    writeFileSync(join(dir, name), 'case_id,ts\n');
    const at = (Date.now() - ageMs) / 1000;
    utimesSync(join(dir, name), at, at);
  };

  it('deletes the files untouched for an hour and keeps those still being written', async () => {
    file('cut-short', ORPHAN_UPLOAD_AGE_MS + 60_000);
    file('in-progress', 5_000);
    mkdirSync(join(dir, 'a-folder'));

    expect(await sweepOrphanUploads(dir)).toEqual(['cut-short']);
    expect(readdirSync(dir).sort()).toEqual(['a-folder', 'in-progress']);
  });

  it('takes a directory that does not exist yet (no upload ever) as empty', async () => {
    const missing = join(dir, 'uploads');
    expect(await sweepOrphanUploads(missing)).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});
