import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StepMapping } from '@relais/contracts';
import { DataSource } from 'typeorm';
import { SettingsError, SettingsErrorCode } from './settings.errors';

export const STEP_MAPPING_MAX_ENTRIES = 5000;
export const STEP_MAPPING_MAX_LENGTH = 400;

/**
 * Per source, raw status → step (KPI-DEFINITIONS §1). The import job applies the mapping of its source to every
 * event before staging (loadStepMapper); events already stored keep their step.
 */
@Injectable()
export class StepMappingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<StepMapping[]> {
    const rows: MappingRow[] = await this.db.query(`SELECT source, raw, step FROM step_mapping ORDER BY source, raw`);
    const bySource = new Map<string, Record<string, string>>();
    for (const row of rows) {
      const mappings = bySource.get(row.source) ?? {};
      mappings[row.raw] = row.step;
      bySource.set(row.source, mappings);
    }
    return [...bySource].map(([source, mappings]) => ({ source, mappings }));
  }

  /** The mapping of a source; empty when it has none. */
  async get(source: string): Promise<StepMapping> {
    const rows: MappingRow[] = await this.db.query(
      `SELECT source, raw, step FROM step_mapping WHERE source = $1 ORDER BY raw`,
      [source],
    );
    return { source, mappings: Object.fromEntries(rows.map((r) => [r.raw, r.step])) };
  }

  /** Replaces the whole mapping of the source. */
  async replace(source: string, mappings: Record<string, string>): Promise<StepMapping> {
    const entries = checkMappings(mappings);
    await this.db.transaction(async (m) => {
      await m.query(`DELETE FROM step_mapping WHERE source = $1`, [source]);
      if (entries.length) {
        await m.query(
          `INSERT INTO step_mapping (source, raw, step)
           SELECT $1, raw, step FROM unnest($2::text[], $3::text[]) AS t (raw, step)`,
          [source, entries.map(([raw]) => raw), entries.map(([, step]) => step)],
        );
      }
    });
    return this.get(source);
  }

  /** Removes the mapping of the source; true when it had one. */
  async remove(source: string): Promise<boolean> {
    const [, count] = (await this.db.query(`DELETE FROM step_mapping WHERE source = $1`, [source])) as [
      unknown,
      number,
    ];
    return count > 0;
  }
}

interface MappingRow {
  source: string;
  raw: string;
  step: string;
}

function checkMappings(mappings: Record<string, string>): Array<[string, string]> {
  const entries = Object.entries(mappings ?? {});
  const fail = (message: string) => new SettingsError(SettingsErrorCode.InvalidStepMapping, message);
  if (entries.length > STEP_MAPPING_MAX_ENTRIES)
    throw fail(`mappings may hold ${STEP_MAPPING_MAX_ENTRIES} entries at most`);
  for (const [raw, step] of entries) {
    if (raw === '' || raw.length > STEP_MAPPING_MAX_LENGTH) {
      throw fail(`every raw value of mappings must hold 1 to ${STEP_MAPPING_MAX_LENGTH} characters`);
    }
    if (typeof step !== 'string' || step.trim() === '' || step.length > STEP_MAPPING_MAX_LENGTH) {
      throw fail(`mappings["${raw}"] must be a step of 1 to ${STEP_MAPPING_MAX_LENGTH} characters`);
    }
  }
  return entries;
}
