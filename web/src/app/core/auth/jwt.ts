import { ROLES, Role, TokenClaims } from '@relais/contracts';

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function isTokenClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const claims = value as Record<string, unknown>;
  return (
    typeof claims['sub'] === 'string' &&
    typeof claims['email'] === 'string' &&
    ROLES.includes(claims['role'] as Role) &&
    typeof claims['exp'] === 'number'
  );
}

/**
 * Reads the claims of a JWT without verifying its signature: the API verifies it on every call, the UI only
 * needs the role, email and expiry to adapt itself. Returns null for anything that is not a well-formed token.
 */
export function decodeTokenClaims(token: string): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(parts[1]));
    if (!isTokenClaims(payload)) {
      return null;
    }
    const { sub, email, role, exp } = payload;
    return { sub, email, role, exp };
  } catch {
    return null;
  }
}
