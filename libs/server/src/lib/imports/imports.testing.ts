import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { ImportRunner } from './import-runner';
import { ImportEntity } from './import.entity';

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

/** The repository root (the folder holding nx.json). */
export const REPO_ROOT = findRepoRoot(__dirname);

/** A file of the shared sample datasets, read in place and never copied (datasets/README.md). */
export function datasetPath(relative: string): string {
  return path.resolve(REPO_ROOT, '../shared/datasets', relative);
}

/** A hand-made fixture of the domain's ingest folder, e.g. `ok/eventlog-helpdesk.csv`. */
export function ingestFixture(relative: string): string {
  return path.join(REPO_ROOT, 'libs/domain/src/lib/ingest/__fixtures__', relative);
}

export interface FileImport {
  format: string;
  source: string;
  filePath: string;
  timeZone: string;
  /** The eventlog column mapping, stored in the import's options as the API stores it. */
  mapping?: unknown;
}

/**
 * Runs one import of a file through the real ImportRunner, as the worker would after `POST /api/imports`, and
 * returns its report. A failed import rejects like the runner does; its record stays readable in `import`.
 */
export async function runImport(dataSource: DataSource, runner: ImportRunner, file: FileImport): Promise<ImportEntity> {
  const options = file.mapping === undefined ? {} : { mapping: file.mapping };
  const [{ id }] = await dataSource.query(
    `INSERT INTO import (format, source, time_zone, options, file_name, file_path)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [file.format, file.source, file.timeZone, JSON.stringify(options), path.basename(file.filePath), file.filePath],
  );
  await runner.run(id);
  return dataSource.getRepository(ImportEntity).findOneByOrFail({ id });
}
