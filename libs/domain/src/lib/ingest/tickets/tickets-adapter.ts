import { Info } from 'luxon';
import { DEFAULT_CSAT_SCALE, type JourneyEvent } from '../../journey/journey-event';
import type { AdapterOptions, AdapterOutput, CsvImportAdapter } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import type { RecordSource, SourceRecord } from '../source/open-records';
import { parseTimestamp } from '../timestamps/parse-timestamp';
import {
  parseTicketsMapping,
  TICKETS_COLUMN_KEYS,
  TICKETS_DEFAULT_COLUMNS,
  TICKETS_TIME_KEYS,
  type TicketsMapping,
} from './tickets-mapping';
import { readCsvRows } from '../source/csv-rows';

/** Events of one row keep its place: seq = record index × stride + k (k: created 0 … survey 4). */
export const TICKET_SEQ_STRIDE = 5;

/** Default status → canonical step, on the status lower-cased with runs of spaces, `_` and `-` as one space. */
export const TICKET_STATUS_STEPS: Readonly<Record<string, string>> = {
  new: 'new',
  open: 'new',
  triage: 'triage',
  'in progress': 'in_progress',
  'pending customer response': 'waiting_customer',
  'waiting on customer': 'waiting_customer',
  'awaiting customer': 'waiting_customer',
  pending: 'waiting_customer',
  'on hold': 'waiting_third_party',
  'waiting on third party': 'waiting_third_party',
  resolved: 'resolved',
  solved: 'resolved',
  closed: 'closed',
  reopened: 'reopened',
};

/** Unknown statuses are kept as written, for the source's step mapping to name. */
export function ticketStatusStep(status: string): string {
  return TICKET_STATUS_STEPS[status.toLowerCase().replace(/[\s_-]+/g, ' ')] ?? status;
}

type Phase = (typeof TICKETS_TIME_KEYS)[number];
const PHASE_STEPS: Record<Phase, string> = {
  createdAt: 'new',
  firstResponseAt: 'in_progress',
  resolvedAt: 'resolved',
  closedAt: 'closed',
};
/** Which instants win when they contradict each other: creation bounds everything, then the later milestones. */
const KEEP_PRIORITY: readonly Phase[] = ['createdAt', 'closedAt', 'resolvedAt', 'firstResponseAt'];
const NOT_STATUS_STEPS = new Set(['new', 'resolved', 'closed']);

interface Milestone {
  phase: Phase;
  ts: Date;
}

type RowResult = { ok: true; events: JourneyEvent[] } | { ok: false; field: string; message: string };

const integer = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);

function checkHeader(source: RecordSource, mapping: TicketsMapping): Record<string, string | null> {
  const found = `Found: ${source.originalHeader.join(', ')}.`;
  const missing = [...mapping.explicit]
    .map((key) => mapping.columns[key] as string)
    .filter((column) => !source.header.includes(column));
  if (!source.header.includes(mapping.columns.ticketId as string)) missing.unshift(mapping.columns.ticketId as string);
  if (missing.length > 0) {
    throw new ImportFileError(
      ImportFileErrorCode.MISSING_COLUMNS,
      `Missing column${missing.length > 1 ? 's' : ''} ${[...new Set(missing)].join(', ')}. ${found}`,
    );
  }
  // A default name the file lacks is simply not read (the Kaggle sample has no creation nor close time).
  const columns = Object.fromEntries(
    TICKETS_COLUMN_KEYS.map((key) => {
      const column = mapping.columns[key];
      return [key, column !== null && source.header.includes(column) ? column : null];
    }),
  );
  const times = TICKETS_TIME_KEYS.map((key) => mapping.columns[key]).filter((column) => column !== null);
  if (TICKETS_TIME_KEYS.every((key) => columns[key] === null)) {
    throw new ImportFileError(
      ImportFileErrorCode.MISSING_COLUMNS,
      `No time column: expected at least one of ${times.join(', ')} (or map createdAt, firstResponseAt, resolvedAt, closedAt). ${found}`,
    );
  }
  const used = Object.values(columns).filter((column): column is string => column !== null);
  const repeated = used.filter((column) => source.originalHeader.filter((name) => name === column).length > 1);
  if (repeated.length > 0) {
    throw new ImportFileError(
      ImportFileErrorCode.DUPLICATE_COLUMNS,
      `Column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')} appear${repeated.length > 1 ? '' : 's'} more than once: which one holds the value is ambiguous. ${found}`,
    );
  }
  return columns;
}

/**
 * Keeps the instants that can follow each other without a negative delay, in KEEP_PRIORITY: a milestone that
 * contradicts one kept before it (a first response after the resolution, a resolution after the close, anything
 * before the creation) is dropped. Equal instants are in order.
 */
function orderedMilestones(found: Milestone[]): Milestone[] {
  const rank = (phase: Phase) => TICKETS_TIME_KEYS.indexOf(phase);
  const kept: Milestone[] = [];
  for (const phase of KEEP_PRIORITY) {
    const candidate = found.find((m) => m.phase === phase);
    if (!candidate) continue;
    const fits = kept.every((k) => (rank(k.phase) < rank(phase) ? k.ts <= candidate.ts : candidate.ts <= k.ts));
    if (fits) kept.push(candidate);
  }
  return kept.sort((a, b) => rank(a.phase) - rank(b.phase));
}

