import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { NgxEchartsDirective } from 'ngx-echarts';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { injectCanOpenCases } from '../review/cases-access';
import { casesParams } from '../review/worst-lists';
import { buildTrendOption, clickedWeek, TrendTarget } from './trend-chart-option';
import { TrendFilters } from './trend-filters';
import { basisOf, TrendIndicator, TrendPoint } from './trend-series';

const TITLES: Record<TrendIndicator, MessageKey> = {
  transfersMean: 'trends.chart.transfersMean',
  pingPongShare: 'trends.chart.pingPongShare',
  repeatRate: 'trends.chart.repeatRate',
  csatShare: 'trends.chart.csatShare',
};

/** One indicator's 52 weeks with its target band; a click on a week opens its cases with the page's filters. */
@Component({
  selector: 'app-trend-chart',
  imports: [NgxEchartsDirective, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let v = view();
    <figure [attr.aria-labelledby]="'trend-title-' + indicator()" [attr.data-testid]="'trend-' + indicator()">
      <figcaption>
        <h2 [id]="'trend-title-' + indicator()">{{ v.title }}</h2>
        <p class="caption">
          {{ v.caption }}
          @if (canOpenCases()) {
            {{ 'trends.clickHint' | t }}
          }
        </p>
      </figcaption>
      <div
        echarts
        class="chart"
        [class.clickable]="canOpenCases()"
        data-testid="trend-chart"
        role="img"
        [attr.aria-label]="v.label"
        [options]="option()"
        (chartClick)="open($event)"
      ></div>
      <p class="note">
        @if (v.targetNote) {
          {{ v.targetNote }}
        }
        {{ (v.hasYearBefore ? 'trends.yearBeforeNote' : 'trends.noYearBefore') | t }}
      </p>
    </figure>
  `,
  styles: `
    figure {
      margin: 0;
    }
    h2 {
      margin: 0;
      font-size: 1.05rem;
    }
    .caption,
    .note {
      margin: 0.2rem 0 0.5rem;
      color: var(--text-muted);
      font-size: 0.85rem;
    }
    .chart {
      height: 16rem;
    }
    .chart.clickable {
      cursor: pointer;
    }
    @media print {
      figure {
        break-inside: avoid;
      }
    }
  `,
})
export class TrendChart {
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  readonly indicator = input.required<TrendIndicator>();
  readonly points = input.required<readonly TrendPoint[]>();
  readonly target = input<TrendTarget | null>(null);
  readonly filters = input<TrendFilters>({});

  protected readonly canOpenCases = injectCanOpenCases();
  private readonly isShare = computed(() => this.indicator() !== 'transfersMean');

  private formatValue(value: number): string {
    return this.isShare() ? this.i18n.formatPercent(value) : this.i18n.formatNumber(value, 2);
  }

  private basis(count: number): string {
    const key = basisOf(this.indicator()) === 'answers' ? 'trends.basisAnswers' : 'trends.basisCases';
    return this.i18n.t(key, { count: this.i18n.formatNumber(count) });
  }

  private readonly unit = computed(() => {
    if (!this.isShare()) return this.i18n.t('trends.axis.transfersMean');
    return this.i18n.t(basisOf(this.indicator()) === 'answers' ? 'trends.axis.answers' : 'trends.axis.cases');
  });

  protected readonly view = computed(() => {
    const points = this.points();
    const title = this.i18n.t(TITLES[this.indicator()]);
    const total = this.basis(points.reduce((sum, point) => sum + point.basis, 0));
    const target = this.target();
    return {
      title,
      caption: this.i18n.t('trends.chartCaption', { unit: this.unit(), basis: total }),
      label: this.i18n.t('trends.chartLabel', { indicator: title, weeks: points.length, cases: total }),
      targetNote: target
        ? this.i18n.t('trends.targetNote', {
            target: this.formatValue(target.target),
            alert: this.formatValue(target.alertLevel),
          })
        : '',
      hasYearBefore: points.some((point) => point.yearBefore?.value != null),
    };
  });

  readonly option = computed(() =>
    buildTrendOption(
      this.points(),
      this.target(),
      {
        axis: this.unit(),
        current: this.i18n.t('trends.series.current'),
        yearBefore: this.i18n.t('trends.series.yearBefore'),
        target: this.i18n.t('trends.target'),
        alert: this.i18n.t('trends.alert'),
        band: this.i18n.t('trends.band'),
        provisional: this.i18n.t('trends.provisional'),
        basis: (count) => this.basis(count),
      },
      (value) => this.formatValue(value),
    ),
  );

  protected open(event: { seriesId?: string; dataIndex?: number; value?: unknown; componentType?: string }): void {
    const week = clickedWeek(this.points(), event);
    if (week && this.canOpenCases())
      void this.router.navigate(['/cases'], { queryParams: casesParams(week, this.filters()) });
  }
}
