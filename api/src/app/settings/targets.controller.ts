import { Body, Controller, Get, Param, Put, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TARGET_INDICATORS, type KpiTarget, type KpiTargets } from '@relais/contracts';
import { TargetsService } from '@relais/server';
import { RequiresRole } from '../auth/public.decorator';
import { UpdateTargetDto } from './settings.dto';
import { SettingsErrorsFilter } from './settings-errors.filter';

@ApiTags('settings')
@ApiBearerAuth()
@RequiresRole('admin')
@UseFilters(SettingsErrorsFilter)
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get()
  @ApiOperation({ summary: 'Target, alert level and better direction of each indicator of the weekly review' })
  async list(): Promise<KpiTargets> {
    return { targets: await this.targets.list() };
  }

  @Put(':indicator')
  @ApiOperation({ summary: "Set an indicator's target and alert level (the alert level on the bad side)" })
  @ApiParam({ name: 'indicator', enum: TARGET_INDICATORS })
  @ApiNotFoundResponse({ description: 'No such indicator' })
  update(@Param('indicator') indicator: string, @Body() body: UpdateTargetDto): Promise<KpiTarget> {
    return this.targets.update(indicator, body);
  }
}
