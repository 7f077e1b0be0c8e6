import { Info } from 'luxon';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { AdapterOptions, AdapterOutput, DocumentImportAdapter, Observation } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import type { ByteSource } from '../source/open-bytes';
import { parseTimestamp } from '../timestamps/parse-timestamp';
import { parseXesMapping, type XesMapping } from './xes-mapping';

const CASE_KEY = 'concept:name';
const STEP_KEY = 'concept:name';
const TIME_KEY = 'time:timestamp';
const LIFECYCLE_KEY = 'lifecycle:transition';

interface PendingEvent {
  /** Parser line of the `<event>` tag. */
  line: number;
  /** Position among all `<event>` elements of the document, 1-based. */
  seq: number;
  attributes: Map<string, string>;
}

interface PendingTrace {
  attributes: Map<string, string>;
  events: PendingEvent[];
}

type Parsed = { ok: true; observation: Observation } | { ok: false; field: string; message: string };

const malformed = (message: string, line: number | null = null) =>
  new ImportFileError(ImportFileErrorCode.MALFORMED_DOCUMENT, message, line);

/** `xes:event` and `event` alike: the log may or may not use a prefix for the XES namespace. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function toObservation(
  event: PendingEvent,
  trace: PendingTrace | null,
  mapping: XesMapping,
  options: AdapterOptions,
): Parsed {
  const own = (key: string) => event.attributes.get(key)?.trim() || null;
  // An event attribute overrides the trace's (XES: the trace holds the case's attributes).
  const lookup = (key: string | null) =>
    key === null ? null : (own(key) ?? (trace?.attributes.get(key)?.trim() || null));

  const caseId = trace?.attributes.get(CASE_KEY)?.trim() || null;
  if (caseId === null) {
    const where = trace === null ? 'the event is not inside a <trace>' : 'its <trace> has no concept:name';
    return { ok: false, field: CASE_KEY, message: `${where} (the case id)` };
  }
  const tsText = own(TIME_KEY);
  if (tsText === null) return { ok: false, field: TIME_KEY, message: `${TIME_KEY} (the timestamp) is missing` };
  const ts = parseTimestamp(tsText, { timeZone: options.timeZone });
  if (!ts.ok) return { ok: false, field: TIME_KEY, message: `${TIME_KEY} ${ts.message}` };
  const step = own(STEP_KEY);
  if (step === null) return { ok: false, field: STEP_KEY, message: `${STEP_KEY} (the activity) is missing` };

  return {
    ok: true,
    observation: {
      caseId,
      customerId: lookup(mapping.customer),
      ts: ts.date,
      seq: event.seq,
      step,
      team: lookup(mapping.team),
      agent: lookup(mapping.agent),
      channel: lookup(mapping.channel),
      category: lookup(mapping.category),
      csat: null,
      csatScale: null,
    },
  };
}

/** Only completions are journey events: `start`, `schedule`, `assign`… of the same activity are not. */
function isCompletion(event: PendingEvent): boolean {
  const transition = event.attributes.get(LIFECYCLE_KEY)?.trim().toLowerCase();
  return transition === undefined || transition === '' || transition === 'complete';
}

/**
 * Feeds XES text to saxes and collects the outputs of each closed trace in `ready`. Attributes are read only as
 * direct children of `<trace>` and `<event>`: `<global>` defaults, log attributes, the children of nested
 * attributes, `<list>` values and `<container>` entries are skipped by that rule alone.
 */
