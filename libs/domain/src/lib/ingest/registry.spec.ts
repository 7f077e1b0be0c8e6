import { canonicalAdapter } from './canonical/canonical-adapter';
import { eventlogAdapter } from './eventlog/eventlog-adapter';
import { freshdeskAdapter } from './freshdesk/freshdesk-adapter';
import { jiraAdapter } from './jira/jira-adapter';
import { getAdapter, IMPORT_FORMATS, listImportFormats } from './registry';
import { salesforceAdapter } from './salesforce/salesforce-adapter';
import { servicenowAdapter } from './servicenow/servicenow-adapter';
import { ticketsAdapter } from './tickets/tickets-adapter';
import { xesAdapter } from './xes/xes-adapter';
import { zendeskAdapter } from './zendesk/zendesk-adapter';

describe('adapter registry', () => {
  it('finds each adapter by its format name, in registration order', () => {
    expect(getAdapter('canonical')).toBe(canonicalAdapter);
    expect(getAdapter('eventlog')).toBe(eventlogAdapter);
    expect(getAdapter('servicenow')).toBe(servicenowAdapter);
    expect(getAdapter('xes')).toBe(xesAdapter);
    expect(getAdapter('tickets')).toBe(ticketsAdapter);
    expect(getAdapter('salesforce')).toBe(salesforceAdapter);
    expect(getAdapter('zendesk')).toBe(zendeskAdapter);
    expect(getAdapter('freshdesk')).toBe(freshdeskAdapter);
    expect(getAdapter('jira')).toBe(jiraAdapter);
    expect(IMPORT_FORMATS).toEqual([
      'canonical',
      'eventlog',
      'servicenow',
      'xes',
      'tickets',
      'salesforce',
      'zendesk',
      'freshdesk',
      'jira',
    ]);
  });

  it('describes every format in one line', () => {
    for (const { name, description } of listImportFormats()) {
      expect(IMPORT_FORMATS).toContain(name);
      expect(description.length).toBeGreaterThan(20);
      expect(description).not.toContain('\n');
    }
  });

  it('says which adapters yield observations to derive events from', () => {
    expect(canonicalAdapter.yields ?? 'events').toBe('events');
    expect(eventlogAdapter.yields).toBe('observations');
    expect(servicenowAdapter.yields).toBe('observations');
    expect(xesAdapter.yields).toBe('observations');
    expect(ticketsAdapter.yields ?? 'events').toBe('events');
    expect(salesforceAdapter.yields ?? 'events').toBe('events');
    for (const adapter of [zendeskAdapter, freshdeskAdapter, jiraAdapter])
      expect(adapter.yields ?? 'events').toBe('events');
  });

  it('says which adapters parse bytes themselves (documents) rather than CSV records', () => {
    expect(xesAdapter.input).toBe('bytes');
    expect(ticketsAdapter.input ?? 'records').toBe('records');
    expect(salesforceAdapter.input ?? 'records').toBe('records');
    for (const adapter of [zendeskAdapter, freshdeskAdapter, jiraAdapter]) expect(adapter.input).toBe('bytes');
  });

  it.each(['ServiceNow', 'Canonical', 'EventLog', 'Zendesk', 'JIRA', ''])('knows no %j adapter yet', (format) => {
    expect(getAdapter(format)).toBeUndefined();
  });
});
