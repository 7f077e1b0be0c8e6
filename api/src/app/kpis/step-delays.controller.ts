import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StepDurationsResponse, TransitionDelaysResponse } from '@relais/contracts';
import { SettingsService, stepDurations, transitionDelays } from '@relais/server';
import { DataSource } from 'typeorm';
import { KpiQueryDto } from './kpi-query.dto';
import { IndicatorCacheInterceptor } from '../indicator-cache/indicator-cache.interceptor';

@ApiTags('indicators')
@ApiBearerAuth()
@UseInterceptors(IndicatorCacheInterceptor)
@Controller('kpis')
export class StepDelaysController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: SettingsService,
  ) {}

  @Get('transitions')
  @ApiOperation({
    summary: 'Delay between steps per transition (calendar hours), ranked as bottlenecks by p90 and by total hours',
  })
  async transitions(@Query() query: KpiQueryDto): Promise<TransitionDelaysResponse> {
    return transitionDelays(this.db, query, (await this.settings.effective()).timeZone);
  }

  @Get('steps')
  @ApiOperation({ summary: 'Time spent per step, and per step and team holding the case meanwhile' })
  async steps(@Query() query: KpiQueryDto): Promise<StepDurationsResponse> {
    return stepDurations(this.db, query, (await this.settings.effective()).timeZone);
  }
}
