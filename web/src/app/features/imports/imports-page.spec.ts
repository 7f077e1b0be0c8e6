import { HttpEventType } from '@angular/common/http';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ImportFormats, ImportReport, OrganisationSettings } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { ImportsPage } from './imports-page';

const FORMATS: ImportFormats = {
  formats: [
    { name: 'canonical', description: "Relais's own journey CSV.", needsMapping: false },
    { name: 'eventlog', description: 'Any one-row-per-event CSV.', needsMapping: true },
    // A format added after this page was written: shown with the server's line.
    { name: 'acme', description: 'ACME help desk export, one row per ticket.', needsMapping: false },
  ],
};
const SETTINGS: OrganisationSettings = {
  timeZone: 'America/Montreal',
  timeZoneSource: 'setting',
  repeatWindowDays: 7,
  updatedAt: null,
};
const REPORT: ImportReport = {
  id: '0b6f7c1e-5d43-4a8e-9a55-1c2f8e4b7d10',
  format: 'canonical',
  source: 'helpdesk',
  status: 'succeeded',
  rowsRead: 120,
  eventsStored: 117,
  duplicates: 2,
  rejected: 1,
  errors: [{ line: 7, field: 'ts', message: 'ts "2025-02-30T10:00:00Z" is not a valid date' }],
  progress: 1,
  startedAt: '2025-03-10T09:00:00Z',
  finishedAt: '2025-03-10T09:00:05Z',
};

