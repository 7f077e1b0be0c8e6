import { DateTime, Info, type TokenParser } from 'luxon';

export interface ParseTimestampOptions {
  /** IANA zone in which a timestamp without offset is read (the import's declared time zone). */
  timeZone: string;
  /** Luxon format tokens (e.g. `dd.MM.yyyy HH:mm`); when given, it is the only format tried. */
  format?: string;
}

export type TimestampFailureCode = 'EMPTY' | 'UNRECOGNISED' | 'INVALID_DATE' | 'FORMAT_MISMATCH' | 'INVALID_TIME_ZONE';

export type ParsedTimestamp = { ok: true; date: Date } | { ok: false; code: TimestampFailureCode; message: string };

/**
 * ISO-8601 family: `yyyy-mm-dd`, then optionally `T` or a space and `HH:MM[:SS[.fraction]]`, then optionally
 * `Z`, `±hh`, `±hhmm` or `±hh:mm`. This only picks the shapes accepted; luxon's ISO parser reads them (it alone
 * would also take `2024`, `2024-W03-2` or `2024-01-23T13`, which no ticketing export means as an instant).
 */
const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Day first, always: `01/02/2024` is 1 February. A month-first export needs an explicit `format`. */
const FORMATS = [
  'yyyy/MM/dd HH:mm:ss.u',
  'yyyy/MM/dd HH:mm:ss',
  'yyyy/MM/dd HH:mm',
  'yyyy/MM/dd',
  'd/M/yyyy H:mm:ss',
  'd/M/yyyy H:mm',
  'd/M/yyyy',
  'd-M-yyyy H:mm:ss',
  'd-M-yyyy H:mm',
  'd-M-yyyy',
] as const;

// Built once: luxon's fromFormat compiles its format on every call, ten times slower than a reused parser.
const LOCALE = { locale: 'en-US', numberingSystem: 'latn' } as const;
let formatParsers: TokenParser[] | undefined;
const parsers = () => (formatParsers ??= FORMATS.map((format) => DateTime.buildFormatParser(format, LOCALE)));

// Checking a zone builds an Intl formatter (~0.1 ms): once per zone name, not once per cell.
const validZones = new Map<string, boolean>();
function isValidZone(timeZone: string): boolean {
  let valid = validZones.get(timeZone);
  if (valid === undefined) validZones.set(timeZone, (valid = Info.isValidIANAZone(timeZone)));
  return valid;
}

/**
 * The shape most exports and the canonical format write (`2024-01-23T13:26:08Z`, `…08.123+01:00`): read without
 * luxon, which costs more than the rest of the row. Anything else, and any value out of range, goes the general way.
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

function readIsoInstant(value: string): Date | undefined {
  const m = ISO_INSTANT.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  const offsetHours = m[8] ? 0 : Number(m[10]);
  const offsetMinutes = m[8] ? 0 : Number(m[11]);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 31/02 over to March: a calendar date that does not come back unchanged is not one.
  if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return undefined;
  const sign = m[9] === '-' ? -1 : 1;
  return new Date(local.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

const fail = (code: TimestampFailureCode, message: string): ParsedTimestamp => ({ ok: false, code, message });

/**
 * A local time that occurs twice (the fall-back hour) is read as its second occurrence, in standard time; one
 * that does not exist (the spring-forward gap) is read with the standard-time offset, i.e. shifted forward
 * (02:30 → 03:30 summer time). Both as PostgreSQL reads a naive timestamp, so SQL and TypeScript agree, and
 * independent of the date the code runs (luxon alone picks an occurrence from the current offset).
 */
function toInstant(parsed: DateTime): Date {
  const occurrences = parsed.getPossibleOffsets();
  return new Date(Math.max(...occurrences.map((occurrence) => occurrence.toMillis())));
}

function describe(text: string, parsed: DateTime): string {
  return `"${text}" is not a valid date: ${parsed.invalidExplanation ?? parsed.invalidReason}`;
}

/**
 * Reads an instant from an export cell. Accepted without `format`: the ISO family above (offset or naive),
 * `yyyy/mm/dd HH:MM[:SS[.fff]]`, `d/m/yyyy H:MM[:SS]` and `d-m-yyyy H:MM[:SS]` (padded or not), each also as a
 * date alone (midnight). Naive values are read in `timeZone`. An impossible calendar date (31/02, month 13)
 * fails with INVALID_DATE rather than rolling over.
 */
export function parseTimestamp(text: string, options: ParseTimestampOptions): ParsedTimestamp {
  const value = text.trim();
  if (value === '') return fail('EMPTY', 'the timestamp is empty');
  if (!isValidZone(options.timeZone)) {
    return fail('INVALID_TIME_ZONE', `"${options.timeZone}" is not an IANA time zone`);
  }
  const zone = { zone: options.timeZone, setZone: true, ...LOCALE };

  if (options.format !== undefined) {
    const parsed = DateTime.fromFormat(value, options.format, zone);
    if (parsed.isValid) return { ok: true, date: toInstant(parsed) };
    return parsed.invalidReason === 'unit out of range'
      ? fail('INVALID_DATE', describe(value, parsed))
      : fail('FORMAT_MISMATCH', `"${value}" does not match the format "${options.format}"`);
  }

  const instant = readIsoInstant(value);
  if (instant) return { ok: true, date: instant };

  let outOfRange: DateTime | undefined;
  const readers = ISO_SHAPE.test(value)
    ? [() => DateTime.fromISO(value.replace(' ', 'T'), zone)]
    : parsers().map((parser) => () => DateTime.fromFormatParser(value, parser, zone));
  for (const read of readers) {
    const parsed = read();
    if (parsed.isValid) return { ok: true, date: toInstant(parsed) };
    if (parsed.invalidReason === 'unit out of range') outOfRange ??= parsed;
  }
  return outOfRange
    ? fail('INVALID_DATE', describe(value, outOfRange))
    : fail(
        'UNRECOGNISED',
        `"${value}" is not a recognised timestamp (expected ISO-8601 such as 2024-01-23T13:26:08+01:00, ` +
          'yyyy-mm-dd HH:MM:SS, yyyy/mm/dd HH:MM:SS, dd/mm/yyyy HH:MM or dd-mm-yyyy HH:MM)',
      );
}
