import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, RouterStateSnapshot, UrlTree } from '@angular/router';
import { ANALYST_CLAIMS, makeToken } from '../../../testing/tokens';
import { authGuard, guestGuard, safeReturnUrl } from './auth.guard';
import { TOKEN_STORAGE_KEY } from './auth.service';

describe('route guards', () => {
  function run(guard: typeof authGuard, url: string): ReturnType<typeof authGuard> {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
    return TestBed.runInInjectionContext(() =>
      guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    );
  }

  beforeEach(() => sessionStorage.clear());

  it('authGuard lets a signed-in user through', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken(ANALYST_CLAIMS));

    expect(run(authGuard, '/')).toBe(true);
  });

  it('authGuard sends a signed-out user to /login, remembering the page asked for', () => {
    const result = run(authGuard, '/cases?team=N2');

    expect(result).toBeInstanceOf(UrlTree);
    expect(String(result)).toBe('/login?returnUrl=%2Fcases%3Fteam%3DN2');
  });

  it('authGuard does not add a returnUrl for the home page', () => {
    expect(String(run(authGuard, '/'))).toBe('/login');
  });

  it('guestGuard sends a signed-in user from the login page to the overview', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken(ANALYST_CLAIMS));

    expect(String(run(guestGuard, '/login'))).toBe('/');
  });

  it('guestGuard shows the login page to a signed-out user', () => {
    expect(run(guestGuard, '/login')).toBe(true);
  });

  it.each([
    ['/cases?page=2', '/cases?page=2'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['', '/'],
    [undefined, '/'],
  ])('safeReturnUrl(%p) → %p', (input, expected) => {
    expect(safeReturnUrl(input)).toBe(expected);
  });
});
