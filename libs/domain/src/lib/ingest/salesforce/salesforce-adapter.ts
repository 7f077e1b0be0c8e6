import { Info } from 'luxon';
import type { JourneyEvent } from '../../journey/journey-event';
import type { AdapterOptions, AdapterOutput, CsvImportAdapter } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import type { RecordSource, SourceRecord } from '../source/open-records';
import { parseTimestamp } from '../timestamps/parse-timestamp';
import { readCsvRows } from '../source/csv-rows';

export const SALESFORCE_CASE_COLUMNS = ['Id', 'Status', 'CreatedDate'] as const;
export const SALESFORCE_CASE_OPTIONAL_COLUMNS = [
  'OwnerId',
  'ContactId',
  'Origin',
  'Type',
  'Reason',
  'ClosedDate',
  'IsClosed',
] as const;
export const SALESFORCE_HISTORY_COLUMNS = ['CaseId', 'Field', 'OldValue', 'NewValue', 'CreatedDate'] as const;

/** Events of one row keep its place: seq = record index × 2 + k. */
export const SALESFORCE_SEQ_STRIDE = 2;

/** Default Status → canonical step, on the value lower-cased with runs of spaces, `_` and `-` as one space. */
export const SALESFORCE_STATUS_STEPS: Readonly<Record<string, string>> = {
  new: 'new',
  open: 'new',
  working: 'in_progress',
  'in progress': 'in_progress',
  escalated: 'in_progress',
  'waiting on customer': 'waiting_customer',
  'awaiting customer': 'waiting_customer',
  'pending customer': 'waiting_customer',
  'on hold': 'waiting_third_party',
  'waiting on third party': 'waiting_third_party',
  'pending vendor': 'waiting_third_party',
  resolved: 'resolved',
  closed: 'closed',
  reopened: 'reopened',
};

/** Unknown statuses (an org's own, e.g. `Closed - Duplicate`) are kept as written, for the source's step mapping. */
export function salesforceStatusStep(status: string): string {
  return SALESFORCE_STATUS_STEPS[status.toLowerCase().replace(/[\s_-]+/g, ' ')] ?? status;
}

const ENDED_STEPS = new Set(['resolved', 'closed']);
/** A closed case whose Status maps to one of these (an org's odd closed status) is shown as `closed`. */
const OPEN_STEPS = new Set(Object.values(SALESFORCE_STATUS_STEPS).filter((step) => !ENDED_STEPS.has(step)));

