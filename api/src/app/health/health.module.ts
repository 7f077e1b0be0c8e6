import { Module } from '@nestjs/common';
import { QueueModule } from '@relais/server';
import { HealthController } from './health.controller';

@Module({ imports: [QueueModule], controllers: [HealthController] })
export class HealthModule {}
