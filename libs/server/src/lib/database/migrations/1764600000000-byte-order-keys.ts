import { MigrationInterface, QueryRunner } from 'typeorm';

/** Text columns the import sorts, groups and joins on, table by table. */
const KEY_COLUMNS: Record<string, string[]> = {
  journey_event: ['source', 'case_id', 'customer_key', 'event', 'step', 'team', 'agent', 'channel', 'category', 'direction'],
  case_fact: ['source', 'case_id', 'customer_key', 'team', 'channel', 'category'],
  case_transition: ['source', 'case_id', 'from_step', 'to_step', 'team'],
  case_survey: ['source', 'case_id', 'step', 'team'],
  case_handoff: ['source', 'case_id', 'from_team', 'to_team'],
  case_vendor_counter: ['source', 'case_id'],
};

/**
 * Ids, steps and team names are compared byte-wise (collation "C"), whatever the database's default. With a
 * linguistic collation (even C.UTF-8) PostgreSQL compares every text through strcoll and cannot use abbreviated
 * sort keys: sorting the events of a 1M-case import by (source, case_id, ts, seq) took several times longer than
 * reading them. Byte order is also what the KPI rules need: "ties by name" must not depend on the server's locale.
 * The import's staging tables declare the same collation (event-store.ts), so joins never mix two.
 */
export class ByteOrderKeys1764600000000 implements MigrationInterface {
  name = 'ByteOrderKeys1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(KEY_COLUMNS)) {
      const changes = columns.map((column) => `ALTER COLUMN ${column} TYPE text COLLATE "C"`).join(', ');
      await q.query(`ALTER TABLE ${table} ${changes}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(KEY_COLUMNS)) {
      const changes = columns.map((column) => `ALTER COLUMN ${column} TYPE text COLLATE "default"`).join(', ');
      await q.query(`ALTER TABLE ${table} ${changes}`);
    }
  }
}
