import { TokenClaims } from '@relais/contracts';

function base64Url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned JWT carrying `payload`: the web app never verifies signatures, the API does. */
export function makeToken(payload: object): string {
  return [base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })), base64Url(JSON.stringify(payload)), 'signature'].join(
    '.',
  );
}

/** 2030-01-01T00:00:00Z: far enough that tests using the real clock see a valid token. */
export const FUTURE_EXP = 1_893_456_000;

export const ANALYST_CLAIMS: TokenClaims = {
  sub: 'user-2',
  email: 'analyst@relais.local',
  role: 'analyst',
  exp: FUTURE_EXP,
};
