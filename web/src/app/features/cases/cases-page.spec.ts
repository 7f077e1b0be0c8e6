import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CaseListItem, CasesPage as CasesPageBody } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { CasesPage } from './cases-page';

@Component({ template: '' })
class Blank {}

function item(caseId: string, transfers: number): CaseListItem {
  return {
    source: 'demo',
    caseId,
    createdAt: '2025-04-07T08:00:00.000Z',
    team: 'N1',
    channel: 'phone',
    category: 'billing',
    transfers,
    repeated: transfers > 1,
    reopened: false,
  };
}

const PAGE: CasesPageBody = { total: 120, items: [item('C-1', 1), item('C-2', 3)] };

describe('CasesPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const element = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const normalise = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const text = (id: string) => normalise(byTestId(id)?.textContent);
  const request = (): TestRequest => backend.expectOne((r) => r.url === '/api/cases');

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'cases', component: CasesPage },
          { path: 'cases/:source/:caseId', component: Blank },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    void harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => backend.verify());

  it('asks the API with the filters and the page of the query string', async () => {
    await open('/cases?handoff=N1%3EN2&week=2025-W15&minTransfers=2&page=3&pageSize=25&bogus=1');

    const sent = request();
    expect(sent.request.urlWithParams).toBe(
      '/api/cases?week=2025-W15&handoff=N1%3EN2&minTransfers=2&page=3&pageSize=25',
    );
    expect(text('cases-loading')).toBe('Chargement des dossiers…');
    sent.flush(PAGE);
    await harness.fixture.whenStable();
  });

  it('shows the filters as removable chips, and the rows as links to their timeline', async () => {
    await open('/cases?handoff=N1%3EN2&repeated=true');
    request().flush(PAGE);
    await harness.fixture.whenStable();

    expect(text('filter-chip-repeated')).toContain('Recontact oui');
    expect(text('filter-chip-handoff')).toContain('Transfert N1 → N2');
    expect(byTestId('filter-chip-remove-handoff')?.getAttribute('aria-label')).toBe(
      'Retirer le filtre Transfert N1 → N2',
    );
    expect(text('cases-total')).toBe('120 dossiers');
    const rows = Array.from(element().querySelectorAll('[data-testid="case-row"]'), (row) =>
      Array.from(row.children, (cell) => normalise(cell.textContent)),
    );
    expect(rows.map((row) => [row[0], row[1], row[3], row[6], row[7]])).toEqual([
      ['C-1', 'demo', 'N1', '1', 'non'],
      ['C-2', 'demo', 'N1', '3', 'oui'],
    ]);
    // The timeline keeps the list's query string, for its "back to the list".
    expect(element().querySelector('[data-testid="case-link"]')?.getAttribute('href')).toBe(
      '/cases/demo/C-1?handoff=N1%3EN2&repeated=true',
    );
  });

  it('removes a filter by its chip and goes back to the first page', async () => {
    await open('/cases?handoff=N1%3EN2&team=N1&page=2');
    request().flush(PAGE);
    await harness.fixture.whenStable();

    byTestId('filter-chip-remove-handoff')?.click();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();

    expect(TestBed.inject(Router).url).toBe('/cases?team=N1');
    expect(request().request.urlWithParams).toBe('/api/cases?team=N1&page=1&pageSize=50');
  });

  it('says so when no case matches, and when the list cannot be loaded', async () => {
    await open('/cases?transition=triage%3Enew');
    request().flush({ total: 0, items: [] });
    await harness.fixture.whenStable();
    expect(text('cases-empty')).toBe('Aucun dossier ne correspond à ces filtres.');

    TestBed.inject(Router).navigateByUrl('/cases?transition=new%3Etriage');
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    request().flush(null, { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();
    expect(text('cases-error')).toContain('Impossible de charger les dossiers.');
  });

  it('labels the paginator in the interface language', async () => {
    await open('/cases');
    request().flush(PAGE);
    await harness.fixture.whenStable();

    expect(normalise(element().querySelector('.mat-mdc-paginator-range-label')?.textContent)).toBe('1 – 50 sur 120');
    TestBed.inject(I18nService).setLanguage('en');
    await harness.fixture.whenStable();
    expect(normalise(element().querySelector('.mat-mdc-paginator-range-label')?.textContent)).toBe('1 – 50 of 120');
    expect(text('cases-total')).toBe('120 cases');
  });
});
