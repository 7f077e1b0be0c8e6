import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { TokenClaims } from '@relais/contracts';
import { provideEchartsCore } from 'ngx-echarts';
import { EMPTY_SUMMARY, SUMMARY } from '../../../testing/kpi-fixtures';
import { ANALYST_CLAIMS, makeToken } from '../../../testing/tokens';
import { TOKEN_STORAGE_KEY } from '../../core/auth/auth.service';
import { BottlenecksPage } from './bottlenecks-page';
import { EDGES, SATISFACTION, STEPS, TRANSITIONS } from './bottlenecks-fixtures';

@Component({ template: '' })
class Blank {}

const VIEWER_CLAIMS: TokenClaims = { ...ANALYST_CLAIMS, email: 'viewer@relais.local', role: 'viewer' };

describe('BottlenecksPage', () => {
  let fixture: ComponentFixture<BottlenecksPage>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const normalise = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const text = (id: string) => normalise(byTestId(id)?.textContent);

  function setup(claims: TokenClaims): void {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken(claims));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'cases', component: Blank }]),
        // Never resolves: jsdom has no canvas, the options are asserted instead of pixels.
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BottlenecksPage);
    element = fixture.nativeElement;
    TestBed.tick();
  }

  async function respond(summary: object = SUMMARY): Promise<void> {
    backend.expectOne('/api/kpis/summary').flush(summary);
    backend.expectOne('/api/kpis/handoffs').flush({ edges: EDGES });
    backend.expectOne('/api/kpis/transitions').flush(TRANSITIONS);
    backend.expectOne('/api/kpis/steps').flush(STEPS);
    backend.expectOne('/api/kpis/satisfaction').flush(SATISFACTION);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  afterEach(() => backend.verify());

  it('shows a loading state, then every chart with its unit and its number of cases', async () => {
    setup(ANALYST_CLAIMS);
    expect(text('bottlenecks-loading')).toBe('Chargement des goulots d’étranglement…');

    await respond();

    expect(byTestId('bottlenecks-loading')).toBeNull();
    expect(text('bottlenecks-intro')).toContain('Sur 1 234 dossiers.');
    // 120 + 30 + 50 transfers (EDGES).
    expect(text('flow-caption')).toContain('200 transferts sur 1 234 dossiers');
    expect(text('matrix-caption')).toContain('(unité : transferts). 200 transferts sur 1 234 dossiers');
    // 400 + 300 + 50 passages (TRANSITIONS).
    expect(text('transitions-caption')).toContain('heures calendaires. 750 transitions de 1 234 dossiers');
    expect(text('steps-caption')).toContain('700 passages d’étape de 1 234 dossiers');
    expect(text('satisfaction-step-caption')).toBe('83 réponses.');
    for (const chart of [
      'handoff-sankey',
      'handoff-heatmap',
      'transitions-p90',
      'transitions-total',
      'steps-heatmap',
    ]) {
      expect(byTestId(chart)).not.toBeNull();
    }
  });

  it('lets an analyst open the cases of a matrix cell, by keyboard link or chart click', async () => {
    setup(ANALYST_CLAIMS);
    await respond();

    expect(byTestId('bottlenecks-drill-hint')).not.toBeNull();
    const link = byTestId('handoff-cell-N2-N1')?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/cases?handoff=N2%3EN1');
    expect(link?.getAttribute('aria-label')).toBe('Voir les 30 transferts de N2 vers N1');
    expect(byTestId('handoff-cell-N1-N3')?.querySelector('a')).toBeNull();

    const heatmap = fixture.debugElement.query(By.css('[data-testid="handoff-heatmap"]'));
    heatmap.triggerEventHandler('chartClick', { data: { value: [1, 0, 120], drill: { handoff: 'N1>N2' } } });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/cases?handoff=N1%3EN2');
  });

  it('opens the cases of a transition from its bar', async () => {
    setup(ANALYST_CLAIMS);
    await respond();

    const bars = fixture.debugElement.query(By.css('[data-testid="transitions-p90"]'));
    bars.triggerEventHandler('chartClick', { data: { value: 30, drill: { transition: 'triage>in_progress' } } });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/cases?transition=triage%3Ein_progress');
  });

  it('shows a viewer the charts without any way to the cases, and says why', async () => {
    setup(VIEWER_CLAIMS);
    await respond();

    expect(text('bottlenecks-viewer-hint')).toContain('réservée aux analystes');
    expect(byTestId('bottlenecks-drill-hint')).toBeNull();
    expect(byTestId('handoff-matrix-table')?.querySelectorAll('a')).toHaveLength(0);
    expect(text('handoff-cell-N1-N2')).toBe('120');

    const heatmap = fixture.debugElement.query(By.css('[data-testid="handoff-heatmap"]'));
    heatmap.triggerEventHandler('chartClick', { data: { drill: { handoff: 'N1>N2' } } });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('says "not enough answers" for groups under 5 answers', async () => {
    setup(ANALYST_CLAIMS);
    await respond();

    const rows = Array.from(element.querySelectorAll('[data-testid="satisfaction-step-table"] tbody tr'), (row) =>
      Array.from(row.children, (cell) => normalise(cell.textContent)),
    );
    expect(rows).toEqual([
      ['resolved', '80', '75 %', '64,5 % – 83,2 %'],
      ['closed', '3', 'pas assez de réponses'],
    ]);
  });

  it('says there is no data when no case was imported', async () => {
    setup(ANALYST_CLAIMS);
    await respond(EMPTY_SUMMARY);

    expect(text('bottlenecks-empty')).toBe('Aucune donnée pour l’instant — un import est peut-être en cours');
    expect(byTestId('handoff-sankey')).toBeNull();
  });

  it('reports a failed request and retries every call', async () => {
    setup(ANALYST_CLAIMS);
    backend.expectOne('/api/kpis/handoffs').flush(null, { status: 500, statusText: 'Server Error' });
    backend.expectOne('/api/kpis/summary').flush(SUMMARY);
    backend.expectOne('/api/kpis/transitions').flush(TRANSITIONS);
    backend.expectOne('/api/kpis/steps').flush(STEPS);
    backend.expectOne('/api/kpis/satisfaction').flush(SATISFACTION);
    await fixture.whenStable();

    expect(text('bottlenecks-error')).toContain('Impossible de charger les indicateurs.');
    element.querySelector<HTMLButtonElement>('[data-testid="bottlenecks-error"] button')?.click();
    TestBed.tick();
    await respond();
    expect(byTestId('handoff-heatmap')).not.toBeNull();
  });
});
