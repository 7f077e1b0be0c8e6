import { Module } from '@nestjs/common';
import { KpisModule as KpiQueriesModule, SettingsModule } from '@relais/server';
import { BreakdownController } from './breakdown.controller';
import { HandoffsController } from './handoffs.controller';
import { KpisController } from './kpis.controller';
import { ReviewController } from './review.controller';
import { SatisfactionController } from './satisfaction.controller';
import { StepDelaysController } from './step-delays.controller';

@Module({
  imports: [KpiQueriesModule, SettingsModule],
  controllers: [
    KpisController,
    HandoffsController,
    SatisfactionController,
    StepDelaysController,
    ReviewController,
    BreakdownController,
  ],
})
export class KpisModule {}
