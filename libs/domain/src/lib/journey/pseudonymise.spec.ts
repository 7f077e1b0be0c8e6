import { createHmac } from 'node:crypto';
import { pseudonymise } from './pseudonymise';

describe('pseudonymise', () => {
  const expected = createHmac('sha256', 's3cret').update('jane.doe@example.org').digest('hex');

  it('keys the normalised identifier with the secret', () => {
    expect(pseudonymise('s3cret', '  Jane.Doe@Example.org ')).toBe(expected);
  });

  it('never returns the raw value', () => {
    expect(pseudonymise('s3cret', 'jane.doe@example.org')).not.toContain('jane');
  });

  it('depends on the secret', () => {
    expect(pseudonymise('other', 'jane.doe@example.org')).not.toBe(expected);
  });

  it.each([null, undefined, '', '   '])('maps a missing identifier (%p) to null', (value) => {
    expect(pseudonymise('s3cret', value)).toBeNull();
  });
});
