import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ImportAccepted, ImportReport } from '@relais/contracts';
import { Queue } from 'bullmq';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Repository } from 'typeorm';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';
import { IMPORT_QUEUE, ImportJobData } from '../queue/queue.constants';
import { readOrganisationSettings } from '../settings/organisation-settings';
import { ImportEntity } from './import.entity';
import { importJobOptions } from './import-job';

export interface NewImport {
  format: string;
  source?: string;
  timeZone?: string;
  options?: Record<string, unknown>;
  fileName: string;
  /** A file the service takes ownership of (moved into the data directory). */
  path: string;
}

/** The one door to an import: the upload endpoint, the CLI and the demo loader all come through here. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectRepository(ImportEntity) private readonly imports: Repository<ImportEntity>,
    @InjectQueue(IMPORT_QUEUE) private readonly queue: Queue<ImportJobData>,
    @Inject(RELAIS_CONFIG) private readonly config: RelaisConfig,
  ) {}

  async enqueue(request: NewImport): Promise<ImportAccepted> {
    // Timestamps without offset are read in the organisation's time zone unless the request names one.
    const timeZone =
      request.timeZone ?? (await readOrganisationSettings(this.imports.manager, this.config.timeZone)).timeZone;
    const record = await this.imports.save({
      format: request.format,
      source: request.source ?? request.format,
      timeZone,
      options: request.options ?? {},
      fileName: request.fileName,
      filePath: '',
      status: 'queued',
    });
    const dir = join(this.config.dataDir, 'imports');
    await mkdir(dir, { recursive: true });
    const filePath = join(dir, record.id);
    await rename(request.path, filePath);
    await this.imports.update(record.id, { filePath });
    await this.queue.add('import', { importId: record.id }, importJobOptions(record.id));
    return { id: record.id, status: 'queued' };
  }

  async find(id: string): Promise<ImportReport | null> {
    const record = await this.imports.findOneBy({ id });
    return record && toReport(record);
  }

  async list(): Promise<ImportReport[]> {
    const records = await this.imports.find({ order: { createdAt: 'DESC' }, take: 200 });
    return records.map(toReport);
  }
}

export function toReport(r: ImportEntity): ImportReport {
  return {
    id: r.id,
    format: r.format,
    source: r.source,
    fileName: r.fileName,
    status: r.status,
    rowsRead: r.rowsRead,
    eventsStored: r.eventsStored,
    duplicates: r.duplicates,
    rejected: r.rejected,
    errors: r.errors,
    progress: r.progress,
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    failure: r.failure,
  };
}
