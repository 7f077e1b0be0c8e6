import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { KpiFilters, TransitionDelaysResponse, WeeklyReview } from '@relais/contracts';
import { forkJoin, map, of } from 'rxjs';
import { KpiApiService } from '../../core/api/kpi-api.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { reviewWeek } from './default-week';
import { injectCanOpenCases } from './cases-access';
import { IndicatorCard } from './indicator-card';
import { isoWeekLabel, isoWeekStart, localToday, shiftWeeks } from './iso-week';
import { ReviewApiService } from './review-api.service';
import { ReviewCard, reviewCards, stepDelayCard } from './review-cards';
import { WorstLists } from './worst-lists-view';
import { WorstGroup, worstGroups, WorstTransition, worstTransitions } from './worst-lists';

/** Weeks of the sparklines, as in the API's review (REVIEW_SERIES_WEEKS). */
const SERIES_WEEKS = 12;

type ReviewView =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'empty' }
  | {
      state: 'ready';
      review: WeeklyReview;
      week: string;
      cards: ReviewCard[];
      teams: WorstGroup[];
      categories: WorstGroup[];
      transitions: WorstTransition[];
    };

/** The weekly review for the quality meeting: the four indicators of one ISO week, what went worst, export, print. */
@Component({
  selector: 'app-review-page',
  imports: [IndicatorCard, WorstLists, MatFormFieldModule, MatSelectModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-page.html',
  styleUrl: './review-page.css',
})
export class ReviewPage {
  private readonly kpis = inject(KpiApiService);
  private readonly api = inject(ReviewApiService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);

  /** The review is organisation-wide; kept as a value so links to the cases carry filters once the page has some. */
  protected readonly filters: KpiFilters = {};
  protected readonly canOpenCases = injectCanOpenCases();

  private readonly askedWeek = toSignal(this.route.queryParamMap.pipe(map((params) => params.get('week'))), {
    initialValue: null,
  });
  private readonly weekly = rxResource({ stream: () => this.kpis.weekly() });

  /** The reviewed week: the URL's, else the latest complete week with cases; undefined until the weeks are known. */
  protected readonly week = computed(() =>
    this.weekly.hasValue() ? reviewWeek(this.askedWeek(), this.weekly.value().weeks, localToday()) : undefined,
  );

  private readonly review = rxResource({
    params: () => this.week() ?? undefined,
    stream: ({ params: week }) => this.api.review({ ...this.filters, week }),
  });
  /** One transitions call per sparkline week: the API has no weekly series of the delay between steps. */
  private readonly delays = rxResource({
    params: () => this.week() ?? undefined,
    stream: ({ params: week }) => {
      const start = isoWeekStart(week) as string;
      const calls = Array.from({ length: SERIES_WEEKS }, (_, i) => {
        const from = shiftWeeks(start, i - SERIES_WEEKS + 1);
        return this.api.transitions({ ...this.filters, from, to: shiftWeeks(from, 1) });
      });
      return calls.length ? forkJoin(calls) : of([] as TransitionDelaysResponse[]);
    },
  });
  private readonly teams = rxResource({
    params: () => this.week() ?? undefined,
    stream: ({ params: week }) => this.api.breakdown('team', this.weekFilters(week)),
  });
  private readonly categories = rxResource({
    params: () => this.week() ?? undefined,
    stream: ({ params: week }) => this.api.breakdown('category', this.weekFilters(week)),
  });

  /** Weeks to pick from, newest first: the weeks with cases, plus the URL's week when it has none. */
  protected readonly weekOptions = computed(() => {
    const weeks = this.weekly.hasValue() ? this.weekly.value().weeks.map((w) => w.week) : [];
    const current = this.week();
    const all = current && !weeks.includes(current) ? [...weeks, current].sort() : weeks;
    return [...all].reverse().map((week) => ({ week, label: this.weekLabel(week) }));
  });

  protected readonly neighbours = computed(() => {
    const options = this.weekOptions();
    const index = options.findIndex((option) => option.week === this.week());
    return {
      newer: index > 0 ? options[index - 1].week : null,
      older: index >= 0 && index < options.length - 1 ? options[index + 1].week : null,
    };
  });

  protected readonly view = computed<ReviewView>(() => {
    const resources = [this.weekly, this.review, this.delays, this.teams, this.categories];
    if (resources.some((resource) => resource.error())) return { state: 'error' };
    if (this.weekly.hasValue() && this.week() === null) return { state: 'empty' };
    const week = this.week();
    if (
      !week ||
      !this.review.hasValue() ||
      !this.delays.hasValue() ||
      !this.teams.hasValue() ||
      !this.categories.hasValue()
    ) {
      return { state: 'loading' };
    }
    const review = this.review.value();
    const delays = this.delays.value();
    const reference = review.indicators[0]?.series ?? [];
    const start = isoWeekStart(week) as string;
    const sparklineWeeks = Array.from({ length: SERIES_WEEKS }, (_, i) => {
      const weekStart = shiftWeeks(start, i - SERIES_WEEKS + 1);
      const label = isoWeekLabel(weekStart);
      return {
        week: label,
        start: weekStart,
        provisional: reference.find((p) => p.week === label)?.provisional ?? false,
      };
    });
    return {
      state: 'ready',
      review,
      week,
      cards: reviewCards(review, stepDelayCard(sparklineWeeks, delays)),
      teams: worstGroups(this.teams.value().groups, 'transfersMean', 'team', week, this.filters),
      categories: worstGroups(this.categories.value().groups, 'repeatRate', 'category', week, this.filters),
      transitions: worstTransitions(delays.at(-1)?.bottlenecks.byP90 ?? [], week, this.filters),
    };
  });

  protected readonly summary = computed(() => {
    const current = this.view();
    if (current.state !== 'ready') return '';
    return this.i18n.t('review.summary', {
      week: current.week,
      cases: this.i18n.formatNumber(current.review.cases),
      surveys: this.i18n.formatNumber(current.review.surveys),
    });
  });

  protected selectWeek(week: string | null): void {
    if (week)
      void this.router.navigate([], { relativeTo: this.route, queryParams: { week }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    for (const resource of [this.weekly, this.review, this.delays, this.teams, this.categories]) {
      if (resource.error()) resource.reload();
    }
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  /** The CSV code (csv-stringify) is fetched on the first export only. */
  protected async exportCsv(): Promise<void> {
    const current = this.view();
    if (current.state !== 'ready') return;
    const { reviewCsv, reviewCsvFileName } = await import('./review-csv');
    const csv = reviewCsv({
      week: current.week,
      cards: current.cards,
      indicators: current.review.indicators,
      teams: current.teams,
      categories: current.categories,
      transitions: current.transitions,
    });
    // The BOM lets spreadsheet programs read UTF-8 team and step names correctly.
    const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = reviewCsvFileName(current.week);
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  private weekFilters(week: string): KpiFilters {
    const from = isoWeekStart(week) as string;
    return { ...this.filters, from, to: shiftWeeks(from, 1) };
  }

  /** "2026-W47 (16 nov. – 22 nov.)" in the user's language. */
  private weekLabel(week: string): string {
    const start = isoWeekStart(week);
    if (!start) return week;
    const format = new Intl.DateTimeFormat(this.i18n.locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const monday = Date.parse(`${start}T00:00:00Z`);
    const sunday = monday + 6 * 86_400_000;
    return this.i18n.t('review.weekOption', { week, start: format.format(monday), end: format.format(sunday) });
  }
}
