import type { KpiFilters } from './kpis';

export interface CaseListItem {
  source: string;
  caseId: string;
  createdAt: string;
  team: string | null;
  channel: string | null;
  category: string | null;
  transfers: number;
  repeated: boolean;
  reopened: boolean;
}

export interface CasesPage {
  total: number;
  items: CaseListItem[];
}

export const CASES_PAGE_SIZE_DEFAULT = 50;
export const CASES_PAGE_SIZE_MAX = 500;

/** Query of GET /api/cases: the indicator filters plus the drill-down ones (API-CONTRACT "Cases"). */
export interface CaseListQuery extends KpiFilters {
  /** Cases with at least this many transfers. */
  minTransfers?: number;
  /** true: only cases with a repeat contact within repeatWindowDays; false: only cases without. */
  repeated?: boolean;
  /** `from>to`: only cases that went through this step transition. */
  transition?: string;
  /** `from>to` teams: only cases with at least one transfer from this team to that one (KPI-DEFINITIONS §3). */
  handoff?: string;
  /** ISO week `YYYY-Www`: only cases created in it (organisation time zone, as the weekly indicators group them). */
  week?: string;
  /** From 1. */
  page?: number;
  /** 1 to 500, default 50. */
  pageSize?: number;
}

/** One journey event as the drill-down shows it: never the customer. */
export interface CaseEvent {
  ts: string;
  seq: number;
  event: string;
  step: string | null;
  team: string | null;
  agent: string | null;
  channel: string | null;
  category: string | null;
  direction: string | null;
  csat: number | null;
  csatScale: number | null;
}

export interface CaseHandoff {
  from: string;
  to: string;
  transferredAt: string;
  /** Hours to the next event of the case; null while nothing has happened since. */
  pickupHours: number | null;
}

export type TransfersFrom = 'events' | 'vendor_counter';

/** GET /api/cases/:source/:caseId: the list item, more facts of the case, and its events in (ts, seq) order. */
export interface CaseDetail extends CaseListItem {
  /** The repeat window `repeated` was judged with. */
  repeatWindowDays: number;
  /**
   * Where `transfers` comes from: the case's events (KPI-DEFINITIONS §3), or, for a case seen in a single row of
   * an export that keeps one (ServiceNow `reassignment_count`), the vendor's own counter, since one row cannot
   * show a transfer. The vendor counts every change of group, to or from none included.
   */
  transfersFrom: TransfersFrom;
  chasers: number;
  surveys: number;
  handoffs: CaseHandoff[];
  events: CaseEvent[];
}
