import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, ImportReconcilerModule, ImportRunnerModule, QueueModule } from '@relais/server';
import { ImportProcessor } from './imports/import.processor';

@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, ImportRunnerModule, ImportReconcilerModule],
  providers: [ImportProcessor],
})
export class WorkersModule {}
