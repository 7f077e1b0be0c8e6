import { Module } from '@nestjs/common';
import { SettingsModule as SettingsServicesModule, TargetsModule } from '@relais/server';
import { SettingsController } from './settings.controller';
import { StepMappingsController } from './step-mappings.controller';
import { TargetsController } from './targets.controller';

@Module({
  imports: [SettingsServicesModule, TargetsModule],
  controllers: [SettingsController, TargetsController, StepMappingsController],
})
export class SettingsModule {}
