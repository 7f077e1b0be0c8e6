import { Module } from '@nestjs/common';
import { TargetsService } from './targets.service';

@Module({ providers: [TargetsService], exports: [TargetsService] })
export class TargetsModule {}
