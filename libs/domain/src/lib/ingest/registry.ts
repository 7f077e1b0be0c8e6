import type { ImportAdapter } from './adapter';
import { canonicalAdapter } from './canonical/canonical-adapter';
import { eventlogAdapter } from './eventlog/eventlog-adapter';
import { freshdeskAdapter } from './freshdesk/freshdesk-adapter';
import { jiraAdapter } from './jira/jira-adapter';
import { salesforceAdapter } from './salesforce/salesforce-adapter';
import { servicenowAdapter } from './servicenow/servicenow-adapter';
import { ticketsAdapter } from './tickets/tickets-adapter';
import { xesAdapter } from './xes/xes-adapter';
import { zendeskAdapter } from './zendesk/zendesk-adapter';

const ADAPTERS: readonly ImportAdapter[] = [
  canonicalAdapter,
  eventlogAdapter,
  servicenowAdapter,
  xesAdapter,
  ticketsAdapter,
  salesforceAdapter,
  zendeskAdapter,
  freshdeskAdapter,
  jiraAdapter,
];

/** Formats accepted by `POST /api/imports`, in registration order. */
export const IMPORT_FORMATS: readonly string[] = ADAPTERS.map((adapter) => adapter.name);

/** Every format with its one-line description, for the import page and the CLI. */
export function listImportFormats(): { name: string; description: string }[] {
  return ADAPTERS.map(({ name, description }) => ({ name, description }));
}

export function getAdapter(format: string): ImportAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.name === format);
}
