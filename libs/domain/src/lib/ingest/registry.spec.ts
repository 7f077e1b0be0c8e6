import { canonicalAdapter } from './canonical/canonical-adapter';
import { eventlogAdapter } from './eventlog/eventlog-adapter';
import { getAdapter, IMPORT_FORMATS, listImportFormats } from './registry';
import { servicenowAdapter } from './servicenow/servicenow-adapter';

describe('adapter registry', () => {
  it('finds each adapter by its format name, in registration order', () => {
    expect(getAdapter('canonical')).toBe(canonicalAdapter);
    expect(getAdapter('eventlog')).toBe(eventlogAdapter);
    expect(getAdapter('servicenow')).toBe(servicenowAdapter);
    expect(IMPORT_FORMATS).toEqual(['canonical', 'eventlog', 'servicenow']);
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
  });

  it.each(['ServiceNow', 'Canonical', 'EventLog', ''])('knows no %j adapter yet', (format) => {
    expect(getAdapter(format)).toBeUndefined();
  });
});