describe('ImportsPage', () => {
  let fixture: ComponentFixture<ImportsPage>;
  let element: HTMLElement;
  let backend: HttpTestingController;
  let page: ImportsPage;

  const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => (byTestId(id)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const form = () => page['form'];

  async function load(history: ImportReport[] = []): Promise<void> {
    backend.expectOne('/api/imports/formats').flush(FORMATS);
    backend.expectOne('/api/settings').flush(SETTINGS);
    backend.expectOne('/api/imports').flush(history);
    await fixture.whenStable();
  }

  async function chooseFile(file: File): Promise<void> {
    const input = byTestId('import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await page['fileChosen']({ target: input } as unknown as Event);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportsPage);
    element = fixture.nativeElement;
    page = fixture.componentInstance;
    TestBed.tick();
  });

  afterEach(() => backend.verify());

  it('shows loading states, then the formats with their descriptions, translated when known', async () => {
    expect(byTestId('formats-loading')).not.toBeNull();
    expect(byTestId('history-loading')).not.toBeNull();
    await load();

    expect(text('format-canonical')).toContain('CSV de parcours propre à Relais');
    expect(text('format-eventlog')).toContain('correspondance de colonnes');
    expect(text('format-acme')).toContain('ACME help desk export, one row per ticket.');
    expect(text('history-empty')).toBe('Aucun import pour l’instant.');
  });

  it("defaults the time zone to the organisation's", async () => {
    await load();
    expect(form().controls.timezone.value).toBe('America/Montreal');
  });

  it('reports a failed formats request with a retry', async () => {
    backend.expectOne('/api/imports/formats').flush(null, { status: 500, statusText: 'Server Error' });
    backend.expectOne('/api/settings').flush(SETTINGS);
    backend.expectOne('/api/imports').flush([]);
    await fixture.whenStable();

    expect(text('formats-error')).toContain('Impossible de charger la liste des formats.');
    byTestId('formats-error')?.querySelector('button')?.click();
    TestBed.tick();
    backend.expectOne('/api/imports/formats').flush(FORMATS);
    await fixture.whenStable();
    expect(byTestId('formats-list')).not.toBeNull();
  });

  it('refuses to upload without a file, a format and a valid source', async () => {
    await load();
    form().controls.source.setValue('not valid!');
    byTestId('import-submit')?.click();
    await fixture.whenStable();

    expect(text('file-error')).toBe('Choisissez le fichier à importer.');
    expect(element.textContent).toContain('Choisissez le format du fichier.');
    expect(element.textContent).toContain('Lettres, chiffres, « . », « _ » et « - » uniquement (64 au plus).');
    backend.expectNone('/api/imports');
  });

  it('offers the columns of the chosen file for an eventlog, guessed, and requires the three keys', async () => {
    await load();
    form().controls.format.setValue('eventlog');
    await fixture.whenStable();
    expect(byTestId('mapping')?.textContent).toContain('Choisissez d’abord le fichier');

    await chooseFile(new File(['Case ID;Activity;When;Resource\n1;Open;2025-01-01;N1\n'], 'log.csv'));
    expect(text('mapping-columns-note')).toContain('4 colonnes trouvées');
    expect(page['selection']().columns).toEqual({ caseId: 'Case ID', step: 'Activity', team: 'Resource' });

    byTestId('import-submit')?.click();
    await fixture.whenStable();
    // `When` is not a usual timestamp name: the user has to pick it.
    expect(byTestId('mapping')?.textContent).toContain('Obligatoire');
    backend.expectNone('/api/imports');
  });

  it('uploads, shows the upload then the job progress, then opens the report', async () => {
    await load();
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate');
    form().controls.format.setValue('canonical');
    form().controls.source.setValue('helpdesk');
    await chooseFile(new File(['case_id,ts\n'], 'week.csv'));

    // TestBed.tick(), not whenStable(): a pending request keeps the app unstable until it is flushed.
    byTestId('import-submit')?.click();
    TestBed.tick();
    const post = backend.expectOne({ method: 'POST', url: '/api/imports' });
    const body = post.request.body as FormData;
    expect([body.get('format'), body.get('source'), body.get('timezone'), body.get('mapping')]).toEqual([
      'canonical',
      'helpdesk',
      'America/Montreal',
      null,
    ]);

    post.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    TestBed.tick();
    expect(text('import-progress')).toContain('Envoi du fichier… 40 %');

    post.flush({ id: REPORT.id, status: 'queued' }, { status: 202, statusText: 'Accepted' });
    TestBed.tick();
    expect(text('import-progress')).toContain('Fichier reçu, import en file d’attente…');
    await new Promise((resolve) => setTimeout(resolve, 0));
    backend.expectOne(`/api/imports/${REPORT.id}`).flush({ ...REPORT, status: 'running', progress: 0.5, rowsRead: 60 });
    TestBed.tick();
    expect(text('import-progress')).toContain('Import en cours : 60 lignes lues 50 %');

    // Past the poll interval, the job has succeeded.
    await new Promise((resolve) => setTimeout(resolve, 1050));
    backend.expectOne(`/api/imports/${REPORT.id}`).flush(REPORT);
    TestBed.tick();
    expect(byTestId('import-progress')).toBeNull();
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { report: REPORT.id } });
    backend.expectOne('/api/imports').flush([REPORT]);
  });

  it('shows the API refusal of an upload next to the form', async () => {
    await load();
    form().controls.format.setValue('canonical');
    await chooseFile(new File(['x'], 'week.csv'));
    byTestId('import-submit')?.click();
    TestBed.tick();
    backend
      .expectOne({ method: 'POST', url: '/api/imports' })
      .flush({ message: 'week.csv is empty' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(text('upload-error')).toBe('week.csv is empty');
  });

  it('shows the report named in the URL: counts and rejected lines', async () => {
    await load([REPORT]);
    fixture.componentRef.setInput('report', REPORT.id);
    TestBed.tick();
    backend.expectOne(`/api/imports/${REPORT.id}`).flush(REPORT);
    await fixture.whenStable();

    const count = (id: string) => [byTestId(id)?.querySelector('dt')?.textContent, byTestId(id)?.querySelector('dd')?.textContent];
    expect(count('report-rows-read')).toEqual(['Lignes lues', '120']);
    expect(count('report-events-stored')).toEqual(['Événements enregistrés', '117']);
    expect(count('report-duplicates')).toEqual(['Doublons', '2']);
    expect(count('report-rejected')).toEqual(['Lignes rejetées', '1']);
    const cells = Array.from(element.querySelectorAll('[data-testid="report-errors"] tbody tr td'), (cell) =>
      (cell.textContent ?? '').trim(),
    );
    expect(cells).toEqual(['7', 'ts', 'ts "2025-02-30T10:00:00Z" is not a valid date']);
    expect(text('imports-history')).toContain('Réussi');
  });

  it('opens a past report from the list and relabels it in English', async () => {
    await load([REPORT]);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    byTestId(`open-report-${REPORT.id}`)?.click();
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { report: REPORT.id } });

    TestBed.inject(I18nService).setLanguage('en');
    await fixture.whenStable();
    expect(text('imports-history')).toContain('Succeeded');
    expect(text('imports-history')).toContain('117 events · rejected: 1');
  });
});
