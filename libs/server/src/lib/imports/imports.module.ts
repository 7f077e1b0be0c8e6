import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '../queue/queue.module';
import { ImportEntity } from './import.entity';
import { ImportsService } from './imports.service';
import { UploadSweeper } from './upload-sweep';

@Module({
  imports: [TypeOrmModule.forFeature([ImportEntity]), QueueModule],
  // The api's module: the upload sweep runs where uploads are received.
  providers: [ImportsService, UploadSweeper],
  exports: [ImportsService],
})
export class ImportsModule {}
