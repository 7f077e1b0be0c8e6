import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ImportRowError } from '@relais/contracts';
import {
  getAdapter,
  ImportFileError,
  openBytes,
  openRecords,
  createPseudonymiser,
  type AdapterOutput,
  type ImportAdapter,
} from '@relais/domain';
import { open } from 'node:fs/promises';
import type { PoolClient } from 'pg';
import { DataSource, In, Repository } from 'typeorm';
import { refreshCaseFacts } from '../cases/case-facts';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';
import { readOrganisationSettings } from '../settings/organisation-settings';
import { loadStepMapper, type StepMapper } from '../settings/step-mappings';
import {
  copyIntoObservations,
  copyIntoStaging,
  createStaging,
  mergeStaging,
  StagedObservation,
  StoredEvent,
} from './event-store';
import { deriveEventLogEvents } from './eventlog-derivation';
import { ImportEntity } from './import.entity';
import { IMPORT_MERGE_LOCK, IMPORT_WORK_MEM } from './import-lock';
import { storeVendorCounters } from './vendor-counters';

export const MAX_REPORTED_ERRORS = 100;
const PROGRESS_INTERVAL_MS = 500;

/** The import failed for a reason a retry cannot fix (unreadable file, too many bad rows). */
export class ImportRejectedError extends Error {
  override name = 'ImportRejectedError';
}

type Pseudonymiser = ReturnType<typeof createPseudonymiser>;

/** An adapter output that was not rejected: an event, or an event-log row to derive events from. */
type AcceptedOutput = Exclude<AdapterOutput, { kind: 'rejected' | 'skipped' }>;

interface Tally {
  rowsRead: number;
  rejected: number;
  errors: ImportRowError[];
}

