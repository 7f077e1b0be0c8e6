import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SatisfactionReport } from '@relais/contracts';
import { KpiService } from '@relais/server';
import { RequiresRole } from '../auth/public.decorator';
import { KpiQueryDto } from './kpi-query.dto';
import { IndicatorCacheInterceptor } from '../indicator-cache/indicator-cache.interceptor';

@ApiTags('indicators')
@ApiBearerAuth()
@RequiresRole('viewer')
@UseInterceptors(IndicatorCacheInterceptor)
@Controller('kpis')
export class SatisfactionController {
  constructor(private readonly kpis: KpiService) {}

  @Get('satisfaction')
  @ApiOperation({
    summary: 'Satisfaction per step and team, and by transfers and repeat contact (the seam view)',
    description:
      'Survey answers of the filtered cases, each in the step and team the case was in when it was answered. ' +
      'mean is on the original scale (scale) when every answer of the group uses it, else the normalised 0–1 ' +
      'score; csatShare is the share in the top two of the scale, csatInterval its 95 % Wilson interval. ' +
      'Below 5 responses mean, csatShare and csatInterval are null.',
  })
  satisfaction(@Query() query: KpiQueryDto): Promise<SatisfactionReport> {
    return this.kpis.satisfaction(query);
  }
}
