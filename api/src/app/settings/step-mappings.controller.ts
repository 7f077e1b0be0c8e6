import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StepMapping, StepMappings } from '@relais/contracts';
import { StepMappingsService } from '@relais/server';
import { RequiresRole } from '../auth/public.decorator';
import { SourceParamDto, UpdateStepMappingDto } from './settings.dto';
import { SettingsErrorsFilter } from './settings-errors.filter';

@ApiTags('settings')
@ApiBearerAuth()
@RequiresRole('admin')
@UseFilters(SettingsErrorsFilter)
@Controller('step-mappings')
export class StepMappingsController {
  constructor(private readonly mappings: StepMappingsService) {}

  @Get()
  @ApiOperation({ summary: 'Step mappings of every source that has one' })
  async list(): Promise<StepMappings> {
    return { sources: await this.mappings.list() };
  }

  @Get(':source')
  @ApiOperation({ summary: "A source's mapping of raw statuses to steps (empty when it has none)" })
  get(@Param() { source }: SourceParamDto): Promise<StepMapping> {
    return this.mappings.get(source);
  }

  @Put(':source')
  @ApiOperation({
    summary: "Replace a source's mapping of raw statuses to steps",
    description: 'Applies to imports that run afterwards; events already stored keep their steps.',
  })
  replace(@Param() { source }: SourceParamDto, @Body() body: UpdateStepMappingDto): Promise<StepMapping> {
    return this.mappings.replace(source, body.mappings);
  }

  @Delete(':source')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a source's mapping: its raw statuses are imported as they are" })
  async remove(@Param() { source }: SourceParamDto): Promise<void> {
    await this.mappings.remove(source);
  }
}
