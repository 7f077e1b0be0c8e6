import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { CaseFilters } from '../cases/case-filters';
import { BottleneckChart } from './bottleneck-chart';
import { buildSatisfactionOption, SatisfactionRow } from './satisfaction-option';

/** One satisfaction view: CSAT % with its Wilson interval per group, and the table with "not enough answers". */
@Component({
  selector: 'app-satisfaction-chart',
  imports: [BottleneckChart, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>{{ title() }}</h3>
    <p class="caption" [attr.data-testid]="testId() + '-caption'">
      {{ 'bottlenecks.satisfactionCount' | t: { responses: responses() } }}
    </p>
    <div class="pair">
      <app-bottleneck-chart
        [testId]="testId()"
        [height]="height()"
        [option]="option()"
        [label]="'bottlenecks.satisfactionLabel' | t: { title: title(), responses: responses() }"
        [canDrill]="canDrill()"
        [baseFilters]="baseFilters()"
      />
      <div class="table-scroll">
        <table class="data" [attr.data-testid]="testId() + '-table'">
          <thead>
            <tr>
              <th scope="col">{{ 'bottlenecks.colGroup' | t }}</th>
              <th scope="col">{{ 'bottlenecks.colResponses' | t }}</th>
              <th scope="col">{{ 'bottlenecks.colShare' | t }}</th>
              <th scope="col">{{ 'bottlenecks.colInterval' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of tableRows(); track row.label) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                <td>{{ row.responses }}</td>
                @if (row.share === null) {
                  <td colspan="2" class="muted">{{ 'bottlenecks.notEnough' | t }}</td>
                } @else {
                  <td>{{ row.share }}</td>
                  <td>{{ row.interval }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </div>
  `,
  styleUrl: './bottleneck-section.css',
  styles: `
    :host {
      display: block;
    }
  `,
})
export class SatisfactionChart {
  private readonly i18n = inject(I18nService);

  readonly rows = input.required<readonly SatisfactionRow[]>();
  readonly title = input.required<string>();
  readonly testId = input.required<string>();
  readonly canDrill = input(false);
  readonly baseFilters = input<CaseFilters>({});

  protected readonly responses = computed(() =>
    this.i18n.formatNumber(this.rows().reduce((sum, row) => sum + row.responses, 0)),
  );
  protected readonly height = computed(() => `${Math.max(11, 6 + this.rows().length * 2.25)}rem`);
  protected readonly tableRows = computed(() =>
    this.rows().map((row) => ({
      label: row.label,
      responses: this.i18n.formatNumber(row.responses),
      share: row.csatShare === null ? null : this.i18n.formatPercent(row.csatShare),
      interval: row.csatInterval
        ? `${this.i18n.formatPercent(row.csatInterval.low)} – ${this.i18n.formatPercent(row.csatInterval.high)}`
        : '',
    })),
  );
  protected readonly option = computed(() =>
    buildSatisfactionOption(
      this.rows(),
      {
        axis: this.i18n.t('bottlenecks.satisfactionAxis'),
        category: (label, responses, enough) =>
          this.i18n.t(enough ? 'bottlenecks.satisfactionCategory' : 'bottlenecks.satisfactionCategoryFew', {
            label,
            responses,
          }),
        seriesShare: this.i18n.t('bottlenecks.satisfactionShare'),
        seriesInterval: this.i18n.t('bottlenecks.satisfactionInterval'),
        tooltip: (row) =>
          row.csatShare === null || row.csatInterval === null
            ? `${row.label} : ${this.i18n.t('bottlenecks.notEnough')}`
            : this.i18n.t('bottlenecks.satisfactionTooltip', {
                label: row.label,
                share: this.i18n.formatPercent(row.csatShare),
                low: this.i18n.formatPercent(row.csatInterval.low),
                high: this.i18n.formatPercent(row.csatInterval.high),
                responses: this.i18n.formatNumber(row.responses),
              }),
      },
      (value, digits) => this.i18n.formatNumber(value, digits),
    ),
  );
}