/** Salesforce ids: 15 or 18 characters; the key prefix names the object (00G group/queue, 005 user). */
const QUEUE_ID = /^00G[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;
const USER_ID = /^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

type Shape = 'case' | 'history';
type RowResult = { ok: true; events: JourneyEvent[] } | { ok: false; field: string; message: string };

const reject = (field: string, message: string): RowResult => ({ ok: false, field, message });

/** Which export this is, from its header; throws MISSING_COLUMNS naming both shapes when it is neither. */
function recogniseShape(source: RecordSource): Shape {
  const has = (column: string) => source.header.includes(column);
  const shape: Shape = has('CaseId') && has('Field') ? 'history' : 'case';
  const required = shape === 'history' ? SALESFORCE_HISTORY_COLUMNS : SALESFORCE_CASE_COLUMNS;
  const missing = required.filter((column) => !has(column));
  if (missing.length > 0) {
    const found = `Found: ${source.originalHeader.join(', ')}.`;
    const reason =
      shape === 'history'
        ? `This looks like a CaseHistory export but lacks ${missing.join(', ')}.`
        : `Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`;
    throw new ImportFileError(
      ImportFileErrorCode.MISSING_COLUMNS,
      `${reason} Expected a Data Loader Case.csv (${SALESFORCE_CASE_COLUMNS.join(', ')}; optional ` +
        `${SALESFORCE_CASE_OPTIONAL_COLUMNS.join(', ')}) or CaseHistory.csv (${SALESFORCE_HISTORY_COLUMNS.join(', ')}). ${found}`,
    );
  }
  const used = [...required, ...(shape === 'case' ? SALESFORCE_CASE_OPTIONAL_COLUMNS : [])];
  const repeated = used.filter((column) => source.originalHeader.filter((name) => name === column).length > 1);
  if (repeated.length > 0) {
    throw new ImportFileError(
      ImportFileErrorCode.DUPLICATE_COLUMNS,
      `Column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')} appear${repeated.length > 1 ? '' : 's'} more than once: which one holds the value is ambiguous.`,
    );
  }
  return shape;
}

const blank = (caseId: string, ts: Date, seq: number): Omit<JourneyEvent, 'event' | 'step'> => ({
  caseId,
  customerId: null,
  ts,
  seq,
  team: null,
  agent: null,
  channel: null,
  category: null,
  direction: null,
  csat: null,
  csatScale: null,
});

/** Case row: `created`, and when closed a step change at ClosedDate. Checked: Id, CreatedDate, IsClosed, ClosedDate. */
function caseEvents(
  value: (column: string) => string | null,
  index: number,
  hasIsClosed: boolean,
  options: AdapterOptions,
): RowResult {
  const caseId = value('Id');
  if (caseId === null) return reject('Id', 'Id (the case id) is empty');
  const createdText = value('CreatedDate');
  if (createdText === null) return reject('CreatedDate', 'CreatedDate is empty');
  const created = parseTimestamp(createdText, { timeZone: options.timeZone });
  if (!created.ok) return reject('CreatedDate', `CreatedDate ${created.message}`);

  const isClosedText = value('IsClosed');
  const flag = isClosedText?.toLowerCase() ?? null;
  if (flag !== null && !['1', 'true', '0', 'false'].includes(flag)) {
    return reject('IsClosed', `IsClosed "${isClosedText}" is not a boolean (1, true, 0, false or empty)`);
  }
  // Data Loader writes false as an empty cell; without an IsClosed column a ClosedDate alone says closed.
  const closed = hasIsClosed ? flag === '1' || flag === 'true' : value('ClosedDate') !== null;

  const owner = value('OwnerId');
  const status = value('Status');
  const events: JourneyEvent[] = [
    {
      ...blank(caseId, created.date, index * SALESFORCE_SEQ_STRIDE),
      event: 'created',
      step: 'new',
      customerId: value('ContactId'),
      channel: value('Origin'),
      category: value('Type') ?? value('Reason'),
      team: owner !== null && QUEUE_ID.test(owner) ? owner : null,
      agent: owner !== null && USER_ID.test(owner) ? owner : null,
    },
  ];
  const closedText = value('ClosedDate');
  if (closed && closedText !== null) {
    const closedAt = parseTimestamp(closedText, { timeZone: options.timeZone });
    if (!closedAt.ok) return reject('ClosedDate', `ClosedDate ${closedAt.message}`);
    const step = status === null ? 'closed' : salesforceStatusStep(status);
    // A close before the creation would be a negative delay: the case is kept open rather than reordered.
    if (closedAt.date >= created.date) {
      events.push({
        ...blank(caseId, closedAt.date, index * SALESFORCE_SEQ_STRIDE + 1),
        event: 'status_changed',
        step: OPEN_STEPS.has(step) ? 'closed' : step,
      });
    }
  }
  return { ok: true, events };
}

/** CaseHistory row: Status → status_changed (reopened out of an ended step), Owner → assigned; other fields nothing. */
function historyEvents(value: (column: string) => string | null, index: number, options: AdapterOptions): RowResult {
  const field = value('Field')?.toLowerCase();
  if (field !== 'status' && field !== 'owner') return { ok: true, events: [] };
  const oldValue = value('OldValue');
  const newValue = value('NewValue');
  // Owner changes come twice: ids (kept) and display names (skipped, they say nothing more).
  if (field === 'owner' && !(newValue !== null && (QUEUE_ID.test(newValue) || USER_ID.test(newValue)))) {
    return { ok: true, events: [] };
  }
  if (field === 'owner' && USER_ID.test(newValue as string) && !(oldValue !== null && QUEUE_ID.test(oldValue))) {
    // Between two users the row states no team, and an agent change inside a team is no journey event.
    return { ok: true, events: [] };
  }

  const caseId = value('CaseId');
  if (caseId === null) return reject('CaseId', 'CaseId (the case id) is empty');
  const tsText = value('CreatedDate');
  if (tsText === null) return reject('CreatedDate', 'CreatedDate is empty');
  const ts = parseTimestamp(tsText, { timeZone: options.timeZone });
  if (!ts.ok) return reject('CreatedDate', `CreatedDate ${ts.message}`);
  const at = (k: number) => blank(caseId, ts.date, index * SALESFORCE_SEQ_STRIDE + k);

  if (field === 'status') {
    if (newValue === null) return reject('NewValue', 'NewValue (the new status) is empty');
    const step = salesforceStatusStep(newValue);
    const reopened = oldValue !== null && ENDED_STEPS.has(salesforceStatusStep(oldValue)) && !ENDED_STEPS.has(step);
    return { ok: true, events: [{ ...at(1), event: reopened ? 'reopened' : 'status_changed', step }] };
  }
  const owner = newValue as string;
  if (USER_ID.test(owner)) {
    // Queue → user: the user picks the case up inside the queue's team ("team kept").
    return { ok: true, events: [{ ...at(1), event: 'assigned', step: null, team: oldValue, agent: owner }] };
  }
  const events: JourneyEvent[] = [];
  // The queue handing the case on held it until now: stating it makes the first change a transfer too, while
  // Case.csv's OwnerId (the owner at export time) cannot tell who held the case first.
  if (oldValue !== null && QUEUE_ID.test(oldValue))
    events.push({ ...at(0), event: 'assigned', step: null, team: oldValue });
  events.push({ ...at(1), event: 'assigned', step: null, team: owner });
  return { ok: true, events };
}

function readSalesforce(source: RecordSource, shape: Shape, options: AdapterOptions): AsyncGenerator<AdapterOutput> {
  const hasIsClosed = source.header.includes('IsClosed');
  return readCsvRows(source, ({ record, index }: SourceRecord) => {
    const value = (column: string) => (record[column] ?? '').trim() || null;
    return shape === 'case' ? caseEvents(value, index, hasIsClosed, options) : historyEvents(value, index, options);
  });
}

/**
 * Salesforce Data Loader exports, one file per import, recognised by header: `Case.csv` (created, and a step
 * change at ClosedDate when closed) or `CaseHistory.csv` (Status and Owner changes). Case id = the 18-character
 * `Id` (CaseHistory's `CaseId`), so both files land on the same cases. See salesforce/README.md.
 */
export const salesforceAdapter: CsvImportAdapter = {
  name: 'salesforce',
  description: 'Salesforce Data Loader export: Case.csv (cases) or CaseHistory.csv (status and owner changes).',
  requiredColumns: ['CreatedDate'],
  read(source, options) {
    let shape: Shape;
    try {
      shape = recogniseShape(source);
      if (!Info.isValidIANAZone(options.timeZone))
        throw new RangeError(`"${options.timeZone}" is not an IANA time zone`);
    } catch (error) {
      void source.close().catch(() => undefined); // no row will be read: release the file now
      throw error;
    }
    return readSalesforce(source, shape, options);
  },
};
