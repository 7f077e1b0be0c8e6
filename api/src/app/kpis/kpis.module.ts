import { Module } from '@nestjs/common';
import { KpisModule as KpiQueriesModule } from '@relais/server';
import { HandoffsController } from './handoffs.controller';
import { KpisController } from './kpis.controller';
import { SatisfactionController } from './satisfaction.controller';
import { StepDelaysController } from './step-delays.controller';

@Module({
  imports: [KpiQueriesModule],
  controllers: [KpisController, HandoffsController, SatisfactionController, StepDelaysController],
})
export class KpisModule {}
