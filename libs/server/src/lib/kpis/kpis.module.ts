import { Module } from '@nestjs/common';
import { TargetsModule } from '../targets/targets.module';
import { KpiService } from './kpi.service';
import { ReviewService } from './review.service';

@Module({ imports: [TargetsModule], providers: [KpiService, ReviewService], exports: [KpiService, ReviewService] })
export class KpisModule {}
