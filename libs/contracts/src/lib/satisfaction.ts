import type { SatisfactionCell } from './kpis';

/** 95 % Wilson score interval of csatShare (0–1). */
export interface CsatInterval {
  low: number;
  high: number;
}

/** A satisfaction cell of the dashboard: the contract cell plus what is needed to read it. */
export interface SatisfactionStats extends SatisfactionCell {
  /** Top of the scale `mean` is on (e.g. 5) when every answer of the group uses it; null: mixed scales, `mean` is the normalised 0–1 score. */
  scale: number | null;
  /** null below 5 responses, like mean and csatShare. */
  csatInterval: CsatInterval | null;
}

export type SatisfactionTransfersBucket = '0' | '1' | '2' | '3+';

/** GET /api/kpis/satisfaction (KPI-DEFINITIONS §6). */
export interface SatisfactionReport {
  byStep: Array<SatisfactionStats & { step: string }>;
  byTeam: Array<SatisfactionStats & { team: string }>;
  /** The seam view: answers of cases with 0, 1, 2, 3+ transfers, always the four buckets in this order. */
  byTransfers: Array<SatisfactionStats & { transfers: SatisfactionTransfersBucket }>;
  /** Answers of cases without (false) and with (true) a repeat contact within repeatWindowDays, in this order. */
  byRepeat: Array<SatisfactionStats & { repeated: boolean }>;
  repeatWindowDays: number;
}
