import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HandoffsResponse } from '@relais/contracts';
import { KpiService } from '@relais/server';
import { KpiQueryDto } from './kpi-query.dto';

@ApiTags('indicators')
@ApiBearerAuth()
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
