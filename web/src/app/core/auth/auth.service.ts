import { computed, inject, Injectable, signal } from '@angular/core';
import { LoginRequest, TokenClaims } from '@relais/contracts';
import { map, Observable } from 'rxjs';
import { AuthApiService } from '../api/auth-api.service';
import { decodeTokenClaims } from './jwt';

export const TOKEN_STORAGE_KEY = 'relais.accessToken';

function isExpired(claims: TokenClaims, now: number): boolean {
  return claims.exp * 1000 <= now;
}

/**
 * Holds the access token for this browser tab only (sessionStorage): closing the tab signs out, and the token is
 * not shared with other tabs.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(AuthApiService);
  private readonly token = signal<string | null>(this.readStoredToken());

  readonly claims = computed(() => {
    const token = this.token();
    return token ? decodeTokenClaims(token) : null;
  });
  readonly email = computed(() => this.claims()?.email ?? null);
  readonly role = computed(() => this.claims()?.role ?? null);

  isAuthenticated(now = Date.now()): boolean {
    const claims = this.claims();
    return claims !== null && !isExpired(claims, now);
  }

  /** The token to send, or null once it is missing or expired. */
  accessToken(now = Date.now()): string | null {
    return this.isAuthenticated(now) ? this.token() : null;
  }

  login(credentials: LoginRequest): Observable<TokenClaims> {
    return this.api.login(credentials).pipe(
      map(({ accessToken }) => {
        const claims = decodeTokenClaims(accessToken);
        if (!claims) {
          throw new Error('The API returned a malformed access token');
        }
        this.store(accessToken);
        return claims;
      }),
    );
  }

  logout(): void {
    this.store(null);
  }

  private store(token: string | null): void {
    this.token.set(token);
    try {
      if (token) {
        sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
      } else {
        sessionStorage.removeItem(TOKEN_STORAGE_KEY);
      }
    } catch {
      // Storage disabled: the session then lives in memory until the page is reloaded.
    }
  }

  private readStoredToken(): string | null {
    try {
      const token = sessionStorage.getItem(TOKEN_STORAGE_KEY);
      const claims = token ? decodeTokenClaims(token) : null;
      if (token && (!claims || isExpired(claims, Date.now()))) {
        sessionStorage.removeItem(TOKEN_STORAGE_KEY);
        return null;
      }
      return token;
    } catch {
      return null;
    }
  }
}
