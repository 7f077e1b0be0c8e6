import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { KpiSummary, WeeklyKpiPoint } from '@relais/contracts';
import { KpiApiService } from '../../core/api/kpi-api.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { SummaryCards } from './summary-cards';
import { WeeklyChart } from './weekly-chart';

type OverviewView =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'empty' }
  | { state: 'ready'; summary: KpiSummary; weeks: readonly WeeklyKpiPoint[] };

@Component({
  selector: 'app-overview-page',
  imports: [SummaryCards, WeeklyChart, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.css',
})
export class OverviewPage {
  private readonly api = inject(KpiApiService);

  private readonly summary = rxResource({ stream: () => this.api.summary() });
  private readonly weekly = rxResource({ stream: () => this.api.weekly() });

  protected readonly view = computed<OverviewView>(() => {
    if (this.summary.error() || this.weekly.error()) {
      return { state: 'error' };
    }
    if (!this.summary.hasValue() || !this.weekly.hasValue()) {
      return { state: 'loading' };
    }
    const summary = this.summary.value();
    const weeks = this.weekly.value().weeks;
    return summary.cases === 0 && weeks.length === 0 ? { state: 'empty' } : { state: 'ready', summary, weeks };
  });

  protected retry(): void {
    this.summary.reload();
    this.weekly.reload();
  }
}
