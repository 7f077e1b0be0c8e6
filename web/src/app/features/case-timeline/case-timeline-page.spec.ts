import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CaseDetail } from '@relais/contracts';
import { CaseTimelinePage } from './case-timeline-page';

@Component({ template: '' })
class Blank {}

const base = { agent: null, channel: null, category: null, direction: null, csat: null, csatScale: null };

/** Created in N1, assigned N1, transferred to N2 (picked up 0.5 h later), resolved, one survey answer (4 / 5). */
const DETAIL: CaseDetail = {
  source: 'demo',
  caseId: 'C/1',
  createdAt: '2025-04-07T08:00:00.000Z',
  team: 'N1',
  channel: 'phone',
  category: 'billing',
  transfers: 1,
  repeated: false,
  reopened: false,
  repeatWindowDays: 7,
  chasers: 0,
  surveys: 1,
  handoffs: [{ from: 'N1', to: 'N2', transferredAt: '2025-04-07T09:00:00.000Z', pickupHours: 0.5 }],
  events: [
    { ...base, ts: '2025-04-07T08:00:00.000Z', seq: 1, event: 'created', step: 'new', team: 'N1' },
    { ...base, ts: '2025-04-07T08:10:00.000Z', seq: 2, event: 'assigned', step: 'new', team: 'N1', agent: 'a1' },
    { ...base, ts: '2025-04-07T09:00:00.000Z', seq: 3, event: 'assigned', step: 'new', team: 'N2', agent: 'a2' },
    { ...base, ts: '2025-04-07T09:30:00.000Z', seq: 4, event: 'status_changed', step: 'resolved', team: 'N2' },
    { ...base, ts: '2025-04-07T10:00:00.000Z', seq: 5, event: 'survey', step: 'resolved', csat: 4, csatScale: 5 },
  ],
};

describe('CaseTimelinePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const element = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const normalise = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'cases', component: Blank },
          { path: 'cases/:source/:caseId', component: CaseTimelinePage },
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

  it('shows the events in order with the transfer highlighted, and the time spent per step', async () => {
    await open('/cases/demo/C%2F1?handoff=N1%3EN2&page=2');
    expect(normalise(byTestId('timeline-loading')?.textContent)).toBe('Chargement du parcours…');
    backend.expectOne('/api/cases/demo/C%2F1').flush(DETAIL);
    await harness.fixture.whenStable();

    expect(normalise(byTestId('timeline-heading')?.textContent)).toBe('Dossier C/1');
    const rows = Array.from(element().querySelectorAll('[data-testid="timeline-events"] tbody tr'));
    expect(rows.map((row) => row.getAttribute('data-testid'))).toEqual([
      'timeline-event',
      'timeline-event',
      'timeline-transfer',
      'timeline-event',
      'timeline-event',
    ]);
    const transfer = byTestId('timeline-transfer');
    expect(transfer?.classList).toContain('transfer');
    expect(normalise(transfer?.textContent)).toContain('Affectation Transfert');
    expect(normalise(transfer?.textContent)).toContain('Transfert N1 → N2 · pris en charge en 0,5 h');
    expect(normalise(rows[4].textContent)).toContain('Note 4 / 5');

    // new 08:00 → resolved 09:30: 1.5 h; resolved still open.
    const stays = Array.from(element().querySelectorAll('[data-testid="timeline-steps"] tbody tr'), (row) => [
      normalise(row.children[0].textContent),
      normalise(row.children[2].textContent),
    ]);
    expect(stays).toEqual([
      ['new', '1,5'],
      ['resolved', 'en cours'],
    ]);
    expect(normalise(byTestId('timeline-transfer-count')?.textContent)).toBe('1');
  });

  it('goes back to the list with its filters', async () => {
    await open('/cases/demo/C1?handoff=N1%3EN2&page=2');
    backend.expectOne('/api/cases/demo/C1').flush(DETAIL);
    await harness.fixture.whenStable();

    expect(byTestId('timeline-back')?.getAttribute('href')).toBe('/cases?handoff=N1%3EN2&page=2');
  });

  it('tells an unknown case from a failure', async () => {
    await open('/cases/demo/nope');
    backend.expectOne('/api/cases/demo/nope').flush({ message: 'No case' }, { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();
    expect(normalise(byTestId('timeline-not-found')?.textContent)).toContain('n’existe pas');

    void harness.navigateByUrl('/cases/demo/broken');
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    backend.expectOne('/api/cases/demo/broken').flush(null, { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();
    expect(normalise(byTestId('timeline-error')?.textContent)).toContain('Impossible de charger ce dossier.');
  });
});
