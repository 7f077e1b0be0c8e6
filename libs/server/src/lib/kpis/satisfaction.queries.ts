import type { KpiFilters, KpiSummary } from '@relais/contracts';
import type { DataSource } from 'typeorm';

/** KPI-DEFINITIONS §6 per step and per team, over the filtered cases. */
export async function satisfaction(
  _db: DataSource,
  _filters: KpiFilters,
  _timeZone: string,
): Promise<KpiSummary['satisfaction']> {
  return { byStep: [], byTeam: [] };
}
