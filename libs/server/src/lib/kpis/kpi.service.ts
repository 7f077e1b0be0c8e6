import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BreakdownDimension,
  BreakdownResponse,
  HandoffsResponse,
  KpiFilters,
  KpiSummary,
  SatisfactionReport,
  WeeklyKpiPoint,
  WeeklyKpis,
} from '@relais/contracts';
import { DataSource } from 'typeorm';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';
import { readOrganisationSettings } from '../settings/organisation-settings';
import { breakdown } from './breakdown.queries';
import { caseFilter } from './case-filter';
import { handoffs } from './handoffs.queries';
import { satisfaction, satisfactionReport } from './satisfaction.queries';
import { stepDelays } from './step-delays.queries';
import { rate, score } from './rounding';

const DAY_MS = 86_400_000;
export const MIN_SURVEY_RESPONSES = 5;

/** Filters with the organisation's default repeat window filled in, and the time zone days are counted in. */
export interface ResolvedQuery {
  filters: KpiFilters & { repeatWindowDays: number };
  timeZone: string;
}

/**
 * A weekly point with what the weekly review needs besides the contract's fields: the reopen rate, and the scale
 * csatMean is on (null: mixed scales, csatMean is the normalised 0–1 score, or no answers).
 */
export interface WeeklyDetail extends WeeklyKpiPoint {
  reopenRate: number;
  csatScale: number | null;
}

/**
 * Indicators answered from case_fact: never a scan of journey_event on the request path. The organisation's time
 * zone and default repeat window come from the settings, read on each request.
 */
@Injectable()
export class KpiService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RELAIS_CONFIG) private readonly config: RelaisConfig,
  ) {}

  /** The request's filters and time zone once the organisation's settings are applied. */
  async resolve(query: KpiFilters): Promise<ResolvedQuery> {
    const settings = await readOrganisationSettings(this.db, this.config.timeZone);
    return {
      filters: { ...query, repeatWindowDays: query.repeatWindowDays ?? settings.repeatWindowDays },
      timeZone: settings.timeZone,
    };
  }

  async summary(query: KpiFilters): Promise<KpiSummary> {
    const { filters, timeZone } = await this.resolve(query);
    const windowDays = filters.repeatWindowDays;
    const params: unknown[] = [windowDays * DAY_MS];
    const { where } = caseFilter(filters, timeZone, params);
    const [row] = await this.db.query(
      `SELECT count(*)::int AS cases,
              coalesce(avg(f.transfers), 0) AS transfers_mean,
              count(*) FILTER (WHERE f.transfers = 0)::int AS t0,
              count(*) FILTER (WHERE f.transfers = 1)::int AS t1,
              count(*) FILTER (WHERE f.transfers = 2)::int AS t2,
              count(*) FILTER (WHERE f.transfers = 3)::int AS t3,
              count(*) FILTER (WHERE f.transfers >= 4)::int AS t4,
              coalesce(avg((f.team_entries > f.distinct_teams)::int), 0) AS ping_pong,
              count(*) FILTER (WHERE f.next_same_subject_ms <= $1)::int AS repeated,
              count(*) FILTER (WHERE f.created_ts > s.latest_event_ts - $1 * interval '1 millisecond')::int
                AS provisional,
              coalesce(avg(f.reopened::int), 0) AS reopen_rate,
              coalesce(sum(f.chasers), 0)::int AS chasers,
              count(*) FILTER (WHERE f.chasers > 0)::int AS chased_cases
       FROM case_fact f CROSS JOIN dataset_state s ${where}`,
      params,
    );
    const cases: number = row.cases;
    return {
      cases,
      transfers: {
        mean: rate(row.transfers_mean),
        distribution: { '0': row.t0, '1': row.t1, '2': row.t2, '3': row.t3, '4+': row.t4 },
        pingPongShare: rate(row.ping_pong),
      },
      repeatContact: {
        windowDays,
        rate: rate(cases ? row.repeated / cases : 0),
        repeatedCases: row.repeated,
        provisionalCases: row.provisional,
      },
      reopenRate: rate(row.reopen_rate),
      chasers: {
        total: row.chasers,
        casesWithChasers: row.chased_cases,
        perCase: rate(cases ? row.chasers / cases : 0),
      },
      stepDelays: await stepDelays(this.db, filters, timeZone),
      satisfaction: await satisfaction(this.db, filters, timeZone),
    };
  }

  async handoffs(query: KpiFilters): Promise<HandoffsResponse> {
    const { filters, timeZone } = await this.resolve(query);
    return handoffs(this.db, filters, timeZone);
  }

  async satisfaction(query: KpiFilters): Promise<SatisfactionReport> {
    const { filters, timeZone } = await this.resolve(query);
    return satisfactionReport(this.db, filters, timeZone);
  }

  /** KPI-DEFINITIONS §2: the indicators per team, channel or category of the case, with each group's weeks. */
  async breakdown(by: BreakdownDimension, query: KpiFilters): Promise<BreakdownResponse> {
    const { filters, timeZone } = await this.resolve(query);
    return breakdown(this.db, by, filters, timeZone);
  }

  async weekly(query: KpiFilters): Promise<WeeklyKpis> {
    const { weeks } = await this.weeklyDetail(query);
    return { weeks: weeks.map(toWeeklyPoint) };
  }

  /** The weekly points with the review's extra fields, in one statement like weekly(). */
  async weeklyDetail(query: KpiFilters): Promise<{ repeatWindowDays: number; weeks: WeeklyDetail[] }> {
    const { filters, timeZone } = await this.resolve(query);
    const params: unknown[] = [filters.repeatWindowDays * DAY_MS];
    const { where } = caseFilter(filters, timeZone, params);
    const rows: WeeklyRow[] = await this.db.query(
      `SELECT to_char(f.created_week, 'IYYY-"W"IW') AS week,
              to_char(f.created_week, 'YYYY-MM-DD') AS start,
              count(*)::int AS cases,
              avg(f.transfers) AS transfers_mean,
              avg((f.team_entries > f.distinct_teams)::int) AS ping_pong,
              avg((coalesce(f.next_same_subject_ms <= $1, false))::int) AS repeat_rate,
              avg(f.reopened::int) AS reopen_rate,
              coalesce(bool_or(f.created_ts > s.latest_event_ts - $1 * interval '1 millisecond'), false) AS provisional,
              sum(f.surveys)::int AS surveys,
              sum(f.survey_top_two)::int AS top_two,
              sum(f.survey_score_sum) AS score_sum,
              sum(f.survey_normalised_sum) AS normalised_sum,
              min(f.survey_scale_min) AS scale_min,
              max(f.survey_scale_max) AS scale_max
       FROM case_fact f CROSS JOIN dataset_state s ${where}
       GROUP BY f.created_week ORDER BY f.created_week`,
      params,
    );
    return { repeatWindowDays: filters.repeatWindowDays, weeks: rows.map(toWeeklyDetail) };
  }
}

