import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter bumped by every transaction that changes per-case facts (an import's merge, the full refresh), in that
 * same transaction: the api keys its cached indicator answers by it, so an answer is never served once the facts it
 * was computed from have changed.
 */
export class FactsVersion1764800000000 implements MigrationInterface {
  name = 'FactsVersion1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dataset_state ADD COLUMN facts_version bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dataset_state DROP COLUMN facts_version`);
  }
}
