import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { StepDurationsResponse } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { BottleneckChart } from './bottleneck-chart';
import { buildStepTeamOption, stepTeamAxes } from './step-team-option';

/** Time per step per team holding the case (GET /api/kpis/steps, byTeam). */
@Component({
  selector: 'app-steps-section',
  imports: [BottleneckChart, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">{{ 'bottlenecks.stepsHeading' | t }}</h2>
      <p class="caption" data-testid="steps-caption">{{ 'bottlenecks.stepsCaption' | t: counts() }}</p>
      @if (rows().length === 0) {
        <p class="none">{{ 'bottlenecks.none' | t }}</p>
      } @else {
        <app-bottleneck-chart
          testId="steps-heatmap"
          [height]="height()"
          [option]="option()"
          [label]="'bottlenecks.stepsLabel' | t: counts()"
        />
        <p class="note">{{ 'bottlenecks.stepsNoDrill' | t }}</p>
        <details>
          <summary>{{ 'bottlenecks.showData' | t }}</summary>
          <div class="table-scroll">
            <table class="data" data-testid="steps-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'bottlenecks.colStep' | t }}</th>
                  <th scope="col">{{ 'bottlenecks.colTeam' | t }}</th>
                  <th scope="col">{{ 'bottlenecks.colCount' | t }}</th>
                  <th scope="col">{{ 'bottlenecks.colMedian' | t }}</th>
                  <th scope="col">{{ 'bottlenecks.colP90' | t }}</th>
                  <th scope="col">{{ 'bottlenecks.colTotal' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of rows(); track $index) {
                  <tr>
                    <th scope="row">{{ row.step }}</th>
                    <td>{{ row.team }}</td>
                    <td>{{ row.count }}</td>
                    <td>{{ row.median }}</td>
                    <td>{{ row.p90 }}</td>
                    <td>{{ row.total }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </details>
      }
    </section>
  `,
  styleUrl: './bottleneck-section.css',
})
export class StepsSection {
  private readonly i18n = inject(I18nService);

  readonly durations = input.required<StepDurationsResponse>();
  readonly cases = input.required<number>();

  protected readonly counts = computed(() => ({
    count: this.i18n.formatNumber(this.durations().steps.reduce((sum, row) => sum + row.count, 0)),
    cases: this.i18n.formatNumber(this.cases()),
  }));
  protected readonly rows = computed(() =>
    this.durations().byTeam.map((row) => ({
      step: row.step,
      team: row.team ?? this.i18n.t('bottlenecks.noTeam'),
      count: this.i18n.formatNumber(row.count),
      median: this.i18n.formatNumber(row.medianHours, 1),
      p90: this.i18n.formatNumber(row.p90Hours, 1),
      total: this.i18n.formatNumber(row.totalHours, 0),
    })),
  );
  protected readonly height = computed(
    () => `${Math.max(14, 8 + stepTeamAxes(this.durations().byTeam).steps.length * 2.25)}rem`,
  );
  protected readonly option = computed(() =>
    buildStepTeamOption(
      this.durations().byTeam,
      {
        axisStep: this.i18n.t('bottlenecks.axisStep'),
        axisTeam: this.i18n.t('bottlenecks.axisTeam'),
        noTeam: this.i18n.t('bottlenecks.noTeam'),
        tooltip: (step, team, median, count, p90) =>
          this.i18n.t('bottlenecks.stepsTooltip', { step, team, median, count, p90 }),
      },
      (value, digits) => this.i18n.formatNumber(value, digits),
    ),
  );
}
