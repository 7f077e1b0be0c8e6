import { Controller, Get, NotFoundException, Param, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseDetail, CasesPage } from '@relais/contracts';
import { CasesService } from '@relais/server';
import { RequiresRole } from '../auth/public.decorator';
import { CaseDetailQueryDto, CaseQueryDto } from './case-query.dto';
import { InvalidCaseQueryFilter } from './invalid-case-query.filter';
import { IndicatorCacheInterceptor } from '../indicator-cache/indicator-cache.interceptor';

@ApiTags('cases')
@ApiBearerAuth()
@RequiresRole('analyst')
@UseFilters(InvalidCaseQueryFilter)
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @UseInterceptors(IndicatorCacheInterceptor)
  @ApiOperation({ summary: 'Cases behind the indicators, newest first, one page at a time (never the customer)' })
  list(@Query() query: CaseQueryDto): Promise<CasesPage> {
    return this.cases.list(query);
  }

  @Get(':source/:caseId')
  @ApiOperation({ summary: 'One case: its facts, transfers and events in (ts, seq) order (never the customer)' })
  async detail(
    @Param('source') source: string,
    @Param('caseId') caseId: string,
    @Query() query: CaseDetailQueryDto,
  ): Promise<CaseDetail> {
    const detail = await this.cases.detail(source, caseId, query.repeatWindowDays);
    if (!detail) throw new NotFoundException(`No case ${caseId} in source ${source}`);
    return detail;
  }
}
