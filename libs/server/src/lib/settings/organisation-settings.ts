import type { RepeatWindowDays } from '@relais/contracts';

/** What runs SQL and returns rows: a DataSource, a QueryRunner (inside a transaction) or an EntityManager. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The settings every indicator and import is computed with. */
export interface EffectiveSettings {
  timeZone: string;
  repeatWindowDays: RepeatWindowDays;
}

export interface StoredSettings extends EffectiveSettings {
  /** false while no admin has set a time zone: the configured default (RELAIS_TIMEZONE) applies. */
  timeZoneSet: boolean;
  updatedAt: Date | null;
}

/**
 * Reads the organisation's settings (one row). Read on every use rather than cached: the api and the workers are
 * separate processes, and an import reads them inside its own transaction.
 */
export async function readOrganisationSettings(db: SqlRunner, defaultTimeZone: string): Promise<StoredSettings> {
  const rows = (await db.query(`SELECT time_zone, repeat_window_days, updated_at FROM setting`)) as Array<{
    time_zone: string | null;
    repeat_window_days: RepeatWindowDays;
    updated_at: Date | null;
  }>;
  const row = rows[0];
  return {
    timeZone: row?.time_zone ?? defaultTimeZone,
    timeZoneSet: Boolean(row?.time_zone),
    repeatWindowDays: row?.repeat_window_days ?? 7,
    updatedAt: row?.updated_at ?? null,
  };
}
