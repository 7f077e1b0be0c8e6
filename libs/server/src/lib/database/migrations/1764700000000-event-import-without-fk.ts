import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * journey_event.import_id stays (which import brought an event) without a foreign key. The key was checked by
 * a row trigger queued for every inserted event: for a 1M-case export, eleven million checks of the same import
 * row held in the backend's memory until the end of the merge. The merge is the only writer, inside the import's
 * own transaction, after its import row exists; import rows are never deleted.
 */
export class EventImportWithoutFk1764700000000 implements MigrationInterface {
  name = 'EventImportWithoutFk1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journey_event DROP CONSTRAINT journey_event_import_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE journey_event ADD CONSTRAINT journey_event_import_id_fkey FOREIGN KEY (import_id) REFERENCES import (id)`,
    );
  }
}
