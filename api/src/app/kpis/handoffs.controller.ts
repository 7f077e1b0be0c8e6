import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HandoffsResponse } from '@relais/contracts';
import { KpiService } from '@relais/server';
import { KpiQueryDto } from './kpi-query.dto';
import { IndicatorCacheInterceptor } from '../indicator-cache/indicator-cache.interceptor';

@ApiTags('indicators')
@ApiBearerAuth()
@UseInterceptors(IndicatorCacheInterceptor)
@Controller('kpis')
export class HandoffsController {
  constructor(private readonly kpis: KpiService) {}

  @Get('handoffs')
  @ApiOperation({
    summary:
      'Handoff matrix: transfers per (from team → to team) and their median pickup delay, over the filtered cases',
  })
  handoffs(@Query() query: KpiQueryDto): Promise<HandoffsResponse> {
    return this.kpis.handoffs(query);
  }
}
