import type { ImportAdapter } from './adapter';
import { canonicalAdapter } from './canonical/canonical-adapter';
import { eventlogAdapter } from './eventlog/eventlog-adapter';
import { servicenowAdapter } from './servicenow/servicenow-adapter';

const ADAPTERS: readonly ImportAdapter[] = [canonicalAdapter, eventlogAdapter, servicenowAdapter];

/** Formats accepted by `POST /api/imports`, in registration order. */
export const IMPORT_FORMATS: readonly string[] = ADAPTERS.map((adapter) => adapter.name);

/** Every format with its one-line description, for the import page and the CLI. */
export function listImportFormats(): { name: string; description: string }[] {
  return ADAPTERS.map(({ name, description }) => ({ name, description }));
}

export function getAdapter(format: string): ImportAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.name === format);
}
