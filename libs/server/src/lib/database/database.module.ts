import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RELAIS_CONFIG],
      useFactory: (config: RelaisConfig) => ({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 2 }),
    }),
  ],
})
export class DatabaseModule {}
