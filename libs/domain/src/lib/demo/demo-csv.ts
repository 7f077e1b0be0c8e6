import { Readable, Writable } from 'node:stream';
import { CANONICAL_OPTIONAL_COLUMNS, CANONICAL_REQUIRED_COLUMNS } from '../ingest/canonical/canonical-adapter';
import { DemoOptions, generateDemoCases } from './demo-generator';
import { DEMO_CSAT_SCALE } from './demo-model';

// Hot paths read Math through module bindings: a global lookup is slow inside a vm context (Jest runs tests in one).
const { floor } = Math;

/**
 * Canonical CSV columns (KPI-DEFINITIONS §8), with both optional columns: the adapter's lists, required first,
 * so the demo writes exactly the header the canonical import expects.
 */
export const DEMO_CSV_COLUMNS = [...CANONICAL_REQUIRED_COLUMNS, ...CANONICAL_OPTIONAL_COLUMNS] as const;

/** Text chunks are flushed at about this size (UTF-16 code units; the data is ASCII, so bytes too). */
const CHUNK_SIZE = 64 * 1024;

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DAY_MS = 86_400_000;

/**
 * `2025-01-06T08:15:42Z`: ISO-8601 UTC, whole seconds (the generator never produces milliseconds). The date part
 * is cached per day: formatting is a hot path at millions of rows.
 */
class IsoSeconds {
  private day = Number.NaN;
  private datePart = '';

  format(ms: number): string {
    const day = floor(ms / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.datePart = new Date(day * DAY_MS).toISOString().slice(0, 11);
    }
    const seconds = floor((ms - day * DAY_MS) / 1000);
    const h = floor(seconds / 3600);
    const m = floor((seconds % 3600) / 60);
    return `${this.datePart}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[seconds % 60]}Z`;
  }
}

/**
 * The demo data set as canonical CSV text: the header line, then one line per event, LF line ends, UTF-8
 * (in fact ASCII). No value ever needs RFC 4180 quoting (ids, vocabulary and numbers only: asserted by the
 * tests), so none is quoted. Chunks of about 64 KiB; synchronous and lazy, so the caller sets the pace.
 */
export function* demoCsvChunks(options: DemoOptions): Generator<string, void, undefined> {
  const iso = new IsoSeconds();
  let chunk = `${DEMO_CSV_COLUMNS.join(',')}\n`;
  for (const c of generateDemoCases(options)) {
    const head = `${c.caseId},${c.customerId},`;
    const mid = `,${c.channel},${c.category},`;
    for (const row of c.rows) {
      const survey = row.event === 'survey';
      chunk +=
        `${head}${iso.format(row.ts)},${row.event},${row.step},${row.team},${row.agent}` +
        `${mid}${survey ? row.csat : ''},${row.direction},${survey ? DEMO_CSAT_SCALE : ''}\n`;
    }
    if (chunk.length >= CHUNK_SIZE) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The demo CSV as a byte stream (backpressure handled by Readable.from: chunks are made when read). */
export function demoCsvReadable(options: DemoOptions): Readable {
  return Readable.from(demoCsvChunks(options), { objectMode: false });
}

export interface DemoCsvSummary {
  /** Data rows written (header excluded). */
  rows: number;
  bytes: number;
}

/**
 * Writes the demo CSV to `out`, waiting for 'drain' whenever `write` asks to (backpressure), and resolves once
 * every chunk was handed to the stream. Does not end `out` (so process.stdout can be used: the caller ends files).
 * Rejects if the stream errors, or is destroyed or closed before the data was handed over.
 */
export async function writeDemoCsv(options: DemoOptions, out: Writable): Promise<DemoCsvSummary> {
  let failure: Error | null = null;
  const onError = (error: Error) => {
    failure ??= error;
  };
  out.on('error', onError);
  try {
    let rows = -1;
    let bytes = 0;
    for (const chunk of demoCsvChunks(options)) {
      if (failure !== null) throw failure;
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows += 1;
      bytes += Buffer.byteLength(chunk, 'utf8');
      if (!out.write(chunk)) await drained(out);
    }
    if (failure !== null) throw failure;
    return { rows, bytes };
  } finally {
    out.off('error', onError);
  }
}

function drained(out: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (out.errored !== null) {
      reject(out.errored);
      return;
    }
    if (out.destroyed) {
      reject(new Error('the output stream was destroyed before the demo CSV was written'));
      return;
    }
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(new Error('the output stream closed before the demo CSV was written'));
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}
