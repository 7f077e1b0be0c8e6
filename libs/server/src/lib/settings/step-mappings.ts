import type { SqlRunner } from './organisation-settings';

/** Maps a raw step through a source's mapping; a value the mapping does not list is kept as it is. */
export type StepMapper = <T extends string | null>(raw: T) => T | string;

/** Loads the mapping of one source once (e.g. per import) and returns the function that applies it. */
export async function loadStepMapper(db: SqlRunner, source: string): Promise<StepMapper> {
  const rows = (await db.query(`SELECT raw, step FROM step_mapping WHERE source = $1`, [source])) as Array<{
    raw: string;
    step: string;
  }>;
  if (rows.length === 0) return (raw) => raw;
  const steps = new Map(rows.map((r) => [r.raw, r.step]));
  return (raw) => (raw === null ? raw : (steps.get(raw) ?? raw));
}
