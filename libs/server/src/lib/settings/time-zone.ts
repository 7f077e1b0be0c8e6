import type { SqlRunner } from './organisation-settings';

/**
 * The zone as PostgreSQL spells it (case fixed, links such as America/Montreal kept), when both the runtime and
 * PostgreSQL know it; else null. Offsets such as "+01:00" are refused: Intl reads them as UTC+1, PostgreSQL's
 * AT TIME ZONE as POSIX UTC−1.
 */
export async function canonicalTimeZone(db: SqlRunner, zone: string): Promise<string | null> {
  if (!/^[A-Za-z]/.test(zone)) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return null;
  }
  const rows = (await db.query(
    `SELECT name FROM pg_timezone_names WHERE lower(name) = lower($1) ORDER BY name = $1 DESC, name LIMIT 1`,
    [zone],
  )) as Array<{ name: string }>;
  return rows[0]?.name ?? null;
}
