import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, TitleStrategy } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideEchartsCore } from 'ngx-echarts';
import { ANALYST_CLAIMS, makeToken } from '../testing/tokens';
import { appRoutes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { TOKEN_STORAGE_KEY } from './core/auth/auth.service';
import { I18nService } from './core/i18n/i18n.service';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';

describe('app routes', () => {
  function setup(): void {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    });
  }

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('sends a signed-out visitor to the login page with a French title', async () => {
    setup();
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/');

    expect(TestBed.inject(Router).url).toBe('/login');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Connexion');
    expect(document.title).toBe('Connexion · Relais');

    TestBed.inject(I18nService).setLanguage('en');
    TestBed.tick();
    expect(document.title).toBe('Sign in · Relais');
  });

  it('shows the overview inside the header for a signed-in user, who can sign out', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken(ANALYST_CLAIMS));
    setup();
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/login');

    const router = TestBed.inject(Router);
    expect(router.url).toBe('/');
    expect(document.title).toBe('Vue d’ensemble · Relais');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('.brand')?.textContent?.trim()).toBe('Relais');
    expect(page.querySelector('[data-testid="user-email"]')?.textContent?.trim()).toBe('analyst@relais.local');
    expect(page.querySelector('[data-testid="user-role"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Rôle : Analyste',
    );
    const backend = TestBed.inject(HttpTestingController);
    expect(backend.expectOne('/api/kpis/summary').request.headers.get('Authorization')).toMatch(/^Bearer /);
    backend.expectOne('/api/kpis/weekly');

    page.querySelector<HTMLButtonElement>('[data-testid="logout"]')?.click();
    await harness.fixture.whenStable();

    expect(router.url).toBe('/login');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('redirects unknown paths to the overview (and so to login when signed out)', async () => {
    setup();
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/nowhere');

    expect(TestBed.inject(Router).url).toBe('/login');
  });
});
