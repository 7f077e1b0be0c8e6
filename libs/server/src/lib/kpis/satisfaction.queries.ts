import type {
  KpiFilters,
  KpiSummary,
  SatisfactionCell,
  SatisfactionReport,
  SatisfactionStats,
  SatisfactionTransfersBucket,
} from '@relais/contracts';
import { wilsonInterval } from '@relais/domain';
import type { DataSource } from 'typeorm';
import { caseFilter } from './case-filter';
import { MIN_SURVEY_RESPONSES } from './kpi.service';
import { rate, score } from './rounding';

const DAY_MS = 86_400_000;
const TRANSFER_BUCKETS: SatisfactionTransfersBucket[] = ['0', '1', '2', '3+'];

type Dimension = 'step' | 'team' | 'transfers' | 'repeated';

interface GroupRow {
  dimension: Dimension;
  key: string | null;
  responses: number;
  top_two: number;
  scale_min: number;
  scale_max: number;
  score_mean: string;
  normalised_mean: number;
}

/** KPI-DEFINITIONS §6 per step and per team, over the filtered cases: the summary's shape. */
export async function satisfaction(
  db: DataSource,
  filters: KpiFilters,
  timeZone: string,
): Promise<KpiSummary['satisfaction']> {
  const rows = await groups(db, filters, timeZone, ['step', 'team']);
  const cell = (row: GroupRow): SatisfactionCell => {
    const { responses, mean, csatShare } = stats(row);
    return { responses, mean, csatShare };
  };
  return {
    byStep: named(rows, 'step').map((row) => ({ step: row.key, ...cell(row) })),
    byTeam: named(rows, 'team').map((row) => ({ team: row.key, ...cell(row) })),
  };
}

/** The dashboard's view of §6: per step and team with the Wilson interval of CSAT %, and the seam view. */
export async function satisfactionReport(
  db: DataSource,
  filters: KpiFilters,
  timeZone: string,
): Promise<SatisfactionReport> {
  const repeatWindowDays = filters.repeatWindowDays ?? 7;
  const rows = await groups(db, filters, timeZone, ['step', 'team', 'transfers', 'repeated']);
  const bucket = (dimension: Dimension, key: string) =>
    stats(rows.find((row) => row.dimension === dimension && row.key === key));
  return {
    byStep: named(rows, 'step').map((row) => ({ step: row.key, ...stats(row) })),
    byTeam: named(rows, 'team').map((row) => ({ team: row.key, ...stats(row) })),
    byTransfers: TRANSFER_BUCKETS.map((transfers) => ({ transfers, ...bucket('transfers', transfers) })),
    byRepeat: [false, true].map((repeated) => ({ repeated, ...bucket('repeated', String(repeated)) })),
    repeatWindowDays,
  };
}

/**
 * One pass over the answers of the filtered cases, grouped once per dimension (GROUPING SETS): in a row, the
 * columns of the other dimensions are null, so the key is the first non-null one.
 */
async function groups(
  db: DataSource,
  filters: KpiFilters,
  timeZone: string,
  dimensions: Dimension[],
): Promise<GroupRow[]> {
  const params: unknown[] = [(filters.repeatWindowDays ?? 7) * DAY_MS];
  const { where } = caseFilter(filters, timeZone, params);
  return db.query(
    `WITH answer AS (
       SELECT s.step, s.team, s.csat, s.csat_scale,
              CASE WHEN f.transfers >= 3 THEN '3+' ELSE f.transfers::text END AS transfers,
              coalesce(f.next_same_subject_ms <= $1, false)::text AS repeated
       FROM case_survey s JOIN case_fact f ON f.source = s.source AND f.case_id = s.case_id
       ${where}
     )
     SELECT CASE ${dimensions.map((d) => `WHEN GROUPING(${d}) = 0 THEN '${d}'`).join(' ')} END AS dimension,
            coalesce(${dimensions.join(', ')}) AS key,
            count(*)::int AS responses,
            count(*) FILTER (WHERE csat >= csat_scale - 1)::int AS top_two,
            min(csat_scale)::int AS scale_min,
            max(csat_scale)::int AS scale_max,
            avg(csat) AS score_mean,
            avg((csat - 1)::double precision / (csat_scale - 1)) AS normalised_mean
     FROM answer
     GROUP BY GROUPING SETS (${dimensions.map((d) => `(${d})`).join(', ')})`,
    params,
  );
}

/** Rows of one dimension that name their step or team, by name; answers before any stated step or team are left out. */
function named(rows: GroupRow[], dimension: 'step' | 'team'): Array<GroupRow & { key: string }> {
  return rows
    .filter((row): row is GroupRow & { key: string } => row.dimension === dimension && row.key !== null)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * §6 and §7: mean on the original scale when every answer of the group uses the same one, else the normalised
 * 0–1 score; CSAT % = share in the top two of the scale, with its 95 % Wilson interval. Below 5 responses only
 * the count is a number.
 */
function stats(row: GroupRow | undefined): SatisfactionStats {
  if (!row) return { responses: 0, mean: null, csatShare: null, scale: null, csatInterval: null };
  const scale = row.scale_min === row.scale_max ? row.scale_min : null;
  if (row.responses < MIN_SURVEY_RESPONSES)
    return { responses: row.responses, mean: null, csatShare: null, scale, csatInterval: null };
  const interval = wilsonInterval(row.top_two, row.responses);
  return {
    responses: row.responses,
    mean: score(scale === null ? row.normalised_mean : row.score_mean),
    csatShare: rate(row.top_two / row.responses),
    scale,
    csatInterval: { low: rate(interval.low), high: rate(interval.high) },
  };
}
