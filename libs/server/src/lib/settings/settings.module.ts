import { Module } from '@nestjs/common';
import { SettingsService } from './settings.service';
import { StepMappingsService } from './step-mappings.service';

@Module({ providers: [SettingsService, StepMappingsService], exports: [SettingsService, StepMappingsService] })
export class SettingsModule {}
