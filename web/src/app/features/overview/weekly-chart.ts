import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { WeeklyKpiPoint } from '@relais/contracts';
import { NgxEchartsDirective } from 'ngx-echarts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { buildWeeklyChartOption } from './weekly-chart-option';

@Component({
  selector: 'app-weekly-chart',
  imports: [NgxEchartsDirective, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './weekly-chart.html',
  styleUrl: './weekly-chart.css',
})
export class WeeklyChart {
  private readonly i18n = inject(I18nService);

  readonly weeks = input.required<readonly WeeklyKpiPoint[]>();

  protected readonly totalCases = computed(() =>
    this.i18n.formatNumber(this.weeks().reduce((sum, week) => sum + week.cases, 0)),
  );
  protected readonly provisionalWeeks = computed(() =>
    this.weeks()
      .filter((week) => week.provisional)
      .map((week) => week.week)
      .join(', '),
  );
  protected readonly rows = computed(() =>
    this.weeks().map((week) => ({
      week: week.week,
      cases: this.i18n.formatNumber(week.cases),
      transfersMean: this.i18n.formatNumber(week.transfersMean, 2),
      provisional: week.provisional,
    })),
  );
  readonly option = computed(() => {
    const t = (key: Parameters<I18nService['t']>[0]) => this.i18n.t(key);
    return buildWeeklyChartOption(
      this.weeks(),
      {
        axisCases: t('weekly.axisCases'),
        axisTransfers: t('weekly.axisTransfers'),
        seriesCases: t('weekly.seriesCases'),
        seriesProvisional: t('weekly.seriesProvisional'),
        seriesTransfers: t('weekly.seriesTransfers'),
      },
      (value, digits) => this.i18n.formatNumber(value, digits),
    );
  });
}
