import { KpiSummary, WeeklyKpiPoint, WeeklyKpis } from '@relais/contracts';

function week(week: string, start: string, cases: number, transfersMean: number, provisional: boolean): WeeklyKpiPoint {
  return {
    week,
    start,
    cases,
    transfersMean,
    pingPongShare: 0.1,
    repeatRate: 0.08,
    provisional,
    surveys: 0,
    csatMean: null,
    csatShare: null,
  };
}

/** Three weeks, the last one still provisional; 1 234 cases in all. */
export const WEEKLY: WeeklyKpis = {
  weeks: [
    week('2025-W01', '2024-12-30', 512, 1.2345, false),
    week('2025-W02', '2025-01-06', 600, 1.5, false),
    week('2025-W03', '2025-01-13', 122, 2.007, true),
  ],
};

export const SUMMARY: KpiSummary = {
  cases: 1234,
  transfers: {
    mean: 1.8367,
    distribution: { '0': 400, '1': 500, '2': 200, '3': 100, '4+': 34 },
    pingPongShare: 0.125,
  },
  repeatContact: { windowDays: 7, rate: 0.0812, repeatedCases: 100, provisionalCases: 37 },
  reopenRate: 0.02,
  chasers: { total: 60, casesWithChasers: 41, perCase: 0.048622 },
  stepDelays: [],
  satisfaction: { byStep: [], byTeam: [] },
};

export const EMPTY_SUMMARY: KpiSummary = {
  ...SUMMARY,
  cases: 0,
  transfers: { mean: 0, distribution: { '0': 0, '1': 0, '2': 0, '3': 0, '4+': 0 }, pingPongShare: 0 },
  repeatContact: { windowDays: 7, rate: 0, repeatedCases: 0, provisionalCases: 0 },
};
