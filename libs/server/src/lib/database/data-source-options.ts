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
  };
}
