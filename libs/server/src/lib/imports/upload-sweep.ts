import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';

/** Where the api streams an upload while its request lasts (multer's `dest`), under the data directory. */
export const uploadsDir = (config: Pick<RelaisConfig, 'dataDir'>) => join(config.dataDir, 'uploads');

/**
 * An upload file untouched for this long belongs to no request any more: an upload in progress writes to its
 * file continuously, and a finished one has been moved to `imports/` before its import was recorded.
 */
export const ORPHAN_UPLOAD_AGE_MS = 60 * 60_000;

/**
 * Deletes the upload files not written to for `olderThanMs`: the halves of uploads whose api process died
 * (kill -9, power loss) before it could delete them. A failed request deletes its own file (multer); nothing
 * else leaves files here. Returns the names deleted.
 */
export async function sweepOrphanUploads(dir: string, olderThanMs = ORPHAN_UPLOAD_AGE_MS): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const deadline = Date.now() - olderThanMs;
  const deleted: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || info.mtimeMs > deadline) continue;
    await unlink(path).catch(() => undefined);
    deleted.push(name);
  }
  return deleted;
}

/** Sweeps the upload directory once when the process starts. */
@Injectable()
export class UploadSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(UploadSweeper.name);

  constructor(@Inject(RELAIS_CONFIG) private readonly config: RelaisConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const deleted = await sweepOrphanUploads(uploadsDir(this.config));
      if (deleted.length) this.logger.warn(`${deleted.length} orphan upload file(s) deleted (an upload cut short)`);
    } catch (error) {
      // Never a reason not to start: the next start sweeps again.
      this.logger.warn(`upload sweep skipped: ${(error as Error).message}`);
    }
  }
}
