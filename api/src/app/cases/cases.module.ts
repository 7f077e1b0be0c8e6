import { Module } from '@nestjs/common';
import { CasesModule as CaseQueriesModule } from '@relais/server';
import { CasesController } from './cases.controller';

@Module({ imports: [CaseQueriesModule], controllers: [CasesController] })
export class CasesModule {}
