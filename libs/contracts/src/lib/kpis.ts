/** Query parameters shared by every indicator endpoint (API-CONTRACT "Indicators"). */
export interface KpiFilters {
  from?: string;
  to?: string;
  source?: string;
  team?: string;
  channel?: string;
  category?: string;
  repeatWindowDays?: number;
}

export type TransferBucket = '0' | '1' | '2' | '3' | '4+';

export interface TransfersSummary {
  mean: number;
  distribution: Record<TransferBucket, number>;
  pingPongShare: number;
}

export interface RepeatContactSummary {
  windowDays: number;
  rate: number;
  repeatedCases: number;
  provisionalCases: number;
}

export interface StepDelay {
  from: string;
  to: string;
  count: number;
  medianHours: number;
  p90Hours: number;
  meanHours: number;
}

export interface SatisfactionCell {
  responses: number;
  /** null below 5 responses: "not enough answers". */
  mean: number | null;
  csatShare: number | null;
}

export interface KpiSummary {
  cases: number;
  transfers: TransfersSummary;
  repeatContact: RepeatContactSummary;
  reopenRate: number;
  /** §4 companion: inbound contacts after the first one and before resolution — the customer had to ask again. */
  chasers: { total: number; casesWithChasers: number; perCase: number };
  stepDelays: StepDelay[];
  satisfaction: {
    byStep: Array<SatisfactionCell & { step: string }>;
    byTeam: Array<SatisfactionCell & { team: string }>;
  };
}

export interface WeeklyKpiPoint {
  /** ISO week, e.g. 2025-W02. */
  week: string;
  /** Monday of the week, YYYY-MM-DD, in the organisation's time zone. */
  start: string;
  cases: number;
  transfersMean: number;
  pingPongShare: number;
  repeatRate: number;
  provisional: boolean;
  surveys: number;
  csatMean: number | null;
  csatShare: number | null;
}

export interface WeeklyKpis {
  weeks: WeeklyKpiPoint[];
}

export interface HandoffEdge {
  from: string;
  to: string;
  transfers: number;
  pickupMedianHours: number;
}

export interface HandoffsResponse {
  edges: HandoffEdge[];
}
