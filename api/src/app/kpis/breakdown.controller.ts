import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BreakdownResponse } from '@relais/contracts';
import { KpiService } from '@relais/server';
import { BreakdownQueryDto } from './breakdown-query.dto';

@ApiTags('indicators')
@ApiBearerAuth()
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
