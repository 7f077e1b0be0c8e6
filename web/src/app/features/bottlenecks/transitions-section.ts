import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TransitionDelaysResponse } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { casesLinkParams, CaseFilters, pairLabel, pairParam } from '../cases/case-filters';
import { BottleneckChart } from './bottleneck-chart';
import { buildTransitionRankingOption, TransitionMeasure } from './transition-ranking-option';

/** Transitions ranked by p90 and by total hours (KPI-DEFINITIONS §5), each bar a way to the cases that took it. */
@Component({
  selector: 'app-transitions-section',
  imports: [BottleneckChart, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './transitions-section.html',
  styleUrl: './bottleneck-section.css',
})
export class TransitionsSection {
  private readonly i18n = inject(I18nService);

  readonly delays = input.required<TransitionDelaysResponse>();
  readonly cases = input.required<number>();
  readonly canDrill = input(false);
  readonly baseFilters = input<CaseFilters>({});

  protected readonly counts = computed(() => ({
    count: this.i18n.formatNumber(this.delays().transitions.reduce((sum, row) => sum + row.count, 0)),
    cases: this.i18n.formatNumber(this.cases()),
  }));
  protected readonly byP90 = computed(() => this.option('p90Hours', 'bottlenecks.axisP90'));
  protected readonly byTotal = computed(() => this.option('totalHours', 'bottlenecks.axisTotal'));
  protected readonly rows = computed(() =>
    this.delays().bottlenecks.byP90.map((row) => ({
      label: pairLabel(pairParam(row.from, row.to)),
      params: casesLinkParams(this.baseFilters(), { transition: pairParam(row.from, row.to) }),
      count: this.i18n.formatNumber(row.count),
      median: this.i18n.formatNumber(row.medianHours, 1),
      p90: this.i18n.formatNumber(row.p90Hours, 1),
      total: this.i18n.formatNumber(row.totalHours, 0),
    })),
  );
  /** Sized to the bars shown (at most 10). */
  protected readonly height = computed(
    () => `${Math.max(10, 4 + Math.min(10, this.delays().bottlenecks.byP90.length) * 2)}rem`,
  );

  private option(measure: TransitionMeasure, axis: MessageKey) {
    const ranked = measure === 'p90Hours' ? this.delays().bottlenecks.byP90 : this.delays().bottlenecks.byTotalHours;
    return buildTransitionRankingOption(
      ranked,
      measure,
      {
        axis: this.i18n.t(axis),
        tooltip: (transition, value, count, median) =>
          this.i18n.t('bottlenecks.transitionTooltip', { transition, value, count, median }),
      },
      (value, digits) => this.i18n.formatNumber(value, digits),
    );
  }
}
