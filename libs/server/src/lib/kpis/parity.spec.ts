import {
  journeySetOf,
  journeySets,
  referenceCases,
  referenceFilterSets,
  referenceHandoffs,
  referenceSummary,
  referenceWeekly,
  type JourneySet,
  type ReferenceFilters,
} from '@relais/domain';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { loadConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { KpiService } from './kpi.service';
import {
  CHASER_AT_RESOLUTION_INSTANT,
  HOLDER_TIE,
  STATUS_WITHOUT_TEAM,
  SURVEY_AFTER_UNASSIGNMENT,
} from './parity-examples';
import { importJourneyEvents, resetJourneyLog } from './parity-load';

/**
 * Parity of the set-based SQL indicators with the TypeScript reference of KPI-DEFINITIONS (@relais/domain): random
 * journey sets are imported the way the import job does, then every indicator is asked of both, unfiltered and
 * with a random filter. A failure prints the journey set one event per line, the filter and both answers.
 */
const TIME_ZONE = 'Europe/Paris';
const RUNS = 200;
const WINDOWS = [7, 2];

describe('SQL indicators equal the TypeScript reference (property)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let kpis: KpiService;

  beforeAll(async () => {
    database = await createTestDatabase('server_parity');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    kpis = new KpiService(dataSource, { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: TIME_ZONE });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Replaces the journey log by `set`; every event of a set is new (its identities are unique). */
  async function load(set: JourneySet): Promise<void> {
    await resetJourneyLog(dataSource);
    expect(await importJourneyEvents(dataSource, set.events, TIME_ZONE)).toBe(set.events.length);
  }

  const optionsOf = (filters: ReferenceFilters, repeatWindowDays: number) => ({
    timeZone: TIME_ZONE,
    repeatWindowDays,
    filters,
  });

  it(`summary and weekly: cases, transfers, repeat contact, reopen rate, weeks (${RUNS} journey sets)`, async () => {
    await fc.assert(
      fc.asyncProperty(journeySets(fc), referenceFilterSets(fc), async (set, filter) => {
        await load(set);
        // Every window × filter combination at once: the pool has room, and a run waits on the slowest only.
        const combinations = WINDOWS.flatMap((repeatWindowDays) =>
          [{}, filter].map((filters) => ({ filters, repeatWindowDays })),
        );
        const answers = await Promise.all(
          combinations.map(async ({ filters, repeatWindowDays }) => {
            const asked = { ...filters, repeatWindowDays };
            const [summary, weekly] = await Promise.all([kpis.summary(asked), kpis.weekly(asked)]);
            return { asked, options: optionsOf(filters, repeatWindowDays), summary, weekly };
          }),
        );
        for (const { asked, options, summary, weekly } of answers) {
          const expected = referenceSummary(set.events, options);
          const { cases, transfers, repeatContact, reopenRate, chasers } = summary;
          expect({ asked, cases, transfers, repeatContact, reopenRate, chasers }).toEqual({
            asked,
            cases: expected.cases,
            transfers: expected.transfers,
            repeatContact: expected.repeatContact,
            reopenRate: expected.reopenRate,
            chasers: expected.chasers,
          });
          expect({ asked, ...weekly }).toEqual({ asked, ...referenceWeekly(set.events, options) });
        }
      }),
      { numRuns: RUNS },
    );
  }, 240_000);

  // The facts summary and weekly are made of, chasers included (no endpoint shows them yet), and the per-row facts
  // of §5 and §6 with the team holding the case (the holder rule, which no summary number shows per row).
  it(`per-case facts: case_fact, case_transition and case_survey hold the reference's case attributes, transfers, chasers, surveys, gaps, stays and answers with their teams (${RUNS} journey sets)`, async () => {
    await fc.assert(
      fc.asyncProperty(journeySets(fc), async (set) => {
        await load(set);
        const [rows, stays, answers]: [CaseFactRow[], TransitionRow[], SurveyRow[]] = await Promise.all([
          dataSource.query(
            `SELECT source, case_id, customer_key, created_ts, to_char(created_week, 'YYYY-MM-DD') AS week_start,
                    team, channel, category, transfers, team_entries, distinct_teams, reopened, chasers, surveys,
                    survey_top_two, next_same_subject_ms
             FROM case_fact ORDER BY source, case_id`,
          ),
          dataSource.query(
            `SELECT source, case_id, from_step, to_step, seconds::int AS seconds, team
             FROM case_transition ORDER BY source, case_id, n`,
          ),
          dataSource.query(
            `SELECT source, case_id, step, team, csat, csat_scale FROM case_survey ORDER BY source, case_id, n`,
          ),
        ]);
        const expected = referenceCases(set.events, { timeZone: TIME_ZONE, repeatWindowDays: 7 });
        expect(rows.map(caseFactOf)).toEqual(
          expected.map((c) => ({
            case: `${c.source}/${c.caseId}`,
            customerKey: c.customerKey,
            createdTs: c.createdTs.toISOString(),
            weekStart: c.weekStart,
            team: c.team,
            channel: c.channel,
            category: c.category,
            transfers: c.transfers.length,
            teamEntries: c.teamEntries,
            distinctTeams: c.distinctTeams,
            reopened: c.reopened,
            chasers: c.chasers,
            surveys: c.surveys.length,
            topTwo: c.surveys.filter((a) => a.topTwo).length,
            nextSameSubjectMs: c.nextSameSubjectMs,
          })),
        );
        expect(
          stays.map(({ source, case_id, from_step, to_step, seconds, team }) => ({
            case: `${source}/${case_id}`,
            from: from_step,
            to: to_step,
            seconds,
            team,
          })),
        ).toEqual(expected.flatMap((c) => c.transitions.map((t) => ({ case: `${c.source}/${c.caseId}`, ...t }))));
        expect(
          answers.map(({ source, case_id, step, team, csat, csat_scale }) => ({
            case: `${source}/${case_id}`,
            step,
            team,
            csat,
            scale: csat_scale,
          })),
        ).toEqual(
          expected.flatMap((c) =>
            c.surveys.map(({ step, team, csat, scale }) => ({
              case: `${c.source}/${c.caseId}`,
              step,
              team,
              csat,
              scale,
            })),
          ),
        );
      }),
      {
        numRuns: RUNS,
        examples: [
          [journeySetOf(fc, CHASER_AT_RESOLUTION_INSTANT)],
          [journeySetOf(fc, SURVEY_AFTER_UNASSIGNMENT)],
          [journeySetOf(fc, STATUS_WITHOUT_TEAM)],
          [journeySetOf(fc, HOLDER_TIE)],
        ],
      },
    );
  }, 240_000);

  // Step delays (§5), satisfaction (§6) and the handoff matrix (§3) in the contract's shapes and orders: step
  // delays by count desc then names, satisfaction by name, edges by transfers desc then names.
  it(`summary step delays and satisfaction, handoffs (${RUNS} journey sets)`, async () => {
    await fc.assert(
      fc.asyncProperty(journeySets(fc), referenceFilterSets(fc), async (set, filter) => {
        await load(set);
        const answers = await Promise.all(
          [{}, filter].map(async (filters) => {
            const [summary, handoffs] = await Promise.all([kpis.summary(filters), kpis.handoffs(filters)]);
            return { filters, summary, handoffs };
          }),
        );
        for (const { filters, summary, handoffs } of answers) {
          const options = optionsOf(filters, 7);
          const expected = referenceSummary(set.events, options);
          expect({ filters, stepDelays: summary.stepDelays, satisfaction: summary.satisfaction }).toEqual({
            filters,
            stepDelays: expected.stepDelays,
            satisfaction: expected.satisfaction,
          });
          expect({ filters, ...handoffs }).toEqual({ filters, ...referenceHandoffs(set.events, options) });
        }
      }),
      {
        numRuns: RUNS,
        examples: [
          [journeySetOf(fc, SURVEY_AFTER_UNASSIGNMENT), { team: 'N1' }],
          [journeySetOf(fc, STATUS_WITHOUT_TEAM), { team: 'N1' }],
        ],
      },
    );
  }, 300_000);
});

interface CaseFactRow {
  source: string;
  case_id: string;
  customer_key: string | null;
  created_ts: Date;
  week_start: string;
  team: string | null;
  channel: string | null;
  category: string | null;
  transfers: number;
  team_entries: number;
  distinct_teams: number;
  reopened: boolean;
  chasers: number;
  surveys: number;
  survey_top_two: number;
  next_same_subject_ms: string | null;
}

interface TransitionRow {
  source: string;
  case_id: string;
  from_step: string | null;
  to_step: string | null;
  seconds: number;
  team: string | null;
}

interface SurveyRow {
  source: string;
  case_id: string;
  step: string | null;
  team: string | null;
  csat: number;
  csat_scale: number;
}

function caseFactOf(row: CaseFactRow) {
  return {
    case: `${row.source}/${row.case_id}`,
    customerKey: row.customer_key,
    createdTs: row.created_ts.toISOString(),
    weekStart: row.week_start,
    team: row.team,
    channel: row.channel,
    category: row.category,
    transfers: row.transfers,
    teamEntries: row.team_entries,
    distinctTeams: row.distinct_teams,
    reopened: row.reopened,
    chasers: row.chasers,
    surveys: row.surveys,
    topTwo: row.survey_top_two,
    nextSameSubjectMs: row.next_same_subject_ms === null ? null : Number(row.next_same_subject_ms),
  };
}
