import type { StepDelay } from './kpis';

/**
 * Durations of KPI-DEFINITIONS §5, in calendar hours: median and p90 by linear interpolation (PostgreSQL
 * percentile_cont), mean; hours to 4 decimals. `totalHours` = count × mean, where the organisation's time goes.
 */
export interface DelayStats {
  count: number;
  medianHours: number;
  p90Hours: number;
  meanHours: number;
  totalHours: number;
}

/** One transition `from → to`: its duration is the time spent in `from`. */
export type TransitionDelay = StepDelay & DelayStats;

/** `GET /api/kpis/transitions`. */
export interface TransitionDelaysResponse {
  /** Every transition, by count desc, then from, then to. */
  transitions: TransitionDelay[];
  /** The same transitions ranked as bottlenecks, ties by from, then to. */
  bottlenecks: {
    /** Slowest tail first: p90 desc. */
    byP90: TransitionDelay[];
    /** Most hours first: total hours desc. */
    byTotalHours: TransitionDelay[];
  };
}

/** Time spent in one step: the transitions that left it. */
export interface StepDuration extends DelayStats {
  step: string;
}

/** Time spent in one step while one team held the case; `team` null = no team held it. */
export interface StepTeamDuration extends DelayStats {
  step: string;
  team: string | null;
}

/** `GET /api/kpis/steps`. */
export interface StepDurationsResponse {
  /** By count desc, then step. */
  steps: StepDuration[];
  /** By count desc, then step, then team (no team last). */
  byTeam: StepTeamDuration[];
}
