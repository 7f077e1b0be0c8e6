import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ANALYST_CLAIMS, makeToken } from '../../../testing/tokens';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { TOKEN_STORAGE_KEY } from '../../core/auth/auth.service';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let element: HTMLElement;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    element.querySelector<T>(`[data-testid="${id}"]`);

  async function fillAndSubmit(email: string, password: string): Promise<void> {
    const emailInput = byTestId<HTMLInputElement>('login-email');
    const passwordInput = byTestId<HTMLInputElement>('login-password');
    if (!emailInput || !passwordInput) {
      throw new Error('login inputs not rendered');
    }
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    byTestId('login-submit')?.click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('labels both inputs', () => {
    expect(element.querySelector('label[for="login-email"]')?.textContent?.trim()).toBe('Adresse e-mail');
    expect(element.querySelector('label[for="login-password"]')?.textContent?.trim()).toBe('Mot de passe');
    expect(byTestId('login-email')?.id).toBe('login-email');
    expect(byTestId('login-password')?.getAttribute('type')).toBe('password');
  });

  it('shows the demo accounts and their password', () => {
    const hint = byTestId('demo-hint')?.textContent ?? '';

    for (const email of ['admin@relais.local', 'analyst@relais.local', 'viewer@relais.local']) {
      expect(hint).toContain(email);
    }
    expect(hint).toContain('relais-demo');
  });

  it('does not call the API with an invalid form and explains each field', async () => {
    await fillAndSubmit('not-an-email', '');

    backend.expectNone('/api/auth/login');
    expect(element.querySelector('#login-email-error')?.textContent?.trim()).toBe(
      'Cette adresse e-mail n’est pas valide.',
    );
    expect(element.querySelector('#login-password-error')?.textContent?.trim()).toBe('Saisissez votre mot de passe.');
    expect(byTestId('login-email')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('signs in and goes to the overview', async () => {
    const token = makeToken(ANALYST_CLAIMS);

    await fillAndSubmit('analyst@relais.local', 'relais-demo');
    const request = backend.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'analyst@relais.local', password: 'relais-demo' });
    request.flush({ accessToken: token });
    await fixture.whenStable();

    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(token);
    expect(navigate).toHaveBeenCalledWith('/');
    expect(byTestId('login-error')).toBeNull();
  });

  it.each([
    ['/cases?team=N2', '/cases?team=N2'],
    ['//evil.example', '/'],
  ])('after sign-in, returnUrl %p leads to %p', async (returnUrl, expected) => {
    fixture.componentRef.setInput('returnUrl', returnUrl);

    await fillAndSubmit('analyst@relais.local', 'relais-demo');
    backend.expectOne('/api/auth/login').flush({ accessToken: makeToken(ANALYST_CLAIMS) });

    expect(navigate).toHaveBeenCalledWith(expected);
  });

  it('says "Identifiants incorrects" on 401 and stays on the page', async () => {
    await fillAndSubmit('analyst@relais.local', 'wrong');
    backend.expectOne('/api/auth/login').flush(null, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    const error = byTestId('login-error');
    expect(error?.textContent?.trim()).toBe('Identifiants incorrects');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(navigate).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(byTestId('login-submit')?.textContent?.trim()).toBe('Se connecter');
  });

  it('tells the user when the server cannot be reached', async () => {
    await fillAndSubmit('analyst@relais.local', 'relais-demo');
    backend.expectOne('/api/auth/login').flush(null, { status: 502, statusText: 'Bad Gateway' });
    await fixture.whenStable();

    expect(byTestId('login-error')?.textContent?.trim()).toBe('Le serveur ne répond pas. Réessayez dans un instant.');
  });

  it('switches the page to English', async () => {
    byTestId('lang-en')?.click();
    await fixture.whenStable();

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Sign in');
    expect(byTestId('lang-en')?.getAttribute('aria-pressed')).toBe('true');
    expect(byTestId('lang-fr')?.getAttribute('aria-pressed')).toBe('false');

    await fillAndSubmit('analyst@relais.local', 'wrong');
    backend.expectOne('/api/auth/login').flush(null, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    expect(byTestId('login-error')?.textContent?.trim()).toBe('Incorrect email or password');
  });
});
