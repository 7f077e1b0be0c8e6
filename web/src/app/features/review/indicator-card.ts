import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { KpiFilters, ReviewSeriesPoint, TargetStatus } from '@relais/contracts';
import { NgxEchartsDirective } from 'ngx-echarts';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { changeIsBetter, ReviewBasis, ReviewCard, ReviewCardKey } from './review-cards';
import { reviewFormat, shownChange } from './review-format';
import { buildSparklineOption } from './sparkline-option';
import { injectCanOpenCases } from './cases-access';
import { casesParams } from './worst-lists';

const LABELS: Record<ReviewCardKey, { label: MessageKey; unit: MessageKey }> = {
  transfersMean: { label: 'review.card.transfersMean', unit: 'review.unit.transfersMean' },
  repeatRate: { label: 'review.card.repeatRate', unit: 'review.unit.repeatRate' },
  stepDelay: { label: 'review.card.stepDelay', unit: 'review.unit.stepDelay' },
  csatShare: { label: 'review.card.csatShare', unit: 'review.unit.csatShare' },
};
const BASIS: Record<ReviewBasis, MessageKey> = {
  cases: 'review.basis.cases',
  answers: 'review.basis.answers',
  transitions: 'review.basis.transitions',
};

const STATUS: Record<TargetStatus | 'none', MessageKey> = {
  ok: 'review.status.ok',
  warning: 'review.status.warning',
  alert: 'review.status.alert',
  none: 'review.status.none',
};

/** One indicator of the reviewed week: value, status against the target, changes, 12-week sparkline. */
@Component({
  selector: 'app-indicator-card',
  imports: [NgxEchartsDirective, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './indicator-card.html',
  styleUrl: './indicator-card.css',
})
export class IndicatorCard {
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  readonly card = input.required<ReviewCard>();
  readonly repeatWindowDays = input.required<number>();
  readonly filters = input<KpiFilters>({});

  protected readonly canOpenCases = injectCanOpenCases();
  private readonly format = computed(() => reviewFormat(this.i18n.locale()));
  /** The reviewed week's cases: a keyboard path to what the sparkline's last dot opens. */
  protected readonly weekCases = computed(() => {
    const week = this.card().series.at(-1)?.week;
    return week ? casesParams(week, this.filters()) : null;
  });

  protected readonly view = computed(() => {
    const card = this.card();
    const format = this.format();
    const i18n = this.i18n;
    const better = (change: number | null) => {
      const verdict = changeIsBetter(shownChange(card.key, change), card.direction);
      return verdict === null ? 'same' : verdict ? 'better' : 'worse';
    };
    const verdict = (change: number | null) => {
      const trend = better(change);
      return trend === 'same' ? '' : i18n.t(trend === 'better' ? 'review.trend.better' : 'review.trend.worse');
    };
    const status = card.status ?? 'none';
    return {
      testId: `review-card-${card.key}`,
      label: i18n.t(LABELS[card.key].label),
      unit: i18n.t(LABELS[card.key].unit, { days: this.repeatWindowDays() }),
      value: format.value(card.key, card.value),
      basis: i18n.t(BASIS[card.basis], { count: i18n.formatNumber(card.count) }),
      status,
      statusLabel: i18n.t(STATUS[status]),
      target:
        card.target === null || card.alertLevel === null
          ? i18n.t('review.noTarget')
          : i18n.t(card.direction === 'lower' ? 'review.targetLower' : 'review.targetHigher', {
              target: format.value(card.key, card.target),
              alert: format.value(card.key, card.alertLevel),
            }),
      previous: {
        text: i18n.t('review.vsPrevious', {
          change: format.change(card.key, card.previous.change),
          week: card.previous.week ?? '–',
        }),
        trend: better(card.previous.change),
        verdict: verdict(card.previous.change),
      },
      average: {
        text: i18n.t('review.vsAverage', {
          change: format.change(card.key, card.fourWeekAverage.change),
          weeks: card.fourWeekAverage.weeks,
        }),
        trend: better(card.fourWeekAverage.change),
        verdict: verdict(card.fourWeekAverage.change),
      },
      provisional: card.provisional,
      sparklineLabel: i18n.t('review.sparklineLabel', {
        indicator: i18n.t(LABELS[card.key].label),
        weeks: card.series.length,
      }),
    };
  });

  readonly option = computed(() => {
    const card = this.card();
    const format = this.format();
    return buildSparklineOption(
      card.series,
      card.target,
      (value) => format.value(card.key, value),
      (point: ReviewSeriesPoint) =>
        this.i18n.t(BASIS[card.basis], { count: this.i18n.formatNumber(point.cases) }) +
        (point.provisional ? ` · ${this.i18n.t('review.provisional')}` : ''),
    );
  });

  /** A sparkline dot opens the cases of its week (the cases page reads `week`). */
  protected openWeek(event: { dataIndex?: number }): void {
    const point = event.dataIndex === undefined ? undefined : this.card().series[event.dataIndex];
    if (point && this.canOpenCases())
      void this.router.navigate(['/cases'], { queryParams: casesParams(point.week, this.filters()) });
  }
}
