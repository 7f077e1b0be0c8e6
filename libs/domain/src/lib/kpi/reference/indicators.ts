import type { HandoffsResponse, KpiSummary, TransferBucket, WeeklyKpiPoint, WeeklyKpis } from '@relais/contracts';
import { referenceCases, selectCases, type ReferenceCase } from './cases';
import { handoffEdges } from './handoffs';
import { mean, roundRate, share } from './rounding';
import { satisfactionByStepAndTeam, satisfactionCell } from './satisfaction';
import type { ReferenceOptions, StoredJourneyEvent } from './stored-event';
import { stepDelays } from './transitions';

/** The filtered cases the indicators of `options` are computed over. */
export function filteredCases(events: readonly StoredJourneyEvent[], options: ReferenceOptions): ReferenceCase[] {
  return selectCases(referenceCases(events, options), options.filters, options.timeZone);
}

/** GET /api/kpis/summary computed from the definitions. */
export function referenceSummary(events: readonly StoredJourneyEvent[], options: ReferenceOptions): KpiSummary {
  const cases = filteredCases(events, options);
  const repeated = cases.filter((c) => c.repeated).length;
  return {
    cases: cases.length,
    transfers: {
      mean: roundRate(mean(cases.map((c) => c.transfers.length))),
      distribution: transferDistribution(cases),
      pingPongShare: roundRate(share(cases, (c) => c.pingPong)),
    },
    repeatContact: {
      windowDays: options.repeatWindowDays,
      rate: roundRate(cases.length ? repeated / cases.length : 0),
      repeatedCases: repeated,
      provisionalCases: cases.filter((c) => c.provisional).length,
    },
    reopenRate: roundRate(share(cases, (c) => c.reopened)),
    chasers: {
      total: cases.reduce((sum, c) => sum + c.chasers, 0),
      casesWithChasers: cases.filter((c) => c.chasers > 0).length,
      perCase: roundRate(mean(cases.map((c) => c.chasers))),
    },
    stepDelays: stepDelays(cases),
    satisfaction: satisfactionByStepAndTeam(cases),
  };
}

/** GET /api/kpis/weekly: one point per ISO week that has cases, oldest first (§2, every rule per week). */
export function referenceWeekly(events: readonly StoredJourneyEvent[], options: ReferenceOptions): WeeklyKpis {
  const weeks = new Map<string, ReferenceCase[]>();
  for (const c of filteredCases(events, options)) weeks.set(c.weekStart, [...(weeks.get(c.weekStart) ?? []), c]);
  return {
    weeks: [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([start, cases]) => weeklyPoint(start, cases)),
  };
}

/** GET /api/kpis/handoffs: the handoff matrix (§3) of the filtered cases. */
export function referenceHandoffs(events: readonly StoredJourneyEvent[], options: ReferenceOptions): HandoffsResponse {
  return { edges: handoffEdges(filteredCases(events, options)) };
}

function transferDistribution(cases: readonly ReferenceCase[]): Record<TransferBucket, number> {
  const distribution: Record<TransferBucket, number> = { '0': 0, '1': 0, '2': 0, '3': 0, '4+': 0 };
  for (const c of cases) distribution[transferBucket(c.transfers.length)] += 1;
  return distribution;
}

export function transferBucket(transfers: number): TransferBucket {
  return transfers >= 4 ? '4+' : (String(transfers) as TransferBucket);
}

function weeklyPoint(start: string, cases: readonly ReferenceCase[]): WeeklyKpiPoint {
  // Surveys belong to the week of their case, whenever they were answered (§2).
  const surveys = satisfactionCell(cases.flatMap((c) => c.surveys));
  return {
    week: cases[0].week,
    start,
    cases: cases.length,
    transfersMean: roundRate(mean(cases.map((c) => c.transfers.length))),
    pingPongShare: roundRate(share(cases, (c) => c.pingPong)),
    repeatRate: roundRate(share(cases, (c) => c.repeated)),
    provisional: cases.some((c) => c.provisional),
    surveys: surveys.responses,
    csatMean: surveys.mean,
    csatShare: surveys.csatShare,
  };
}
