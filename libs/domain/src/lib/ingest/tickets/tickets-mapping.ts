import { ImportFileError, ImportFileErrorCode } from '../import-file-error';

/** Keys of the optional `mapping` JSON of a tickets import naming columns, with the Kaggle sample's names. */
export const TICKETS_DEFAULT_COLUMNS = {
  ticketId: 'Ticket ID',
  customer: 'Customer Email',
  channel: 'Ticket Channel',
  category: 'Ticket Type',
  status: 'Ticket Status',
  createdAt: 'Creation Time',
  firstResponseAt: 'First Response Time',
  resolvedAt: 'Time to Resolution',
  closedAt: 'Close Time',
  csat: 'Customer Satisfaction Rating',
  csatScale: null,
} as const satisfies Record<string, string | null>;

export type TicketsColumnKey = keyof typeof TICKETS_DEFAULT_COLUMNS;
export const TICKETS_COLUMN_KEYS = Object.keys(TICKETS_DEFAULT_COLUMNS) as TicketsColumnKey[];
export const TICKETS_TIME_KEYS = ['createdAt', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const;
export const TICKETS_MAPPING_KEYS = [...TICKETS_COLUMN_KEYS, 'timestampFormat'] as const;

export interface TicketsMapping {
  /** Column per key; null = not read. */
  columns: Record<TicketsColumnKey, string | null>;
  /** Keys whose column the mapping names: that column must exist; a default name is read only when present. */
  explicit: ReadonlySet<TicketsColumnKey>;
  /** A fixed top of the csat scale (`"csatScale": 10`); null = a column, or the default 5. */
  fixedCsatScale: number | null;
  /** Luxon tokens for timestamps the usual forms miss; null = parseTimestamp's forms (day first). */
  timestampFormat: string | null;
}

const invalid = (message: string) => new ImportFileError(ImportFileErrorCode.INVALID_MAPPING, message);
const isKnownKey = (key: string): key is (typeof TICKETS_MAPPING_KEYS)[number] =>
  TICKETS_MAPPING_KEYS.some((known) => known === key);
const isColumnKey = (key: string): key is TicketsColumnKey => TICKETS_COLUMN_KEYS.some((known) => known === key);

/**
 * Checks the optional `mapping` of a tickets import and merges it over the Kaggle column names: a key absent
 * keeps its default, a string names the column, null stops reading it. `csatScale` may also be an integer ≥ 2
 * (one scale for the whole file). Throws INVALID_MAPPING naming the bad key.
 */
export function parseTicketsMapping(mapping: unknown): TicketsMapping {
  const parsed: TicketsMapping = {
    columns: { ...TICKETS_DEFAULT_COLUMNS },
    explicit: new Set(),
    fixedCsatScale: null,
    timestampFormat: null,
  };
  if (mapping === undefined || mapping === null) return parsed;
  if (typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw invalid(
      'The mapping must be a JSON object naming the columns, e.g. {"ticketId": "Case", "resolvedAt": "Solved"}.',
    );
  }
  const entries = Object.entries(mapping);
  const unknown = entries.map(([key]) => key).filter((key) => !isKnownKey(key));
  if (unknown.length > 0) {
    throw invalid(
      `Unknown mapping key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}; ` +
        `known keys: ${TICKETS_MAPPING_KEYS.join(', ')}.`,
    );
  }
  const explicit = new Set<TicketsColumnKey>();
  for (const [key, value] of entries) {
    const name = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    if (key === 'timestampFormat') {
      if (value !== null && name === null)
        throw invalid('mapping.timestampFormat must be luxon format tokens or null.');
      parsed.timestampFormat = name;
    } else if (key === 'csatScale' && typeof value === 'number') {
      if (!Number.isInteger(value) || value < 2)
        throw invalid('mapping.csatScale must be a column name or an integer of 2 or more.');
      parsed.fixedCsatScale = value;
      parsed.columns.csatScale = null;
    } else if (isColumnKey(key)) {
      if (key === 'ticketId' && name === null) throw invalid('mapping.ticketId must name the column of the ticket id.');
      if (value !== null && name === null) throw invalid(`mapping.${key} must be a column name or null.`);
      parsed.columns[key] = name;
      if (name !== null) explicit.add(key);
    }
  }
  return { ...parsed, explicit };
}
