import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ConfigModule, DatabaseModule, refreshAllFacts, RelaisConfig } from '@relais/server';
import type { DataSource } from 'typeorm';

/** What the refresh needs: the database, no queue. */
@Module({ imports: [ConfigModule, DatabaseModule] })
class RefreshCliModule {}

/** `node dist/workers/main.js refresh`: recomputes every case's facts from the stored events (full KPI refresh). */
export async function runRefreshCommand(config: RelaisConfig): Promise<number> {
  const app = await NestFactory.createApplicationContext(RefreshCliModule, { logger: ['error', 'warn'] });
  try {
    const report = await refreshAllFacts(app.get<DataSource>(getDataSourceToken()), config.timeZone);
    console.log(`[workers] facts of ${report.cases} cases refreshed in ${report.seconds.toFixed(1)} s`);
    return 0;
  } finally {
    await app.close();
  }
}
