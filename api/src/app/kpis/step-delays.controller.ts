import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StepDurationsResponse, TransitionDelaysResponse } from '@relais/contracts';
import { RELAIS_CONFIG, RelaisConfig, stepDurations, transitionDelays } from '@relais/server';
import { DataSource } from 'typeorm';
import { KpiQueryDto } from './kpi-query.dto';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('kpis')
export class StepDelaysController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RELAIS_CONFIG) private readonly config: RelaisConfig,
  ) {}

  @Get('transitions')
  @ApiOperation({
    summary: 'Delay between steps per transition (calendar hours), ranked as bottlenecks by p90 and by total hours',
  })
  transitions(@Query() query: KpiQueryDto): Promise<TransitionDelaysResponse> {
    return transitionDelays(this.db, query, this.config.timeZone);
  }

  @Get('steps')
  @ApiOperation({ summary: 'Time spent per step, and per step and team holding the case meanwhile' })
  steps(@Query() query: KpiQueryDto): Promise<StepDurationsResponse> {
    return stepDurations(this.db, query, this.config.timeZone);
  }
}
