import { makeToken } from '../../../testing/tokens';
import { decodeTokenClaims } from './jwt';

describe('decodeTokenClaims', () => {
  it('reads sub, email, role and exp, dropping other claims', () => {
    const token = makeToken({ sub: 'u-1', email: 'viewer@relais.local', role: 'viewer', exp: 1_700_000_000, iat: 1 });

    expect(decodeTokenClaims(token)).toEqual({
      sub: 'u-1',
      email: 'viewer@relais.local',
      role: 'viewer',
      exp: 1_700_000_000,
    });
  });

  it('decodes UTF-8 payloads (accented e-mail addresses)', () => {
    const token = makeToken({ sub: 'u-9', email: 'amélie.dupré@relais.local', role: 'admin', exp: 1 });

    expect(decodeTokenClaims(token)?.email).toBe('amélie.dupré@relais.local');
  });

  it.each([
    ['not a JWT', 'abc'],
    ['two segments', 'a.b'],
    ['payload not base64', 'a.!!!.c'],
    ['payload not JSON', `a.${btoa('nope')}.c`],
    ['unknown role', makeToken({ sub: 'u', email: 'e@x', role: 'superuser', exp: 1 })],
    ['exp not a number', makeToken({ sub: 'u', email: 'e@x', role: 'viewer', exp: '1' })],
    ['email missing', makeToken({ sub: 'u', role: 'viewer', exp: 1 })],
    ['payload is an array', makeToken([1, 2])],
  ])('returns null for a malformed token: %s', (_case, token) => {
    expect(decodeTokenClaims(token)).toBeNull();
  });
});
