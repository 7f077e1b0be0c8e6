import { Info } from 'luxon';
import type { JourneyEvent } from '../../journey/journey-event';
import type { AdapterOutput } from '../adapter';
import type { ByteSource } from '../source/open-bytes';
import { streamJsonElements, type JsonElement, type JsonElementsOptions } from './json-elements';
import { ElementError } from './json-values';

export type PendingEvent = Omit<JourneyEvent, 'seq'>;

/**
 * The read loop of the JSON adapters: each element becomes its events (in the order `toEvents` lists them) or,
 * when `toEvents` throws an ElementError, one rejected output whose `line` is the element's position in its
 * array and `field` the JSON field at fault. `seq` numbers the events of the whole document in the order they
 * are yielded, so it increases in document order. The source is released however the reading ends.
 */
export function readJsonDocument(
  source: ByteSource,
  timeZone: string,
  options: JsonElementsOptions,
  toEvents: (element: JsonElement) => readonly PendingEvent[],
): AsyncIterable<AdapterOutput> {
  if (!Info.isValidIANAZone(timeZone)) {
    void source.close().catch(() => undefined); // no element will be read: release the file now
    throw new RangeError(`"${timeZone}" is not an IANA time zone`);
  }
  return read(source, options, toEvents);
}

async function* read(
  source: ByteSource,
  options: JsonElementsOptions,
  toEvents: (element: JsonElement) => readonly PendingEvent[],
): AsyncGenerator<AdapterOutput> {
  let seq = 0;
  try {
    for await (const element of streamJsonElements(source.bytes, options)) {
      let events: readonly PendingEvent[];
      try {
        events = toEvents(element);
      } catch (error) {
        if (!(error instanceof ElementError)) throw error;
        yield { kind: 'rejected', error: { line: element.index, field: error.field, message: error.message } };
        continue;
      }
      for (const event of events) yield { kind: 'event', line: element.index, event: { ...event, seq: ++seq } };
    }
  } finally {
    await source.close().catch(() => undefined);
  }
}
