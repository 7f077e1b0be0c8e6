import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '../queue/queue.module';
import { ImportEntity } from './import.entity';
import { ImportReconciler } from './import-reconciler';

/** For the workers process: keeps Redis's import jobs in step with PostgreSQL's import records. */
@Module({
  imports: [TypeOrmModule.forFeature([ImportEntity]), QueueModule],
  providers: [ImportReconciler],
  exports: [ImportReconciler],
})
export class ImportReconcilerModule {}
