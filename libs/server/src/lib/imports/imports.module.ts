import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '../queue/queue.module';
import { ImportEntity } from './import.entity';
import { ImportsService } from './imports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ImportEntity]), QueueModule],
  providers: [ImportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
