import { createHmac } from 'node:crypto';
import { createPseudonymiser, pseudonymise } from './pseudonymise';

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

describe('createPseudonymiser', () => {
  it('gives what pseudonymise gives, first time and from its cache, also past its bound', () => {
    const key = createPseudonymiser('s3cret', 2);
    const ids = ['a@x.org', ' A@X.org', 'b@x.org', 'c@x.org', 'a@x.org', '', null, undefined, 'b@x.org'];
    for (const id of [...ids, ...ids]) expect(key(id)).toBe(pseudonymise('s3cret', id));
  });
});
