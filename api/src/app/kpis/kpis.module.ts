import { Module } from '@nestjs/common';
import { KpisModule as KpiQueriesModule } from '@relais/server';
import { KpisController } from './kpis.controller';

@Module({ imports: [KpiQueriesModule], controllers: [KpisController] })
export class KpisModule {}
