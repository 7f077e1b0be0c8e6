import { DataSourceOptions } from 'typeorm';
import { ImportEntity } from '../imports/import.entity';
import { UserEntity } from '../users/user.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [UserEntity, ImportEntity];

/** Schema changes go through migrations only: never synchronize, and migrations run as an explicit step. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'migration'],
    // JIT compiles a plan once its estimated cost is high, which a join with the one-row dataset_state reaches
    // easily: ~300 ms of compilation for a 10 ms indicator query. Relais's statements are short on the request
    // path and set-based in the import, where JIT measured no gain worth that risk.
    extra: { options: '-c jit=off' },
  };
}
