import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ReviewIndicator, TargetIndicator, TransitionDelaysResponse, WeeklyReview } from '@relais/contracts';
import { provideEchartsCore } from 'ngx-echarts';
import { WEEKLY } from '../../../testing/kpi-fixtures';
import { ANALYST_CLAIMS, makeToken } from '../../../testing/tokens';
import { TOKEN_STORAGE_KEY } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { IndicatorCard } from './indicator-card';
import { isoWeekLabel, shiftWeeks } from './iso-week';
import { ReviewPage } from './review-page';

jest.mock('csv-stringify/browser/esm/sync', () => jest.requireActual('csv-stringify/sync'));

/** 12 weeks ending with the reviewed 2025-W03 (Monday 2025-01-13), as the API sends them. */
const series = (values: Array<number | null>) =>
  values.map((value, i) => ({
    week: isoWeekLabel(shiftWeeks('2025-01-13', i - 11)),
    start: shiftWeeks('2025-01-13', i - 11),
    value,
    status: null,
    cases: 10,
    provisional: i === 11,
  }));
const indicator = (
  name: TargetIndicator,
  value: number | null,
  extra: Partial<ReviewIndicator> = {},
): ReviewIndicator => ({
  indicator: name,
  value,
  target: 0.5,
  alertLevel: 1,
  direction: 'lower',
  status: 'warning',
  previous: { week: '2025-W02', value: 0.6, change: 0.2 },
  fourWeekAverage: { value: 0.9, weeks: 2, change: -0.1 },
  provisional: true,
  cases: 122,
  series: series([...Array(11).fill(null), value]),
  ...extra,
});
/** The reviewed week 2025-W03 of WEEKLY: 122 cases, still provisional. */
const REVIEW: WeeklyReview = {
  week: '2025-W03',
  start: '2025-01-13',
  cases: 122,
  surveys: 40,
  provisional: true,
  repeatWindowDays: 7,
  indicators: [
    indicator('transfersMean', 0.8),
    indicator('pingPongShare', 0.05, { target: 0.05, alertLevel: 0.1, status: 'ok' }),
    indicator('repeatRate', 0.25, {
      target: 0.1,
      alertLevel: 0.2,
      status: 'alert',
      previous: { week: '2025-W02', value: 0.2, change: 0.05 },
    }),
    indicator('reopenRate', 0.01),
    indicator('csatMean', 4.1, { direction: 'higher' }),
    indicator('csatShare', 0.8, { target: 0.75, alertLevel: 0.6, direction: 'higher', status: 'ok', cases: 40 }),
  ],
};
const transitions = (count: number, hours: number): TransitionDelaysResponse => {
  const t = {
    from: 'new',
    to: 'triage',
    count,
    medianHours: hours,
    p90Hours: hours * 2,
    meanHours: hours,
    totalHours: count * hours,
  };
  return { transitions: count ? [t] : [], bottlenecks: { byP90: count ? [t] : [], byTotalHours: count ? [t] : [] } };
};
const group = (key: string | null, cases: number, transfersMean: number, repeatRate: number) => ({
  key,
  cases,
  transfersMean,
  pingPongShare: 0,
  repeatRate,
  reopenRate: 0,
  weeks: [],
});

