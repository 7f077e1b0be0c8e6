import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideEchartsCore } from 'ngx-echarts';
import { I18nService } from '../../core/i18n/i18n.service';
import { OverviewPage } from './overview-page';
import { EMPTY_SUMMARY, SUMMARY, WEEKLY } from '../../../testing/kpi-fixtures';
import { WeeklyChart } from './weekly-chart';

describe('OverviewPage', () => {
  let fixture: ComponentFixture<OverviewPage>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  // Intl puts (narrow) no-break spaces in French numbers.
  const normalise = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const text = (id: string) => normalise(byTestId(id)?.textContent);
  const card = (id: string) => {
    const part = (name: string) => normalise(byTestId(id)?.querySelector(`.${name}`)?.textContent) || undefined;
    return { label: part('label'), value: part('value'), unit: part('unit'), note: part('note') };
  };

  async function respond(summary: object, weekly: object): Promise<void> {
    backend.expectOne('/api/kpis/summary').flush(summary);
    backend.expectOne('/api/kpis/weekly').flush(weekly);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // Never resolves: jsdom has no canvas, the chart's options are asserted instead of its pixels.
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OverviewPage);
    element = fixture.nativeElement;
    // Not whenStable(): pending HTTP requests keep the app unstable until they are flushed.
    TestBed.tick();
  });

  afterEach(() => backend.verify());

  it('shows a loading state until both indicators have arrived', async () => {
    expect(text('overview-loading')).toBe('Chargement des indicateurs…');

    backend.expectOne('/api/kpis/summary').flush(SUMMARY);
    TestBed.tick();
    expect(byTestId('overview-loading')).not.toBeNull();

    backend.expectOne('/api/kpis/weekly').flush(WEEKLY);
    await fixture.whenStable();
    expect(byTestId('overview-loading')).toBeNull();
  });

  it('shows the four figures with their units and the number of cases', async () => {
    await respond(SUMMARY, WEEKLY);

    expect(text('summary-caption')).toBe('Sur 1 234 dossiers.');
    expect(card('kpi-cases')).toEqual({
      label: 'Dossiers',
      value: '1 234',
      unit: 'dossiers créés',
      note: undefined,
    });
    expect(card('kpi-transfers')).toEqual({
      label: 'Transferts moyens',
      value: '1,84',
      unit: 'transferts par dossier',
      note: undefined,
    });
    expect(card('kpi-ping-pong')).toEqual({
      label: 'Ping-pong',
      value: '12,5 %',
      unit: 'des dossiers revenus à une équipe déjà passée',
      note: undefined,
    });
    expect(card('kpi-repeat-contact')).toEqual({
      label: 'Recontact',
      value: '8,1 %',
      unit: 'des dossiers suivis d’un nouveau contact sous 7 jours',
      note: 'dont 37 dossiers encore provisoires',
    });
  });

  it('maps the weekly series to the chart and marks provisional weeks', async () => {
    await respond(SUMMARY, WEEKLY);

    const chart = fixture.debugElement.query(By.directive(WeeklyChart)).componentInstance as WeeklyChart;
    const option = chart.option();
    expect(option.xAxis).toEqual(expect.objectContaining({ data: ['2025-W01', '2025-W02', '2025-W03'] }));
    expect(option.yAxis).toEqual([
      expect.objectContaining({ name: 'Dossiers', position: 'left' }),
      expect.objectContaining({ name: 'Transferts / dossier', position: 'right' }),
    ]);
    expect((option.series as Array<{ data: unknown[] }>).map((series) => series.data)).toEqual([
      [512, 600, '-'],
      ['-', '-', 122],
      [1.23, 1.5, 2.01],
    ]);

    expect(normalise(byTestId('weekly-chart')?.getAttribute('aria-label'))).toBe(
      'Graphique : dossiers et transferts moyens par semaine ISO, 3 semaines, 1 234 dossiers.',
    );
    expect(text('weekly-caption')).toContain('1 234 dossiers au total');
    expect(text('weekly-provisional-note')).toContain('semaines provisoires (2025-W03)');
    const lastRow = Array.from(element.querySelectorAll('[data-testid="weekly-table"] tbody tr')).pop();
    expect(Array.from(lastRow?.children ?? [], (cell) => normalise(cell.textContent))).toEqual([
      '2025-W03',
      '122',
      '2,01',
      'provisoire',
    ]);
  });

  it('does not show the provisional note when every week is final', async () => {
    await respond(SUMMARY, { weeks: WEEKLY.weeks.slice(0, 2) });

    expect(byTestId('weekly-chart')).not.toBeNull();
    expect(byTestId('weekly-provisional-note')).toBeNull();
  });

  it('says there is no data yet when nothing has been imported', async () => {
    await respond(EMPTY_SUMMARY, { weeks: [] });

    expect(text('overview-empty')).toBe('Aucune donnée pour l’instant — un import est peut-être en cours');
    expect(byTestId('weekly-chart')).toBeNull();
    expect(byTestId('kpi-cases')).toBeNull();
  });

  it('reports a failed request and retries both calls', async () => {
    backend.expectOne('/api/kpis/summary').flush(SUMMARY);
    backend.expectOne('/api/kpis/weekly').flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();

    expect(text('overview-error')).toContain('Impossible de charger les indicateurs.');
    element.querySelector<HTMLButtonElement>('[data-testid="overview-error"] button')?.click();
    TestBed.tick();

    await respond(SUMMARY, WEEKLY);
    expect(byTestId('overview-error')).toBeNull();
    expect(byTestId('weekly-chart')).not.toBeNull();
  });

  it('relabels figures and axes in English', async () => {
    await respond(SUMMARY, WEEKLY);

    TestBed.inject(I18nService).setLanguage('en');
    await fixture.whenStable();

    const chart = fixture.debugElement.query(By.directive(WeeklyChart)).componentInstance as WeeklyChart;
    expect(chart.option().yAxis).toEqual([
      expect.objectContaining({ name: 'Cases' }),
      expect.objectContaining({ name: 'Transfers / case' }),
    ]);
    expect(card('kpi-ping-pong')).toEqual(
      expect.objectContaining({ value: '12.5%', unit: 'of cases returned to a team they had already left' }),
    );
    expect(text('summary-caption')).toBe('Based on 1,234 cases.');
  });
});
