import { Body, Controller, Get, Put, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationSettings } from '@relais/contracts';
import { SettingsService } from '@relais/server';
import { RequiresRole } from '../auth/public.decorator';
import { UpdateSettingsDto } from './settings.dto';
import { SettingsErrorsFilter } from './settings-errors.filter';

@ApiTags('settings')
@ApiBearerAuth()
@RequiresRole('admin')
@UseFilters(SettingsErrorsFilter)
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Organisation time zone (RELAIS_TIMEZONE until set) and default repeat window' })
  get(): Promise<OrganisationSettings> {
    return this.settings.get();
  }

  @Put()
  @ApiOperation({
    summary: 'Change the time zone and/or the default repeat window',
    description: 'A time zone given re-computes the week of every case in that zone, in one transaction.',
  })
  @ApiConflictResponse({ description: 'An import is being stored: try the time-zone change again later' })
  update(@Body() body: UpdateSettingsDto): Promise<OrganisationSettings> {
    return this.settings.update(body);
  }
}
