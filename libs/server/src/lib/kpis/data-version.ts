import type { DataSource } from 'typeorm';

/**
 * Everything an indicator answer depends on besides its query: the facts (dataset_state.facts_version, bumped in the
 * transaction that changes them), the organisation's time zone and repeat window, and the targets. Two reads that
 * give the same version give the same answers, so the api may serve a cached answer while it holds.
 */
export async function readDataVersion(db: DataSource): Promise<string> {
  const [row] = await db.query(
    `SELECT md5(concat_ws('|', d.facts_version, s.time_zone, s.repeat_window_days,
                (SELECT json_agg(t ORDER BY t.indicator)::text FROM kpi_target t))) AS version
     FROM dataset_state d CROSS JOIN setting s`,
  );
  return row.version;
}
