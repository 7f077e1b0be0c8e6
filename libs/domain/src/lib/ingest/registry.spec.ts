import { canonicalAdapter } from './canonical/canonical-adapter';
import { getAdapter, IMPORT_FORMATS } from './registry';

describe('adapter registry', () => {
  it('finds the canonical adapter by its format name', () => {
    expect(getAdapter('canonical')).toBe(canonicalAdapter);
    expect(IMPORT_FORMATS).toEqual(['canonical']);
  });

  it.each(['servicenow', 'Canonical', ''])('knows no %j adapter yet', (format) => {
    expect(getAdapter(format)).toBeUndefined();
  });
});
