import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImportEntity } from './import.entity';
import { ImportRunner } from './import-runner';

@Module({
  imports: [TypeOrmModule.forFeature([ImportEntity])],
  providers: [ImportRunner],
  exports: [ImportRunner],
})
export class ImportRunnerModule {}
