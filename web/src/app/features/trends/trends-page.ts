import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { BreakdownDimension } from '@relais/contracts';
import { forkJoin, map, Observable } from 'rxjs';
import { KpiApiService } from '../../core/api/kpi-api.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ReviewApiService } from '../review/review-api.service';
import { TrendTarget } from './trend-chart-option';
import { TrendChart } from './trend-chart';
import { filtersFromParams, filtersToParams, TREND_FILTER_KEYS, TrendFilterKey, TrendFilters } from './trend-filters';
import { TREND_INDICATORS, TrendIndicator, trendPoints, TrendPoint } from './trend-series';

const FILTER_LABELS: Record<TrendFilterKey, MessageKey> = {
  team: 'trends.team',
  channel: 'trends.channel',
  category: 'trends.category',
  source: 'trends.source',
};

type TrendsView =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'empty' }
  | {
      state: 'ready';
      first: string;
      last: string;
      cases: number;
      charts: Array<{ indicator: TrendIndicator; points: TrendPoint[]; target: TrendTarget | null }>;
    };

/** 52 weeks per indicator against its target band, with the same weeks a year earlier, under the URL's filters. */
@Component({
  selector: 'app-trends-page',
  imports: [TrendChart, MatFormFieldModule, MatSelectModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trends-page.html',
  styleUrl: './trends-page.css',
})
export class TrendsPage {
  private readonly kpis = inject(KpiApiService);
  private readonly api = inject(ReviewApiService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly filterKeys = TREND_FILTER_KEYS;
  protected readonly filterLabels = FILTER_LABELS;

  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFromParams)), {
    initialValue: {} as TrendFilters,
  });

  private readonly weekly = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.kpis.weekly(params),
  });
  /**
   * Targets come with the review (viewer): GET /api/targets is for admins (API-CONTRACT "Auth"). Targets do not
   * depend on filters, so the review is asked once, unfiltered.
   */
  private readonly targets = rxResource({
    stream: () =>
      this.api
        .review()
        .pipe(
          map(
            (review) =>
              Object.fromEntries(
                review.indicators.map(({ indicator, target, alertLevel, direction }) => [
                  indicator,
                  { target, alertLevel, direction } satisfies TrendTarget,
                ]),
              ) as Partial<Record<string, TrendTarget>>,
          ),
        ),
  });
  /** Options from the data: every value of each dimension, whatever the other filters. */
  private readonly options = rxResource({
    stream: () =>
      forkJoin({
        team: this.keysOf('team'),
        channel: this.keysOf('channel'),
        category: this.keysOf('category'),
        source: this.keysOf('source'),
      } satisfies Record<TrendFilterKey, Observable<string[]>>),
  });

  protected readonly filterOptions = computed(() => (this.options.hasValue() ? this.options.value() : null));
  protected readonly hasFilters = computed(() => Object.keys(this.filters()).length > 0);

  protected readonly view = computed<TrendsView>(() => {
    if (this.weekly.error() || this.targets.error() || this.options.error()) return { state: 'error' };
    if (!this.weekly.hasValue() || !this.targets.hasValue()) return { state: 'loading' };
    const weeks = this.weekly.value().weeks;
    if (weeks.length === 0) return { state: 'empty' };
    const targets = this.targets.value();
    const charts = TREND_INDICATORS.map((indicator) => ({
      indicator,
      points: trendPoints(weeks, indicator),
      target: targets[indicator] ?? null,
    }));
    const points = charts[0].points;
    return {
      state: 'ready',
      first: points[0].week,
      last: points[points.length - 1].week,
      cases: points.reduce((sum, point) => sum + point.basis, 0),
      charts,
    };
  });

  protected readonly caption = computed(() => {
    const current = this.view();
    return current.state === 'ready'
      ? this.i18n.t('trends.caption', {
          weeks: current.charts[0].points.length,
          last: current.last,
          cases: this.i18n.formatNumber(current.cases),
        })
      : '';
  });

  protected setFilter(key: TrendFilterKey, value: string | null): void {
    this.navigate({ ...this.filters(), [key]: value ?? undefined });
  }

  protected resetFilters(): void {
    this.navigate({});
  }

  protected retry(): void {
    for (const resource of [this.weekly, this.targets, this.options]) {
      if (resource.error()) resource.reload();
    }
  }

  private keysOf(by: BreakdownDimension): Observable<string[]> {
    return this.api
      .breakdown(by)
      .pipe(
        map((response) =>
          response.groups
            .flatMap((group) => (group.key === null ? [] : [group.key]))
            .sort((a, b) => a.localeCompare(b)),
        ),
      );
  }

  private navigate(filters: TrendFilters): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: filtersToParams(filters),
      queryParamsHandling: 'merge',
    });
  }
}
