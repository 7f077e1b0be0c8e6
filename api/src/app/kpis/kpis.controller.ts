import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { KpiSummary, WeeklyKpis } from '@relais/contracts';
import { KpiService } from '@relais/server';
import { KpiQueryDto } from './kpi-query.dto';
import { IndicatorCacheInterceptor } from '../indicator-cache/indicator-cache.interceptor';

@ApiTags('indicators')
@ApiBearerAuth()
@UseInterceptors(IndicatorCacheInterceptor)
@Controller('kpis')
export class KpisController {
  constructor(private readonly kpis: KpiService) {}

  @Get('summary')
  @ApiOperation({ summary: 'The continuity indicators over the filtered cases' })
  summary(@Query() query: KpiQueryDto): Promise<KpiSummary> {
    return this.kpis.summary(query);
  }

  @Get('weekly')
  @ApiOperation({ summary: 'Indicators per ISO week of case creation' })
  weekly(@Query() query: KpiQueryDto): Promise<WeeklyKpis> {
    return this.kpis.weekly(query);
  }
}
