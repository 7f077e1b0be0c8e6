import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { KpiTargets, OrganisationSettings, StepMappings, UsersList } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { settingsChange } from './organisation-settings-form';
import { SettingsPage } from './settings-page';

const SETTINGS: OrganisationSettings = {
  timeZone: 'Europe/Paris',
  timeZoneSource: 'environment',
  repeatWindowDays: 7,
  updatedAt: null,
};
const TARGETS: KpiTargets = {
  targets: [
    { indicator: 'transfersMean', target: 0.5, alertLevel: 1, direction: 'lower', updatedAt: '2025-01-01T00:00:00Z' },
    { indicator: 'repeatRate', target: 0.1, alertLevel: 0.2, direction: 'lower', updatedAt: '2025-01-01T00:00:00Z' },
  ],
};
const MAPPINGS: StepMappings = { sources: [{ source: 'helpdesk', mappings: { 'En cours': 'in_progress' } }] };
const USERS: UsersList = {
  users: [{ id: 'u-1', email: 'admin@relais.local', role: 'admin', createdAt: '2025-01-02T10:00:00Z' }],
};

describe('settingsChange', () => {
  it('sends only what changed: an unchanged zone would re-compute every week for nothing', () => {
    expect(settingsChange(SETTINGS, { timeZone: 'Europe/Paris', repeatWindowDays: 14 })).toEqual({ repeatWindowDays: 14 });
    expect(settingsChange(SETTINGS, { timeZone: ' UTC ', repeatWindowDays: 7 })).toEqual({ timeZone: 'UTC' });
    expect(settingsChange(SETTINGS, { timeZone: 'Europe/Paris', repeatWindowDays: 7 })).toEqual({});
  });
});

describe('SettingsPage', () => {
  let fixture: ComponentFixture<SettingsPage>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => (byTestId(id)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const type = (id: string, value: string) => {
    const input = byTestId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  async function load(): Promise<void> {
    backend.expectOne('/api/settings').flush(SETTINGS);
    backend.expectOne('/api/targets').flush(TARGETS);
    backend.expectOne('/api/step-mappings').flush(MAPPINGS);
    backend.expectOne('/api/users').flush(USERS);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SettingsPage);
    element = fixture.nativeElement;
    TestBed.tick();
  });

  afterEach(() => backend.verify());

  it('fills every section from the API, shares as percentages', async () => {
    expect(element.textContent).toContain('Chargement…');
    await load();

    expect((byTestId('settings-timezone') as HTMLInputElement).value).toBe('Europe/Paris');
    expect(text('settings-organisation')).toContain('Valeur de RELAIS_TIMEZONE tant qu’aucun fuseau n’est enregistré');
    expect(text('settings-repeat-window')).toBe('7 jours');
    expect((byTestId('target-value-repeatRate') as HTMLInputElement).value).toBe('10');
    expect((byTestId('target-alert-repeatRate') as HTMLInputElement).value).toBe('20');
    expect(text('target-repeatRate')).toContain('en % des dossiers');
    expect(text('users-table')).toContain('admin@relais.local');
  });

  it('saves the repeat window and confirms it', async () => {
    await load();
    const page = fixture.debugElement.query((debug) => debug.name === 'app-organisation-settings-form');
    page.componentInstance['form'].controls.repeatWindowDays.setValue(14);
    byTestId('settings-save')?.click();
    TestBed.tick();

    const put = backend.expectOne({ method: 'PUT', url: '/api/settings' });
    expect(put.request.body).toEqual({ repeatWindowDays: 14 });
    put.flush({ ...SETTINGS, repeatWindowDays: 14, timeZoneSource: 'setting', updatedAt: '2025-03-01T00:00:00Z' });
    await fixture.whenStable();
    expect(text('settings-saved')).toBe('Enregistré.');
    expect(text('settings-repeat-window')).toBe('14 jours');
  });

  it('refuses an unknown time zone before asking the server, and shows a refusal next to the form', async () => {
    await load();
    type('settings-timezone', 'Mars/Olympus');
    byTestId('settings-save')?.click();
    await fixture.whenStable();
    expect(text('settings-organisation')).toContain('Fuseau horaire IANA inconnu (ex. Europe/Paris).');
    backend.expectNone({ method: 'PUT', url: '/api/settings' });

    type('settings-timezone', 'America/Montreal');
    byTestId('settings-save')?.click();
    TestBed.tick();
    backend
      .expectOne({ method: 'PUT', url: '/api/settings' })
      .flush({ message: 'An import is being stored: try again later' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(text('settings-error')).toBe('An import is being stored: try again later');
  });

  it('checks a target against its direction, then saves it as a fraction', async () => {
    await load();
    type('target-alert-repeatRate', '5');
    byTestId('target-save-repeatRate')?.click();
    await fixture.whenStable();
    expect(text('target-problem-repeatRate')).toBe(
      'Plus bas = mieux : le seuil d’alerte doit être au moins égal à l’objectif.',
    );
    backend.expectNone('/api/targets/repeatRate');

    type('target-alert-repeatRate', '25');
    byTestId('target-save-repeatRate')?.click();
    TestBed.tick();
    const put = backend.expectOne({ method: 'PUT', url: '/api/targets/repeatRate' });
    expect(put.request.body).toEqual({ target: 0.1, alertLevel: 0.25, direction: 'lower' });
    put.flush({ ...TARGETS.targets[1], alertLevel: 0.25 });
    await fixture.whenStable();
    expect(text('target-problem-repeatRate')).toBe('');
    expect(element.textContent).toContain('Enregistré.');
  });

  it('replaces the step mapping of a new source', async () => {
    await load();
    type('mappings-new-source', 'zendesk');
    byTestId('mappings-new')?.click();
    await fixture.whenStable();
    type('mapping-raw-0', 'open');
    type('mapping-step-0', 'new');
    byTestId('mappings-save')?.click();
    TestBed.tick();

    const put = backend.expectOne({ method: 'PUT', url: '/api/step-mappings/zendesk' });
    expect(put.request.body).toEqual({ mappings: { open: 'new' } });
    put.flush({ source: 'zendesk', mappings: { open: 'new' } });
    TestBed.tick();
    backend.expectOne('/api/step-mappings').flush({ sources: [...MAPPINGS.sources, { source: 'zendesk', mappings: { open: 'new' } }] });
    await fixture.whenStable();
    expect(text('mappings-saved')).toBe('Enregistré.');
  });

  it('creates a user after checking the password length, and shows a duplicate e-mail refusal', async () => {
    await load();
    type('user-email-input', 'manager@example.com');
    type('user-password-input', 'short');
    byTestId('user-create-submit')?.click();
    await fixture.whenStable();
    expect(text('user-create')).toContain('Le mot de passe doit compter au moins 10 caractères.');
    backend.expectNone({ method: 'POST', url: '/api/users' });

    type('user-password-input', 'long-enough-password');
    byTestId('user-create-submit')?.click();
    TestBed.tick();
    const post = backend.expectOne({ method: 'POST', url: '/api/users' });
    expect(post.request.body).toEqual({ email: 'manager@example.com', password: 'long-enough-password', role: 'viewer' });
    post.flush({ message: 'A user with this e-mail exists already' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(text('user-create-error')).toBe('A user with this e-mail exists already');
  });

  it('speaks English after the switch', async () => {
    await load();
    TestBed.inject(I18nService).setLanguage('en');
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toBe('Settings');
    expect(text('settings-repeat-window')).toBe('7 days');
    expect(text('target-repeatRate')).toContain('Repeat-contact rate');
  });
});