describe('ReviewPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  const element = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const normalise = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const text = (id: string) => normalise(byTestId(id)?.textContent);

  /** Lets the flushed response reach the resources, then runs the effects that start the dependent calls. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  }

  function transitionCalls(): TestRequest[] {
    return backend.match((r) => r.url === '/api/kpis/transitions');
  }

  async function respondAll(review: WeeklyReview = REVIEW): Promise<void> {
    backend.expectOne('/api/kpis/weekly').flush(WEEKLY);
    await settle();
    backend.expectOne((r) => r.url === '/api/kpis/review').flush(review);
    // Sparkline weeks 2024-W44 … 2025-W03: only the last two have transitions (W02: 4 × 6 h, W03: 2 × 3 h).
    const calls = transitionCalls();
    calls.forEach((call, i) => call.flush(transitions(i === 10 ? 4 : i === 11 ? 2 : 0, i === 10 ? 6 : 3)));
    backend
      .expectOne((r) => r.url === '/api/kpis/breakdown' && r.params.get('by') === 'team')
      .flush({ by: 'team', groups: [group('N1', 50, 0.4, 0.1), group('=N2', 30, 1.7, 0.2), group('N3', 3, 4, 1)] });
    backend
      .expectOne((r) => r.url === '/api/kpis/breakdown' && r.params.get('by') === 'category')
      .flush({ by: 'category', groups: [group('billing', 60, 1, 0.3), group(null, 20, 1, 0.05)] });
    await harness.fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    // An analyst may open the cases page, so the drill-down links are shown (a viewer's are checked below).
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken(ANALYST_CLAIMS));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'review', component: ReviewPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  it('opens on the latest complete week and asks every call of that week', async () => {
    await harness.navigateByUrl('/review');
    expect(text('review-loading')).toBe('Chargement des indicateurs…');
    backend.expectOne('/api/kpis/weekly').flush(WEEKLY);
    await settle();

    // WEEKLY's weeks have all ended: the latest, 2025-W03 (Monday 2025-01-13), is reviewed.
    expect(backend.expectOne((r) => r.url === '/api/kpis/review').request.params.get('week')).toBe('2025-W03');
    const calls = transitionCalls();
    expect(calls).toHaveLength(12);
    // 12 sparkline weeks, each [Monday, next Monday): the first is 11 weeks before 2025-01-13.
    expect(calls[0].request.urlWithParams).toBe('/api/kpis/transitions?from=2024-10-28&to=2024-11-04');
    expect(calls[11].request.urlWithParams).toBe('/api/kpis/transitions?from=2025-01-13&to=2025-01-20');
    const team = backend.expectOne((r) => r.url === '/api/kpis/breakdown' && r.params.get('by') === 'team');
    expect(team.request.urlWithParams).toBe('/api/kpis/breakdown?from=2025-01-13&to=2025-01-20&by=team');
    backend.expectOne((r) => r.url === '/api/kpis/breakdown' && r.params.get('by') === 'category');
  });

  it('shows the four cards with value, status, changes, basis and provisional mark', async () => {
    await harness.navigateByUrl('/review');
    await respondAll();

    const cards = Array.from(element().querySelectorAll('app-indicator-card'));
    expect(cards.map((card) => card.querySelector('h3')?.textContent?.trim())).toEqual([
      'Transferts par dossier',
      'Recontact',
      'Délai entre étapes',
      'Satisfaction',
    ]);
    const card = (key: string, id: string) =>
      normalise(byTestId(`review-card-${key}`)?.querySelector(`[data-testid="${id}"]`)?.textContent);
    expect(card('transfersMean', 'review-card-value')).toBe('0,80');
    expect(card('transfersMean', 'review-card-status')).toBe('Vigilance');
    expect(card('transfersMean', 'review-card-previous')).toBe('+0,20 par rapport à 2025-W02 (moins bien)');
    expect(card('transfersMean', 'review-card-average')).toBe(
      '-0,10 par rapport à la moyenne des 2 semaines précédentes (mieux)',
    );
    expect(card('transfersMean', 'review-card-provisional')).toBe('provisoire');
    expect(card('repeatRate', 'review-card-value')).toBe('25,0 %');
    expect(card('repeatRate', 'review-card-status')).toBe('Alerte');
    expect(card('repeatRate', 'review-card-previous')).toBe('+5,0 pt par rapport à 2025-W02 (moins bien)');
    // W03: 2 transitions of 3 h; W02: 4 of 6 h → −3 h; 4-week mean over the one week with a value (W02): −3 h.
    expect(card('stepDelay', 'review-card-value')).toBe('3,0 h');
    expect(card('stepDelay', 'review-card-status')).toBe('Sans statut');
    expect(card('stepDelay', 'review-card-basis')).toBe('sur 2 passages d’étape');
    expect(card('stepDelay', 'review-card-previous')).toBe('-3,0 h par rapport à 2025-W02 (mieux)');
    expect(card('csatShare', 'review-card-value')).toBe('80,0 %');
    expect(card('csatShare', 'review-card-basis')).toBe('sur 40 réponses');
    expect(text('review-summary')).toBe('Semaine 2025-W03 : 122 dossiers créés, 40 réponses aux enquêtes.');
    expect(byTestId('review-provisional-note')).not.toBeNull();
    expect(element().querySelectorAll('[data-testid="review-sparkline"]')).toHaveLength(4);
  });

  it('lists the worst teams and categories with links to their cases', async () => {
    await harness.navigateByUrl('/review');
    await respondAll();

    // N3 has 3 cases (< 5): left out. =N2 has more transfers than N1.
    const teamRows = Array.from(element().querySelectorAll('[data-testid="review-worst-teams"] tbody tr'));
    expect(teamRows.map((row) => normalise(row.querySelector('th')?.textContent))).toEqual(['=N2', 'N1']);
    expect(normalise(teamRows[0].querySelector('td:nth-of-type(2)')?.textContent)).toBe('1,70');
    expect(teamRows[0].querySelector('a')?.getAttribute('href')).toBe('/cases?week=2025-W03&team=%3DN2');
    const categoryRows = Array.from(element().querySelectorAll('[data-testid="review-worst-categories"] tbody tr'));
    const cells = (row: Element) => Array.from(row.children, (cell) => normalise(cell.textContent));
    expect(categoryRows.map(cells)).toEqual([
      ['billing', '60', '1,00', '30 %'],
      ['(non renseigné)', '20', '1,00', '5 %'],
    ]);
    expect(categoryRows[1].querySelector('a')).toBeNull();
    const transition = element().querySelector('[data-testid="review-worst-transitions"] tbody a');
    expect(transition?.getAttribute('href')).toBe('/cases?week=2025-W03&transition=new%3Etriage');
    expect(
      byTestId('review-card-repeatRate')?.querySelector('[data-testid="review-card-cases"]')?.getAttribute('href'),
    ).toBe('/cases?week=2025-W03');
  });

  it('shows a viewer the same lists without links to the cases, which only analysts may open', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, makeToken({ ...ANALYST_CLAIMS, role: 'viewer' }));
    await harness.navigateByUrl('/review');
    await respondAll();

    expect(element().querySelectorAll('[data-testid="review-worst"] tbody tr')).toHaveLength(2 + 2 + 1);
    expect(element().querySelectorAll('[data-testid="review-worst"] a')).toHaveLength(0);
    expect(byTestId('review-card-cases')).toBeNull();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    harness.fixture.debugElement
      .query(By.css('[data-testid="review-sparkline"]'))
      .triggerEventHandler('chartClick', { dataIndex: 11 });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('reviews the week of the URL and moves to another week through the URL', async () => {
    await harness.navigateByUrl('/review?week=2025-W02');
    backend.expectOne('/api/kpis/weekly').flush(WEEKLY);
    await settle();
    expect(backend.expectOne((r) => r.url === '/api/kpis/review').request.params.get('week')).toBe('2025-W02');
    transitionCalls();
    backend.match((r) => r.url === '/api/kpis/breakdown');

    element().querySelector<HTMLButtonElement>('[data-testid="review-newer"]')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/review?week=2025-W03');
    expect(backend.expectOne((r) => r.url === '/api/kpis/review').request.params.get('week')).toBe('2025-W03');
    transitionCalls();
    backend.match((r) => r.url === '/api/kpis/breakdown');
  });

  it('says there is no data yet when no week has cases', async () => {
    await harness.navigateByUrl('/review');
    backend.expectOne('/api/kpis/weekly').flush({ weeks: [] });
    await harness.fixture.whenStable();

    expect(text('review-empty')).toBe('Aucune donnée pour l’instant — un import est peut-être en cours');
    expect((byTestId('review-export') as HTMLButtonElement).disabled).toBe(true);
  });

  it('reports a failed call and retries it', async () => {
    await harness.navigateByUrl('/review');
    backend.expectOne('/api/kpis/weekly').flush(null, { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();
    expect(text('review-error')).toContain('Impossible de charger les indicateurs.');

    element().querySelector<HTMLButtonElement>('[data-testid="review-error"] button')?.click();
    TestBed.tick();
    await respondAll();
    expect(byTestId('review-error')).toBeNull();
    expect(byTestId('review-cards')).not.toBeNull();
  });

  it('exports the review as a CSV file named after the week, and prints', async () => {
    await harness.navigateByUrl('/review');
    await respondAll();
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:review';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });

    byTestId('review-export')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();

    expect(clicked).toEqual(['relais-review-2025-W03.csv']);
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs[0]);
    });
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'section,name,week,metric,value,target,alert_level,status,previous_week_value,change_vs_previous_week,four_week_average,change_vs_four_week_average,count,provisional',
    );
    // The team "=N2" must reach the spreadsheet as text.
    expect(lines).toContain("worst_team,'=N2,2025-W03,transfersMean,1.7,,,,,,,,30,");
    click.mockRestore();

    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    byTestId('review-print')?.click();
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('relabels the cards in English', async () => {
    await harness.navigateByUrl('/review');
    await respondAll();
    TestBed.inject(I18nService).setLanguage('en');
    await harness.fixture.whenStable();

    const card = harness.fixture.debugElement.query(By.directive(IndicatorCard));
    const native = card.nativeElement as HTMLElement;
    expect(normalise(native.querySelector('h3')?.textContent)).toBe('Transfers per case');
    expect(normalise(native.querySelector('[data-testid="review-card-status"]')?.textContent)).toBe('Warning');
    expect(normalise(native.querySelector('[data-testid="review-card-previous"]')?.textContent)).toBe(
      '+0.20 compared with 2025-W02 (worse)',
    );
  });
});
