import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { In, Repository } from 'typeorm';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';
import { IMPORT_QUEUE, ImportJobData } from '../queue/queue.constants';
import { ImportEntity } from './import.entity';
import { importJobOptions } from './import-job';

export interface ReconcileReport {
  /** Imports queued or running in PostgreSQL whose job was gone from Redis: enqueued again. */
  requeued: string[];
  /** Imports still queued or running in PostgreSQL whose job BullMQ has given up on: marked failed. */
  failed: string[];
}

/**
 * An import whose file the api has not stored yet (empty file_path) is left to its request for this long; after
 * it, the api is taken to have died in between and the import is run, which fails it for its missing file.
 */
const UNSTORED_GRACE = `10 minutes`;

/**
 * PostgreSQL is the source of truth for imports; Redis (run without persistence) may lose every job on a restart.
 * The reconciler gives each import PostgreSQL still calls queued or running the job it needs: enqueued again under
 * its own id when missing (a rerun is safe, the runner is idempotent by content and skips a finished import). It
 * runs when the workers start, when the queue's Redis connection is ready again after a loss, and periodically.
 */
@Injectable()
export class ImportReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ImportReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<ReconcileReport> | undefined;

  constructor(
    @InjectRepository(ImportEntity) private readonly imports: Repository<ImportEntity>,
    @InjectQueue(IMPORT_QUEUE) private readonly queue: Queue<ImportJobData>,
    @Inject(RELAIS_CONFIG) private readonly config: Pick<RelaisConfig, 'jobLockMs'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcileAndLog();
    // The queue's Redis backend emits 'ready' again after each reconnection: the moment a restarted, empty Redis
    // is back.
    this.queue.getBackend().on('ready', () => void this.reconcileAndLog());
    this.timer = setInterval(() => void this.reconcileAndLog(), 2 * this.config.jobLockMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One pass; a pass asked for while one runs shares it (a reconnection and the timer may coincide). */
  reconcile(): Promise<ReconcileReport> {
    this.pass ??= this.reconcileOnce().finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async reconcileAndLog(): Promise<void> {
    try {
      const report = await this.reconcile();
      if (report.requeued.length)
        this.logger.warn(`imports enqueued again (their job was lost): ${report.requeued.join(', ')}`);
      if (report.failed.length)
        this.logger.warn(`imports marked failed (their job had failed): ${report.failed.join(', ')}`);
    } catch (error) {
      // Redis or PostgreSQL is away: the next reconnection or tick tries again.
      this.logger.warn(`import reconciliation skipped: ${(error as Error).message}`);
    }
  }

  private async reconcileOnce(): Promise<ReconcileReport> {
    const open = await this.imports
      .createQueryBuilder('i')
      .select(['i.id'])
      .where(`i.status IN ('queued', 'running')`)
      .andWhere(`(i.file_path <> '' OR i.created_at < now() - interval '${UNSTORED_GRACE}')`)
      .orderBy('i.created_at')
      .getMany();
    const report: ReconcileReport = { requeued: [], failed: [] };
    for (const { id } of open) {
      const job = await this.queue.getJob(id);
      if (!job) {
        // Same job id: if the api's own add comes after this one, BullMQ keeps a single job.
        await this.queue.add('import', { importId: id }, importJobOptions(id));
        report.requeued.push(id);
      } else if ((await job.getState()) === 'failed') {
        // The processor's failed handler could not record it (PostgreSQL was away at that moment).
        const marked = await this.imports.update(
          { id, status: In(['queued', 'running']) },
          { status: 'failed', failure: `Import failed: ${job.failedReason}`, finishedAt: new Date() },
        );
        if (marked.affected) report.failed.push(id);
      }
    }
    return report;
  }
}
