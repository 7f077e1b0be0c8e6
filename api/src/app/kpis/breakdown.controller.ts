import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BreakdownResponse } from '@relais/contracts';
import { KpiService } from '@relais/server';
import { BreakdownQueryDto } from './breakdown-query.dto';
import { IndicatorCacheInterceptor } from '../indicator-cache/indicator-cache.interceptor';

@ApiTags('indicators')
@ApiBearerAuth()
@UseInterceptors(IndicatorCacheInterceptor)
@Controller('kpis')
export class BreakdownController {
  constructor(private readonly kpis: KpiService) {}

  @Get('breakdown')
  @ApiOperation({
    summary: 'The continuity indicators per team, channel or category of the case, each with its weekly series',
  })
  breakdown(@Query() query: BreakdownQueryDto): Promise<BreakdownResponse> {
    const { by, ...filters } = query;
    return this.kpis.breakdown(by, filters);
  }
}
