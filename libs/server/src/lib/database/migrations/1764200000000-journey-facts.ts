import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts below the case, kept up to date by the import job like case_fact, so that step delays, satisfaction and
 * handoffs are answered without scanning journey_event: one row per transition (§5), per survey answer (§6) and
 * per transfer (§3). Ordinal `n` is the position inside the case in (ts, seq) order.
 */
export class JourneyFacts1764200000000 implements MigrationInterface {
  name = 'JourneyFacts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_transition (
        source text NOT NULL,
        case_id text NOT NULL,
        n integer NOT NULL,
        from_step text,
        to_step text,
        entered_at timestamptz NOT NULL,
        left_at timestamptz NOT NULL,
        seconds bigint NOT NULL,
        -- Team holding the case while it was in from_step.
        team text,
        PRIMARY KEY (source, case_id, n)
      )`);
    await q.query(`CREATE INDEX case_transition_steps ON case_transition (from_step, to_step)`);
    await q.query(`
      CREATE TABLE case_survey (
        source text NOT NULL,
        case_id text NOT NULL,
        n integer NOT NULL,
        answered_at timestamptz NOT NULL,
        step text,
        team text,
        csat smallint NOT NULL,
        csat_scale smallint NOT NULL,
        PRIMARY KEY (source, case_id, n)
      )`);
    await q.query(`
      CREATE TABLE case_handoff (
        source text NOT NULL,
        case_id text NOT NULL,
        n integer NOT NULL,
        from_team text NOT NULL,
        to_team text NOT NULL,
        transferred_at timestamptz NOT NULL,
        -- Time to the next event of the case; null while nothing has happened since.
        pickup_seconds bigint,
        PRIMARY KEY (source, case_id, n)
      )`);
    await q.query(`CREATE INDEX case_handoff_teams ON case_handoff (from_team, to_team)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_handoff`);
    await q.query(`DROP TABLE case_survey`);
    await q.query(`DROP TABLE case_transition`);
  }
}
