import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ComponentState, HealthResponse } from '@relais/contracts';
import { IMPORT_QUEUE } from '@relais/server';
import { Queue } from 'bullmq';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(IMPORT_QUEUE) private readonly queue: Queue,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness of the api, its database and its queue (503 naming the failing part)' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const [database, queue] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(() => this.queue.getJobCounts('waiting')),
    ]);
    const ok = database === 'up' && queue === 'up';
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'error', database, queue };
  }
}

async function probe(check: () => Promise<unknown>): Promise<ComponentState> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref());
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  }
}
