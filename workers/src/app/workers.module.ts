import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, ImportRunnerModule, QueueModule } from '@relais/server';
import { ImportProcessor } from './imports/import.processor';

@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, ImportRunnerModule],
  providers: [ImportProcessor],
})
export class WorkersModule {}