/**
 * Runs one import inside one transaction: stream → adapter → COPY into staging → merge → per-case facts → report.
 * An adapter that yields observations (eventlog) has its rows COPYed into `import_observation` instead, and the
 * events are derived from whole cases once the file is read (deriveEventLogEvents) before the same merge.
 * A crash at any point leaves nothing visible; the retried job starts again from the file.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ImportEntity) private readonly imports: Repository<ImportEntity>,
    @Inject(RELAIS_CONFIG) private readonly config: RelaisConfig,
  ) {}

  async run(importId: string): Promise<void> {
    const record = await this.imports.findOneByOrFail({ id: importId });
    if (record.status === 'succeeded' || record.status === 'failed') return;
    // Conditional: a second run of the same import (a job the reconciler enqueued again) must not reset the
    // report of a run that has just committed.
    const claimed = await this.imports.update(
      { id: importId, status: In(['queued', 'running']) },
      {
        status: 'running',
        startedAt: new Date(),
        progress: 0,
        rowsRead: 0,
        rejected: 0,
        errors: [],
      },
    );
    if (!claimed.affected) return;
    const tally: Tally = { rowsRead: 0, rejected: 0, errors: [] };
    const progress = await this.openTracked(record);
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      // The merge and the facts sort whole imports (millions of rows for a large export): in memory rather than
      // in temporary files, for this transaction only.
      await client.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
      // One merge at a time: facts of a case touched by two concurrent imports must see both.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [IMPORT_MERGE_LOCK]);
      // Another run of this import may have committed while this one waited for the lock: nothing left to do.
      const current = await client.query<{ status: string }>(`SELECT status FROM import WHERE id = $1`, [importId]);
      if (['succeeded', 'failed'].includes(current.rows[0]?.status)) {
        progress.stop();
        await runner.rollbackTransaction();
        return;
      }
      // Read under the lock: a time-zone change waits for this import, or this import sees the new zone.
      const settings = await readOrganisationSettings(runner, this.config.timeZone);
      const mapStep = await loadStepMapper(runner, record.source);
      const timer = stopwatch();
      await createStaging(client);
      const adapter = getAdapter(record.format);
      if (!adapter) throw new ImportRejectedError(`Unknown format "${record.format}"`);
      const outputs = this.read(adapter, record, progress.stream, tally);
      const derived = adapter.yields === 'observations';
      const customerKey = createPseudonymiser(this.config.secret);
      let staged = derived
        ? await copyIntoObservations(client, this.observations(adapter, outputs, mapStep, customerKey))
        : await copyIntoStaging(client, this.events(adapter, record, outputs, mapStep, customerKey));
      timer.lap('read+copy');
      const threshold = this.config.rejectThreshold;
      if (tally.rowsRead > 0 && tally.rejected / tally.rowsRead > threshold) {
        throw new ImportRejectedError(
          `${tally.rejected} of ${tally.rowsRead} rows were rejected, more than ${threshold * 100} %: nothing was stored`,
        );
      }
      if (derived) {
        staged = await deriveEventLogEvents(client, record.source, { emptyTeam: adapter.emptyTeam });
        await storeVendorCounters(client, record.source);
        timer.lap('derive');
      }
      const inserted = await mergeStaging(client, importId);
      timer.lap('merge');
      await refreshCaseFacts(client, settings.timeZone);
      timer.lap('facts');
      await runner.manager.update(ImportEntity, importId, {
        status: 'succeeded',
        progress: 1,
        rowsRead: tally.rowsRead,
        rejected: tally.rejected,
        errors: tally.errors,
        eventsStored: inserted,
        duplicates: staged - inserted,
        finishedAt: new Date(),
      });
      progress.stop();
      await runner.commitTransaction();
      this.logger.log(
        `import ${importId}: ${inserted} events stored, ${staged - inserted} duplicates, ${tally.rejected} rejected (${timer.laps()})`,
      );
    } catch (error) {
      progress.stop();
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      const permanent = error instanceof ImportFileError || error instanceof ImportRejectedError;
      if (permanent) await this.fail(importId, tally, (error as Error).message);
      throw permanent ? new ImportRejectedError((error as Error).message) : error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Marks an import failed once no retry is left; nothing of it was stored. Never a finished one: BullMQ may give
   * up on a job (stalled twice) whose other run has committed meanwhile.
   */
  async fail(importId: string, tally: Partial<Tally>, message: string): Promise<void> {
    await this.imports.update(
      { id: importId, status: In(['queued', 'running']) },
      {
        status: 'failed',
        failure: message,
        finishedAt: new Date(),
        ...(tally.rowsRead !== undefined && { rowsRead: tally.rowsRead }),
        ...(tally.rejected !== undefined && { rejected: tally.rejected }),
        ...(tally.errors !== undefined && { errors: tally.errors }),
      },
    );
  }

  /** The adapter's rows; rejected ones are counted and reported here, the others passed on. rowsRead = file rows. */
  private async *read(
    adapter: ImportAdapter,
    record: ImportEntity,
    input: AsyncIterable<Uint8Array>,
    tally: Tally,
  ): AsyncIterable<AcceptedOutput> {
    const options = { timeZone: record.timeZone, mapping: record.options?.['mapping'] };
    const outputs =
      adapter.input === 'bytes'
        ? adapter.read(await openBytes(input, { maxInflatedBytes: this.config.maxInflatedBytes }), options)
        : adapter.read(await openRecords(input, { maxInflatedBytes: this.config.maxInflatedBytes }), options);
    // A row may yield several outputs (a ticket row: created, steps, survey), all with its line, one after the other.
    let lastLine: number | undefined;
    for await (const output of outputs) {
      const line = output.kind === 'rejected' ? output.error.line : output.line;
      if (line !== lastLine) tally.rowsRead += 1;
      lastLine = line;
      if (output.kind === 'skipped') continue;
      if (output.kind === 'rejected') {
        tally.rejected += 1;
        if (tally.errors.length < MAX_REPORTED_ERRORS) tally.errors.push(output.error);
        continue;
      }
      yield output;
    }
  }

  /** Steps go through the source's mapping here, before staging: the derivation compares mapped steps. */
  private async *observations(
    adapter: ImportAdapter,
    outputs: AsyncIterable<AcceptedOutput>,
    mapStep: StepMapper,
    customerKey: Pseudonymiser,
  ): AsyncIterable<StagedObservation> {
    for await (const output of outputs) {
      if (output.kind !== 'observation')
        throw new Error(`The ${adapter.name} adapter yielded an event among observations`);
      const o = output.observation;
      yield {
        caseId: o.caseId,
        customerKey: customerKey(o.customerId),
        ts: o.ts,
        seq: o.seq,
        step: mapStep(o.step),
        team: o.team,
        agent: o.agent,
        channel: o.channel,
        category: o.category,
        csat: o.csat,
        csatScale: o.csatScale,
        order: o.order ?? null,
        reassignmentCount: o.vendorCounters?.reassignmentCount ?? null,
        reopenCount: o.vendorCounters?.reopenCount ?? null,
      };
    }
  }

  private async *events(
    adapter: ImportAdapter,
    record: ImportEntity,
    outputs: AsyncIterable<AcceptedOutput>,
    mapStep: StepMapper,
    customerKey: Pseudonymiser,
  ): AsyncIterable<StoredEvent> {
    for await (const output of outputs) {
      if (output.kind !== 'event') throw new Error(`The ${adapter.name} adapter yielded an observation among events`);
      const e = output.event;
      yield {
        source: record.source,
        caseId: e.caseId,
        customerKey: customerKey(e.customerId),
        ts: e.ts,
        seq: e.seq,
        event: e.event,
        step: mapStep(e.step),
        team: e.team,
        agent: e.agent,
        channel: e.channel,
        category: e.category,
        direction: e.direction,
        csat: e.csat,
        csatScale: e.csatScale,
      };
    }
  }

  /**
   * Opens the stored upload (once open, the file can be deleted without harm) and tracks progress = share of
   * its bytes read, written outside the import's transaction so it is visible. A file gone from the data
   * directory fails the import for good, naming the uploaded file but not where it was stored.
   */
  private async openTracked(record: ImportEntity) {
    // An empty path: the api stopped between recording the import and storing its file.
    const file = record.filePath ? await open(record.filePath, 'r').catch(nullIfMissing) : null;
    if (!file) {
      const message = `The uploaded file "${record.fileName}" is missing from the data directory (deleted before its import ran): upload it again`;
      await this.fail(record.id, {}, message);
      throw new ImportRejectedError(message);
    }
    const { size } = await file.stat();
    const stream = file.createReadStream();
    const timer = setInterval(() => {
      const progress = size ? Math.min(0.99, stream.bytesRead / size) : 0;
      this.imports.update(record.id, { progress }).catch(() => undefined);
    }, PROGRESS_INTERVAL_MS);
    return {
      stream,
      stop: () => {
        clearInterval(timer);
        // Closes the file whether or not it was read to the end (a failed attempt).
        stream.destroy();
      },
    };
  }
}

function nullIfMissing(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT') return null;
  throw error;
}

function stopwatch() {
  let last = performance.now();
  const laps: string[] = [];
  return {
    lap(label: string) {
      const now = performance.now();
      laps.push(`${label} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
    laps: () => laps.join(', '),
  };
}
