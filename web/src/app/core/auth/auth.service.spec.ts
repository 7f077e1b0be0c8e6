import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TokenClaims } from '@relais/contracts';
import { ANALYST_CLAIMS, makeToken } from '../../../testing/tokens';
import { AuthService, TOKEN_STORAGE_KEY } from './auth.service';

describe('AuthService', () => {
  const token = makeToken(ANALYST_CLAIMS);

  function setup(): { auth: AuthService; http: HttpTestingController } {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { auth: TestBed.inject(AuthService), http: TestBed.inject(HttpTestingController) };
  }

  beforeEach(() => sessionStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('starts signed out when nothing is stored', () => {
    const { auth } = setup();

    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.accessToken()).toBeNull();
    expect(auth.email()).toBeNull();
  });

  it('posts the credentials, stores the token in sessionStorage and exposes its claims', () => {
    const { auth, http } = setup();
    let received: TokenClaims | undefined;

    auth.login({ email: 'analyst@relais.local', password: 'relais-demo' }).subscribe((claims) => (received = claims));
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'analyst@relais.local', password: 'relais-demo' });
    request.flush({ accessToken: token });

    expect(received).toEqual(ANALYST_CLAIMS);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(token);
    expect(auth.email()).toBe('analyst@relais.local');
    expect(auth.role()).toBe('analyst');
    expect(auth.accessToken()).toBe(token);
  });

  it('does not store a malformed token and reports an error', () => {
    const { auth, http } = setup();
    const onError = jest.fn();

    auth.login({ email: 'a@b.c', password: 'x' }).subscribe({ error: onError });
    http.expectOne('/api/auth/login').flush({ accessToken: 'garbage' });

    expect(onError).toHaveBeenCalled();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(auth.isAuthenticated()).toBe(false);
  });

  it('restores a valid session from sessionStorage', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, token);

    const { auth } = setup();

    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.email()).toBe('analyst@relais.local');
  });

  it('discards an expired stored token', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken({ ...ANALYST_CLAIMS, exp: 1_000 }));

    const { auth } = setup();

    expect(auth.isAuthenticated()).toBe(false);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('treats the token as expired from its exp second on', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken({ ...ANALYST_CLAIMS, exp: 1_893_456_000 }));
    const { auth } = setup();

    expect(auth.isAuthenticated(1_893_455_999_999)).toBe(true);
    expect(auth.isAuthenticated(1_893_456_000_000)).toBe(false);
    expect(auth.accessToken(1_893_456_000_000)).toBeNull();
  });

  it('forgets the token on logout', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    const { auth } = setup();

    auth.logout();

    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.role()).toBeNull();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });
});
