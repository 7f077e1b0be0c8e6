import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vendor's own counters kept beside each case (ServiceNow reassignment_count, reopen_count), from the case's
 * latest row, and where case_fact.transfers comes from: the events (KPI-DEFINITIONS §3), or the vendor counter
 * when the case was only ever seen in one row, whose events cannot show a transfer (a one-row-per-incident export).
 */
export class VendorCounters1764500000000 implements MigrationInterface {
  name = 'VendorCounters1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_vendor_counter (
        source text NOT NULL,
        case_id text NOT NULL,
        reassignment_count integer,
        reopen_count integer,
        -- Most rows of the case seen in one import: 1 means its events cannot show a transfer.
        rows_seen integer NOT NULL CHECK (rows_seen > 0),
        -- Position of the row the counters come from, so that an older export never overwrites a newer one.
        latest_ts timestamptz NOT NULL,
        latest_order bigint,
        PRIMARY KEY (source, case_id)
      )`);
    await q.query(`
      ALTER TABLE case_fact ADD COLUMN transfers_from text NOT NULL DEFAULT 'events'
        CHECK (transfers_from IN ('events', 'vendor_counter'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_fact DROP COLUMN transfers_from`);
    await q.query(`DROP TABLE case_vendor_counter`);
  }
}
