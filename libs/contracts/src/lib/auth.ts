export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
}

/** Claims carried by the access token; the web app reads them to adapt its menus. */
export interface TokenClaims {
  sub: string;
  email: string;
  role: Role;
  exp: number;
}

const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** Roles are nested: an admin can do what an analyst can, an analyst what a viewer can. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}
