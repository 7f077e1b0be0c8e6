import { stringify } from 'csv-stringify/browser/esm/sync';
import { ReviewIndicator } from '@relais/contracts';
import { ReviewCard } from './review-cards';
import { WorstGroup, WorstTransition } from './worst-lists';

/** Everything the meeting export holds: the reviewed week's indicators and its worst groups and transitions. */
export interface ReviewExport {
  week: string;
  cards: readonly ReviewCard[];
  /** Every indicator of the API's review (including the ones without a card, e.g. ping-pong, reopen rate). */
  indicators: readonly ReviewIndicator[];
  teams: readonly WorstGroup[];
  categories: readonly WorstGroup[];
  transitions: readonly WorstTransition[];
}

/** Stable English column names and plain numbers: the file is read by spreadsheets and scripts alike. */
export const REVIEW_CSV_COLUMNS = [
  'section',
  'name',
  'week',
  'metric',
  'value',
  'target',
  'alert_level',
  'status',
  'previous_week_value',
  'change_vs_previous_week',
  'four_week_average',
  'change_vs_four_week_average',
  'count',
  'provisional',
] as const;
type Row = Partial<Record<(typeof REVIEW_CSV_COLUMNS)[number], string | number | boolean | null>>;

function indicatorRow(week: string, name: string, item: ReviewIndicator | ReviewCard, count: number): Row {
  return {
    section: 'indicator',
    name,
    week,
    metric: name,
    value: item.value,
    target: item.target,
    alert_level: item.alertLevel,
    status: item.status,
    previous_week_value: item.previous.value,
    change_vs_previous_week: item.previous.change,
    four_week_average: item.fourWeekAverage.value,
    change_vs_four_week_average: item.fourWeekAverage.change,
    count,
    provisional: item.provisional,
  };
}

function groupRows(section: string, week: string, groups: readonly WorstGroup[]): Row[] {
  return groups.flatMap((group) =>
    (['transfersMean', 'repeatRate'] as const).map((metric) => ({
      section,
      name: group.key,
      week,
      metric,
      value: group[metric],
      count: group.cases,
    })),
  );
}

/**
 * The review as CSV (RFC 4180, header row first). Team, category and step names come from the imported data, so a
 * cell starting with = + - @ (or a tab / carriage return) is prefixed with a quote: a spreadsheet must never run
 * it as a formula. Negative numbers stay numbers.
 */
export function reviewCsv(data: ReviewExport): string {
  const { week } = data;
  const delay = data.cards.find((card) => card.key === 'stepDelay');
  const rows: Row[] = [
    ...data.indicators.map((indicator) => indicatorRow(week, indicator.indicator, indicator, indicator.cases)),
    ...(delay ? [indicatorRow(week, 'stepDelayMeanHours', delay, delay.count)] : []),
    ...groupRows('worst_team', week, data.teams),
    ...groupRows('worst_category', week, data.categories),
    ...data.transitions.flatMap((t) =>
      (['medianHours', 'p90Hours'] as const).map((metric) => ({
        section: 'worst_transition',
        name: `${t.from} > ${t.to}`,
        week,
        metric,
        value: t[metric],
        count: t.count,
      })),
    ),
  ];
  return stringify(rows, {
    header: true,
    columns: [...REVIEW_CSV_COLUMNS],
    escape_formulas: true,
    record_delimiter: '\r\n',
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

/** File name of the export, e.g. relais-review-2026-W47.csv. */
export function reviewCsvFileName(week: string): string {
  return `relais-review-${week}.csv`;
}