interface WeeklyRow {
  week: string;
  start: string;
  cases: number;
  transfers_mean: string;
  ping_pong: string;
  repeat_rate: string;
  reopen_rate: string;
  provisional: boolean;
  surveys: number;
  top_two: number;
  score_sum: number;
  normalised_sum: number;
  scale_min: number | null;
  scale_max: number | null;
}

/** The contract's point: exactly its fields, nothing of the review's. */
function toWeeklyPoint(w: WeeklyDetail): WeeklyKpiPoint {
  const { week, start, cases, transfersMean, pingPongShare, repeatRate, provisional, surveys, csatMean, csatShare } = w;
  return { week, start, cases, transfersMean, pingPongShare, repeatRate, provisional, surveys, csatMean, csatShare };
}

function toWeeklyDetail(row: WeeklyRow): WeeklyDetail {
  const enough = row.surveys >= MIN_SURVEY_RESPONSES;
  // Mean on the original scale when every answer uses the same one, else on the normalised 0–1 score (§6).
  const mean = row.scale_min === row.scale_max ? row.score_sum / row.surveys : row.normalised_sum / row.surveys;
  return {
    week: row.week,
    start: row.start,
    cases: row.cases,
    transfersMean: rate(row.transfers_mean),
    pingPongShare: rate(row.ping_pong),
    repeatRate: rate(row.repeat_rate),
    provisional: row.provisional,
    surveys: row.surveys,
    csatMean: enough ? score(mean) : null,
    csatShare: enough ? rate(row.top_two / row.surveys) : null,
    reopenRate: rate(row.reopen_rate),
    csatScale: row.surveys > 0 && row.scale_min === row.scale_max ? row.scale_min : null,
  };
}
