import type { ImportAdapter } from './adapter';
import { canonicalAdapter } from './canonical/canonical-adapter';
import { eventlogAdapter } from './eventlog/eventlog-adapter';

const ADAPTERS: readonly ImportAdapter[] = [canonicalAdapter, eventlogAdapter];

/** Formats accepted by `POST /api/imports`, in registration order. */
export const IMPORT_FORMATS: readonly string[] = ADAPTERS.map((adapter) => adapter.name);

export function getAdapter(format: string): ImportAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.name === format);
}
