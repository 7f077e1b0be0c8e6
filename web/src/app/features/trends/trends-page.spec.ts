import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { BreakdownDimension } from '@relais/contracts';
import { provideEchartsCore } from 'ngx-echarts';
import { WEEKLY } from '../../../testing/kpi-fixtures';
import { ANALYST_CLAIMS, makeToken } from '../../../testing/tokens';
import { TOKEN_STORAGE_KEY } from '../../core/auth/auth.service';
import { TrendChart } from './trend-chart';
import { TrendsPage } from './trends-page';

const REVIEW_TARGETS = {
  week: '2025-W03',
  start: '2025-01-13',
  cases: 122,
  surveys: 0,
  provisional: true,
  repeatWindowDays: 7,
  indicators: [
    { indicator: 'transfersMean', target: 0.5, alertLevel: 1, direction: 'lower' },
    { indicator: 'repeatRate', target: 0.1, alertLevel: 0.2, direction: 'lower' },
  ],
};
const keys: Record<BreakdownDimension, Array<string | null>> = {
  team: ['N2', 'N1', null],
  channel: ['phone'],
  category: ['billing'],
  source: ['demo'],
};

describe('TrendsPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  const element = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const normalise = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  }

  function respondOptionsAndTargets(): void {
    backend.expectOne('/api/kpis/review').flush(REVIEW_TARGETS);
    for (const by of Object.keys(keys) as BreakdownDimension[]) {
      backend
        .expectOne((r) => r.url === '/api/kpis/breakdown' && r.params.get('by') === by)
        .flush({ by, groups: keys[by].map((key) => ({ key, cases: 1, weeks: [] })) });
    }
  }

  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'trends', component: TrendsPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  it('draws one chart per indicator over 52 weeks with the target band where a target exists', async () => {
    await harness.navigateByUrl('/trends');
    expect(byTestId('trends-loading')).not.toBeNull();
    backend.expectOne('/api/kpis/weekly').flush(WEEKLY);
    respondOptionsAndTargets();
    await settle();

    const charts = harness.fixture.debugElement
      .queryAll(By.directive(TrendChart))
      .map((d) => d.componentInstance as TrendChart);
    expect(charts.map((chart) => chart.indicator())).toEqual([
      'transfersMean',
      'pingPongShare',
      'repeatRate',
      'csatShare',
    ]);
    const [transfers, pingPong] = charts;
    const series = transfers.option().series as Array<{
      data: Array<{ value: unknown }>;
      markArea?: { data: unknown };
    }>;
    // 52 weeks up to 2025-W03; WEEKLY fills the last three (1.2345, 1.5, 2.007).
    expect(series[0].data).toHaveLength(52);
    expect(series[0].data.slice(-3).map((d) => d.value)).toEqual([1.2345, 1.5, 2.007]);
    expect(series[0].markArea?.data).toEqual([[expect.objectContaining({ yAxis: 0.5 }), { yAxis: 1 }]]);
    // No target row for ping-pong in this review: no band. No data a year earlier: no second line.
    expect((pingPong.option().series as Array<{ markArea?: unknown }>)[0].markArea).toBeUndefined();
    expect(series).toHaveLength(1);
    // 512 + 600 + 122 cases.
    expect(normalise(byTestId('trends-caption')?.textContent)).toBe(
      '52 semaines ISO jusqu’à 2025-W03, 1 234 dossiers.',
    );
    expect(
      normalise(
        byTestId('trend-transfersMean')?.querySelector('[data-testid="trend-chart"]')?.getAttribute('aria-label'),
      ),
    ).toBe('Graphique : Transferts par dossier par semaine ISO, 52 semaines, 1 234 dossiers.');
  });

  it('reads the filters from the URL, asks the weekly series with them, and writes a new choice back', async () => {
    await harness.navigateByUrl('/trends?team=N2&week=ignored');
    expect(backend.expectOne((r) => r.url === '/api/kpis/weekly').request.urlWithParams).toBe(
      '/api/kpis/weekly?team=N2',
    );
    respondOptionsAndTargets();
    await settle();

    const page = harness.fixture.debugElement.query(By.directive(TrendsPage)).componentInstance as unknown as {
      setFilter(key: string, value: string | null): void;
      filterOptions(): Record<string, string[]> | null;
    };
    // Options from the data, sorted, without the "no team" group.
    expect(page.filterOptions()?.['team']).toEqual(['N1', 'N2']);
    page.setFilter('channel', 'phone');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/trends?team=N2&week=ignored&channel=phone');
    expect(backend.expectOne((r) => r.url === '/api/kpis/weekly').request.urlWithParams).toBe(
      '/api/kpis/weekly?team=N2&channel=phone',
    );

    byTestId('trends-reset')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/trends?week=ignored');
    backend.expectOne('/api/kpis/weekly');
  });

  it('opens the cases of a clicked week with the filters, for an analyst only', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken(ANALYST_CLAIMS));
    await harness.navigateByUrl('/trends?team=N2');
    backend.expectOne((r) => r.url === '/api/kpis/weekly').flush(WEEKLY);
    respondOptionsAndTargets();
    await settle();
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);

    const chart = harness.fixture.debugElement.query(
      By.css('[data-testid="trend-repeatRate"] [data-testid="trend-chart"]'),
    );
    chart.triggerEventHandler('chartClick', { seriesId: 'current', dataIndex: 51 });

    expect(navigate).toHaveBeenCalledWith(['/cases'], { queryParams: { team: 'N2', week: '2025-W03' } });
  });

  it('lets a viewer read the trends, but a click does not lead to the cases page they may not open', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken({ ...ANALYST_CLAIMS, role: 'viewer' }));
    await harness.navigateByUrl('/trends');
    backend.expectOne((r) => r.url === '/api/kpis/weekly').flush(WEEKLY);
    respondOptionsAndTargets();
    await settle();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');

    const chart = harness.fixture.debugElement.query(
      By.css('[data-testid="trend-repeatRate"] [data-testid="trend-chart"]'),
    );
    chart.triggerEventHandler('chartClick', { seriesId: 'current', dataIndex: 51 });

    expect(navigate).not.toHaveBeenCalled();
    expect(normalise(byTestId('trend-repeatRate')?.querySelector('.caption')?.textContent)).not.toContain('Cliquez');
  });

  it('tells when the filters match no case, and reports errors', async () => {
    await harness.navigateByUrl('/trends?category=none');
    backend.expectOne((r) => r.url === '/api/kpis/weekly').flush({ weeks: [] });
    respondOptionsAndTargets();
    await settle();
    expect(normalise(byTestId('trends-empty')?.textContent)).toBe('Aucun dossier pour ces filtres.');

    await harness.navigateByUrl('/trends?category=billing');
    backend.expectOne((r) => r.url === '/api/kpis/weekly').flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(normalise(byTestId('trends-error')?.textContent)).toContain('Impossible de charger les indicateurs.');
    byTestId('trends-error')?.querySelector('button')?.click();
    await settle();
    backend.expectOne((r) => r.url === '/api/kpis/weekly').flush(WEEKLY);
    await settle();
    expect(byTestId('trends-error')).toBeNull();
    expect(element().querySelectorAll('app-trend-chart')).toHaveLength(4);
  });
});
