import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an admin sets: the organisation's time zone and default repeat window (one row), the targets of the weekly
 * review, and per source the mapping of raw statuses to steps (KPI-DEFINITIONS §1, §2, §4).
 */
export class Settings1764300000000 implements MigrationInterface {
  name = 'Settings1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE setting (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        -- Null until an admin sets one: RELAIS_TIMEZONE applies.
        time_zone text,
        repeat_window_days integer NOT NULL DEFAULT 7 CHECK (repeat_window_days IN (2, 3, 7, 14, 30)),
        updated_at timestamptz
      )`);
    await q.query(`INSERT INTO setting (id) VALUES (true)`);
    await q.query(`
      CREATE TABLE kpi_target (
        indicator text PRIMARY KEY
          CHECK (indicator IN ('transfersMean', 'pingPongShare', 'repeatRate', 'reopenRate', 'csatMean', 'csatShare')),
        target double precision NOT NULL,
        alert_level double precision NOT NULL,
        direction text NOT NULL CHECK (direction IN ('lower', 'higher')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- The alert level lies on the bad side of the target.
        CHECK (CASE direction WHEN 'lower' THEN alert_level >= target ELSE alert_level <= target END)
      )`);
    // Starting points for the admin to adjust to the organisation, not benchmarks.
    await q.query(`
      INSERT INTO kpi_target (indicator, target, alert_level, direction) VALUES
        ('transfersMean', 0.5, 1, 'lower'),
        ('pingPongShare', 0.05, 0.1, 'lower'),
        ('repeatRate', 0.1, 0.2, 'lower'),
        ('reopenRate', 0.05, 0.1, 'lower'),
        ('csatMean', 4, 3.5, 'higher'),
        ('csatShare', 0.8, 0.6, 'higher')`);
    await q.query(`
      CREATE TABLE step_mapping (
        source text NOT NULL,
        raw text NOT NULL,
        step text NOT NULL,
        PRIMARY KEY (source, raw)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE step_mapping`);
    await q.query(`DROP TABLE kpi_target`);
    await q.query(`DROP TABLE setting`);
  }
}
