import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { JourneyEvent } from '../../journey/journey-event';
import type { AdapterOutput, DocumentImportAdapter, RowError } from '../adapter';
import { ImportFileError } from '../import-file-error';
import { openBytes } from '../source/open-bytes';

/** Test support for the JSON adapters' specs (not exported from the library). */
export function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

/** A shared dataset file, read in place (datasets/README.md: never copied into the repository). */
export const dataset = (relative: string) => path.resolve(repoRoot(__dirname), '../shared/datasets', relative);
export const okFixture = (name: string) => path.join(__dirname, '..', '__fixtures__', 'ok', name);

export async function readAll(
  adapter: DocumentImportAdapter,
  input: string | { text: string },
  options: { timeZone?: string; mapping?: unknown } = {},
): Promise<AdapterOutput[]> {
  const bytes = typeof input === 'string' ? createReadStream(input) : Readable.from([Buffer.from(input.text)]);
  const outputs: AdapterOutput[] = [];
  const source = await openBytes(bytes);
  for await (const output of adapter.read(source, { timeZone: options.timeZone ?? 'UTC', mapping: options.mapping })) {
    outputs.push(output);
  }
  return outputs;
}

export const eventsOf = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'event' ? [o.event] : []));
export const errorsOf = (all: AdapterOutput[]): RowError[] =>
  all.flatMap((o) => (o.kind === 'rejected' ? [o.error] : []));

/** How many events of each type, for the sample counts. */
export function countByType(events: JourneyEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { event } of events) counts[event] = (counts[event] ?? 0) + 1;
  return counts;
}

/** KPI-DEFINITIONS §1: what identifies an event (seq is not part of it). */
export const contentKey = (e: JourneyEvent) =>
  JSON.stringify([e.caseId, e.ts.toISOString(), e.event, e.step, e.team, e.agent, e.direction, e.csat]);

/** An expected event: every field not given is null. */
export const expectedEvent = (
  fields: Partial<Omit<JourneyEvent, 'ts'>> & Pick<JourneyEvent, 'caseId' | 'event' | 'seq'> & { ts: string },
): JourneyEvent => ({
  customerId: null,
  step: null,
  team: null,
  agent: null,
  channel: null,
  category: null,
  direction: null,
  csat: null,
  csatScale: null,
  ...fields,
  ts: new Date(fields.ts),
});

/** The ImportFileError a read fails with, as `{ code, message }` (an Error's message is not enumerable). */
export async function fileError(read: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await read;
  } catch (error) {
    if (error instanceof ImportFileError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the read did not fail');
}
