import type { KpiFilters, StepDelay } from '@relais/contracts';
import type { DataSource } from 'typeorm';

/** KPI-DEFINITIONS §5 per transition, over the filtered cases. */
export async function stepDelays(_db: DataSource, _filters: KpiFilters, _timeZone: string): Promise<StepDelay[]> {
  return [];
}
