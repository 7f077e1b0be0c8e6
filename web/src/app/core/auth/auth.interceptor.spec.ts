import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ANALYST_CLAIMS, makeToken } from '../../../testing/tokens';
import { authInterceptor } from './auth.interceptor';
import { AuthService, TOKEN_STORAGE_KEY } from './auth.service';

describe('authInterceptor', () => {
  const token = makeToken(ANALYST_CLAIMS);
  let http: HttpClient;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;

  function setup(storedToken: string | null): void {
    sessionStorage.clear();
    if (storedToken) {
      sessionStorage.setItem(TOKEN_STORAGE_KEY, storedToken);
    }
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  }

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls', () => {
    setup(token);

    http.get('/api/kpis/summary').subscribe();

    expect(backend.expectOne('/api/kpis/summary').request.headers.get('Authorization')).toBe(`Bearer ${token}`);
  });

  it('sends no Authorization header when signed out', () => {
    setup(null);

    http.get('/api/health').subscribe();

    expect(backend.expectOne('/api/health').request.headers.has('Authorization')).toBe(false);
  });

  it('never sends the token outside the API', () => {
    setup(token);

    http.get('https://example.org/api/kpis').subscribe();
    http.get('/apiary/honey').subscribe();

    expect(backend.expectOne('https://example.org/api/kpis').request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne('/apiary/honey').request.headers.has('Authorization')).toBe(false);
  });

  it('signs out and goes to the login page when the API answers 401', () => {
    setup(token);
    const onError = jest.fn();

    http.get('/api/kpis/weekly').subscribe({ error: onError });
    backend.expectOne('/api/kpis/weekly').flush(null, { status: 401, statusText: 'Unauthorized' });

    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 401 }));
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(String(navigate.mock.calls[0][0])).toBe('/login');
  });

  it('leaves a 401 from the login call to the login form', () => {
    setup(null);

    http.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    backend.expectOne('/api/auth/login').flush(null, { status: 401, statusText: 'Unauthorized' });

    expect(navigate).not.toHaveBeenCalled();
  });

  it('keeps the session on other errors', () => {
    setup(token);

    http.get('/api/kpis/weekly').subscribe({ error: () => undefined });
    backend.expectOne('/api/kpis/weekly').flush(null, { status: 403, statusText: 'Forbidden' });

    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });
});