function createXesParser(mapping: XesMapping, options: AdapterOptions, ready: AdapterOutput[]) {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: string[] = [];
  let trace: PendingTrace | null = null;
  let event: PendingEvent | null = null;
  let seq = 0;
  let openTagLine = 1;

  const emit = (pending: PendingEvent, owner: PendingTrace | null) => {
    if (!isCompletion(pending)) return;
    const result = toObservation(pending, owner, mapping, options);
    ready.push(
      result.ok
        ? { kind: 'observation', line: pending.line, observation: result.observation }
        : { kind: 'rejected', error: { line: pending.line, field: result.field, message: result.message } },
    );
  };

  parser.on('doctype', () => {
    // saxes never expands DTD entities, but a DTD has no place in XES: refuse it rather than read around it.
    throw malformed(
      'The document declares a DOCTYPE: XES has no DTD, and entity declarations (external files, ' +
        'entity expansion) are refused.',
      parser.line,
    );
  });
  parser.on('error', (error) => {
    // saxes prefixes its messages with the position, e.g. "3:7: unclosed tag: trace".
    throw malformed(`The XES document is not well-formed XML (${error.message}).`, parser.line);
  });
  parser.on('opentagstart', () => {
    openTagLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    const parent = stack.at(-1);
    if (parent === undefined && name !== 'log') {
      throw malformed(`This is not an XES log: the root element is <${tag.name}>, not <log>.`, openTagLine);
    }
    if (parent === 'log' && name === 'trace') {
      trace = { attributes: new Map(), events: [] };
    } else if ((parent === 'trace' || parent === 'log') && name === 'event') {
      event = { line: openTagLine, seq: ++seq, attributes: new Map() };
    } else if (parent === 'event' || parent === 'trace') {
      const key = tag.attributes['key'];
      const value = tag.attributes['value'];
      const owner = parent === 'event' ? event : trace;
      if (owner && typeof key === 'string' && typeof value === 'string') owner.attributes.set(key, value);
    }
    stack.push(name);
  });
  parser.on('closetag', () => {
    const name = stack.pop();
    const parent = stack.at(-1);
    if (name === 'event' && event && (parent === 'trace' || parent === 'log')) {
      // A trace's attributes may follow its events: its events wait for </trace>.
      if (parent === 'trace' && trace) trace.events.push(event);
      else emit(event, null);
      event = null;
    } else if (name === 'trace' && parent === 'log' && trace) {
      const closed: PendingTrace = trace;
      closed.events.forEach((pending) => emit(pending, closed));
      trace = null;
    }
  });
  return parser;
}

async function* readXes(
  source: ByteSource,
  mapping: XesMapping,
  options: AdapterOptions,
): AsyncGenerator<AdapterOutput> {
  const ready: AdapterOutput[] = [];
  const parser = createXesParser(mapping, options, ready);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const decode = (chunk?: Buffer) => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportFileError(
        ImportFileErrorCode.ENCODING,
        `The XES document is not valid UTF-8 (an invalid byte sequence near byte ${offset}, uncompressed).`,
      );
    }
  };
  let finished = false;
  try {
    for await (const chunk of source.bytes) {
      parser.write(decode(chunk));
      offset += chunk.length;
      yield* ready.splice(0);
    }
    parser.write(decode());
    parser.close();
    finished = true;
    yield* ready.splice(0);
  } finally {
    if (!finished) await source.close().catch(() => undefined);
  }
}

/**
 * IEEE 1849 XES (plain or gzip), parsed as a stream with saxes: one observation per completed `<event>`, exactly
 * as the eventlog adapter yields them, so a log imported as XES and as CSV gives the same events. Case id = trace
 * concept:name, step = event concept:name, ts = time:timestamp, team = org:group, agent = org:resource (see
 * xes/README.md for the mapping that overrides them). `line` = the parser's line of the `<event>` tag,
 * `seq` = the event's position among all events of the document.
 */
export const xesAdapter: DocumentImportAdapter = {
  name: 'xes',
  description: 'IEEE 1849 XES event log (process mining; plain or gzip): one journey row per completed event.',
  requiredColumns: [],
  input: 'bytes',
  yields: 'observations',
  read(source, options) {
    let mapping: XesMapping;
    try {
      mapping = parseXesMapping(options.mapping);
      if (!Info.isValidIANAZone(options.timeZone))
        throw new RangeError(`"${options.timeZone}" is not an IANA time zone`);
    } catch (error) {
      void source.close().catch(() => undefined); // no event will be read: release the file now
      throw error;
    }
    return readXes(source, mapping, options);
  },
};
