import type { JourneyEvent } from '../../journey/journey-event';
import type { AdapterOutput, Observation } from '../adapter';
import type { RecordSource, SourceRecord } from './open-records';

/** What one CSV row becomes: events or observations (none: read and skipped by design), or why it cannot be read. */
export type RowOutcome =
  | { ok: true; events?: readonly JourneyEvent[]; observations?: readonly Observation[] }
  | { ok: false; field: string; message: string };

/**
 * Every row of a CSV source through `convert`, in file order, as adapter outputs carrying the row's line. A ragged
 * row (another field count than the header's) is rejected before conversion: which cell holds what would be a guess.
 */
export async function* readCsvRows(
  source: RecordSource,
  convert: (row: SourceRecord) => RowOutcome,
): AsyncGenerator<AdapterOutput> {
  const width = source.header.length;
  for await (const row of source.records) {
    const { line } = row;
    if (row.fieldCount !== width) {
      const message = `the row has ${row.fieldCount} fields but the header has ${width}`;
      yield { kind: 'rejected', error: { line, field: null, message } };
      continue;
    }
    const result = convert(row);
    if (!result.ok) {
      yield { kind: 'rejected', error: { line, field: result.field, message: result.message } };
      continue;
    }
    const events = result.events ?? [];
    const observations = result.observations ?? [];
    if (events.length + observations.length === 0) yield { kind: 'skipped', line };
    for (const event of events) yield { kind: 'event', line, event };
    for (const observation of observations) yield { kind: 'observation', line, observation };
  }
}
