import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        format text NOT NULL,
        source text NOT NULL,
        time_zone text NOT NULL,
        options jsonb NOT NULL DEFAULT '{}',
        file_name text NOT NULL,
        file_path text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        rows_read integer NOT NULL DEFAULT 0,
        events_stored integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        progress real NOT NULL DEFAULT 0,
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX import_created_at ON import (created_at DESC)`);
    // An event is identified by its content (KPI-DEFINITIONS §1): re-imports and overlapping exports add nothing.
    // NULLS NOT DISTINCT (PostgreSQL 15+) because most of these fields are optional.
    await q.query(`
      CREATE TABLE journey_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source text NOT NULL,
        case_id text NOT NULL,
        customer_key text,
        ts timestamptz NOT NULL,
        seq bigint NOT NULL,
        event text NOT NULL,
        step text,
        team text,
        agent text,
        channel text,
        category text,
        direction text,
        csat smallint,
        csat_scale smallint,
        import_id uuid NOT NULL REFERENCES import (id),
        CONSTRAINT journey_event_identity
          UNIQUE NULLS NOT DISTINCT (source, case_id, ts, event, step, team, agent, direction, csat)
      )`);
    await q.query(`CREATE INDEX journey_event_case_order ON journey_event (source, case_id, ts, seq)`);
    // Per-case facts kept up to date by the import job so that indicators never scan events on the request path.
    await q.query(`
      CREATE TABLE case_fact (
        source text NOT NULL,
        case_id text NOT NULL,
        customer_key text,
        created_ts timestamptz NOT NULL,
        created_week date NOT NULL,
        team text,
        channel text,
        category text,
        transfers integer NOT NULL,
        team_entries integer NOT NULL,
        distinct_teams integer NOT NULL,
        reopened boolean NOT NULL,
        chasers integer NOT NULL,
        surveys integer NOT NULL,
        survey_top_two integer NOT NULL,
        survey_score_sum double precision NOT NULL,
        survey_normalised_sum double precision NOT NULL,
        survey_scale_min smallint,
        survey_scale_max smallint,
        -- Gap to the next case of the same customer and category: the repeat window is a query parameter.
        next_same_subject_ms bigint,
        PRIMARY KEY (source, case_id)
      )`);
    await q.query(`CREATE INDEX case_fact_week ON case_fact (created_week)`);
    await q.query(`CREATE INDEX case_fact_subject ON case_fact (customer_key, category, created_ts)`);
    await q.query(`
      CREATE TABLE dataset_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        latest_event_ts timestamptz
      )`);
    await q.query(`INSERT INTO dataset_state (id, latest_event_ts) VALUES (true, NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dataset_state`);
    await q.query(`DROP TABLE case_fact`);
    await q.query(`DROP TABLE journey_event`);
    await q.query(`DROP TABLE import`);
    await q.query(`DROP TABLE app_user`);
  }
}