/** Validates one ticket and turns it into its events. Checked in this order: id, times, csat scale, csat. */
function toEvents(
  { record, index }: SourceRecord,
  columns: Record<string, string | null>,
  mapping: TicketsMapping,
  options: AdapterOptions,
): RowResult {
  const value = (column: string | null): string | null =>
    column === null ? null : (record[column] ?? '').trim() || null;

  const ticketColumn = columns['ticketId'] as string;
  const caseId = value(ticketColumn);
  if (caseId === null) return { ok: false, field: ticketColumn, message: `${ticketColumn} (the ticket id) is empty` };

  const found: Milestone[] = [];
  for (const phase of TICKETS_TIME_KEYS) {
    const column = columns[phase];
    const text = value(column);
    if (column === null || text === null) continue;
    const ts = parseTimestamp(text, { timeZone: options.timeZone, format: mapping.timestampFormat ?? undefined });
    if (!ts.ok) return { ok: false, field: column, message: `${column} ${ts.message}` };
    found.push({ phase, ts: ts.date });
  }

  const csatColumn = columns['csat'];
  const csatText = value(csatColumn);
  let csat: number | null = null;
  let csatScale: number | null = null;
  if (csatText !== null && csatColumn !== null) {
    const scaleColumn = columns['csatScale'];
    const scaleText = value(scaleColumn);
    csatScale = scaleText === null ? (mapping.fixedCsatScale ?? DEFAULT_CSAT_SCALE) : integer(scaleText);
    if (csatScale === null || csatScale < 2) {
      return {
        ok: false,
        field: scaleColumn as string,
        message: `${scaleColumn} "${scaleText}" is not an integer of 2 or more`,
      };
    }
    csat = integer(csatText);
    if (csat === null || csat < 1 || csat > csatScale) {
      return {
        ok: false,
        field: csatColumn,
        message: `${csatColumn} "${csatText}" is out of range: expected an integer from 1 to ${csatScale}`,
      };
    }
  }

  const kept = orderedMilestones(found);
  if (kept.length === 0) return { ok: true, events: [] };

  const open = !kept.some((m) => m.phase === 'resolvedAt' || m.phase === 'closedAt');
  const status = value(columns['status']);
  const statusStep = status === null ? null : ticketStatusStep(status);
  const stepOf = (phase: Phase) =>
    phase === 'firstResponseAt' && open && statusStep !== null && !NOT_STATUS_STEPS.has(statusStep)
      ? statusStep
      : PHASE_STEPS[phase];

  const base = {
    caseId,
    customerId: null,
    team: null,
    agent: null,
    channel: null,
    category: null,
    direction: null,
    csat: null,
    csatScale: null,
  };
  const seq = (phase: Phase | 'survey') =>
    index * TICKET_SEQ_STRIDE + (phase === 'survey' ? 4 : TICKETS_TIME_KEYS.indexOf(phase));
  // Without a creation time the ticket starts at its first known instant, in that milestone's step: a `new`
  // step of unknown length would show as a zero delay.
  const [first, ...rest] = kept;
  const events: JourneyEvent[] = [
    {
      ...base,
      customerId: value(columns['customer']),
      channel: value(columns['channel']),
      category: value(columns['category']),
      ts: first.ts,
      seq: seq(first.phase),
      event: 'created',
      step: stepOf(first.phase),
    },
    ...rest.map(
      (m): JourneyEvent => ({ ...base, ts: m.ts, seq: seq(m.phase), event: 'status_changed', step: stepOf(m.phase) }),
    ),
  ];
  if (csat !== null) {
    const answeredAt =
      kept.find((m) => m.phase === 'resolvedAt') ?? kept.find((m) => m.phase === 'closedAt') ?? kept[kept.length - 1];
    events.push({
      ...base,
      ts: answeredAt.ts,
      seq: seq('survey'),
      event: 'survey',
      step: stepOf(answeredAt.phase),
      csat,
      csatScale,
    });
  }
  return { ok: true, events };
}

function readTickets(
  source: RecordSource,
  columns: Record<string, string | null>,
  mapping: TicketsMapping,
  options: AdapterOptions,
): AsyncGenerator<AdapterOutput> {
  return readCsvRows(source, (row) => toEvents(row, columns, mapping, options));
}

/**
 * A one-row-per-ticket CSV (the Kaggle customer-support sample, or any helpdesk's ticket list through a column
 * mapping): each ticket becomes `created`, step changes at its first response, resolution and close, and a
 * `survey` when rated. See tickets/README.md for the order guard and the status → step defaults.
 */
export const ticketsAdapter: CsvImportAdapter = {
  name: 'tickets',
  description: 'One row per ticket (Kaggle-style list): created, first response, resolution, close and rating.',
  requiredColumns: [TICKETS_DEFAULT_COLUMNS.ticketId],
  read(source, options) {
    let mapping: TicketsMapping;
    let columns: Record<string, string | null>;
    try {
      mapping = parseTicketsMapping(options.mapping);
      columns = checkHeader(source, mapping);
      if (!Info.isValidIANAZone(options.timeZone))
        throw new RangeError(`"${options.timeZone}" is not an IANA time zone`);
    } catch (error) {
      void source.close().catch(() => undefined); // no row will be read: release the file now
      throw error;
    }
    return readTickets(source, columns, mapping, options);
  },
};
