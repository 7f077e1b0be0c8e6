import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { SatisfactionReport } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { CaseFilters } from '../cases/case-filters';
import { SatisfactionChart } from './satisfaction-chart';
import { satisfactionRows } from './satisfaction-rows';

/** KPI-DEFINITIONS §6: per step, and the seam view (by transfers, with or without a repeat contact). */
@Component({
  selector: 'app-satisfaction-section',
  imports: [SatisfactionChart, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="satisfaction-heading">
      <h2 id="satisfaction-heading">{{ 'bottlenecks.satisfactionHeading' | t }}</h2>
      <p class="caption">{{ 'bottlenecks.satisfactionCaption' | t }}</p>
      <div class="stack">
        <app-satisfaction-chart
          testId="satisfaction-step"
          [title]="'bottlenecks.satisfactionByStep' | t"
          [rows]="rows().byStep"
        />
        <app-satisfaction-chart
          testId="satisfaction-transfers"
          [title]="'bottlenecks.satisfactionByTransfers' | t"
          [rows]="rows().byTransfers"
          [canDrill]="canDrill()"
          [baseFilters]="baseFilters()"
        />
        <app-satisfaction-chart
          testId="satisfaction-repeat"
          [title]="'bottlenecks.satisfactionByRepeat' | t: { days: report().repeatWindowDays }"
          [rows]="rows().byRepeat"
          [canDrill]="canDrill()"
          [baseFilters]="baseFilters()"
        />
      </div>
    </section>
  `,
  styleUrl: './bottleneck-section.css',
})
export class SatisfactionSection {
  private readonly i18n = inject(I18nService);

  readonly report = input.required<SatisfactionReport>();
  readonly canDrill = input(false);
  readonly baseFilters = input<CaseFilters>({});

  protected readonly rows = computed(() =>
    satisfactionRows(this.report(), {
      transfers: (bucket) => this.i18n.t('bottlenecks.transfersBucket', { bucket }),
      repeated: this.i18n.t('bottlenecks.repeated'),
      notRepeated: this.i18n.t('bottlenecks.notRepeated'),
    }),
  );
}
