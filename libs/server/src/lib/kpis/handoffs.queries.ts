import type { HandoffsResponse, KpiFilters } from '@relais/contracts';
import type { DataSource } from 'typeorm';

/** KPI-DEFINITIONS §3 handoff matrix, over the filtered cases. */
export async function handoffs(_db: DataSource, _filters: KpiFilters, _timeZone: string): Promise<HandoffsResponse> {
  return { edges: [] };
}
