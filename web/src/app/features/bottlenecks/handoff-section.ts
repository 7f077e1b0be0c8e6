import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { HandoffEdge } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { casesLinkParams, CaseFilters, pairParam } from '../cases/case-filters';
import { BottleneckChart } from './bottleneck-chart';
import { buildHandoffFlowOption } from './handoff-flow-option';
import { buildHandoffMatrixOption, handoffMatrix } from './handoff-matrix-option';

/** The handoff flow (Sankey) and matrix (heatmap and its table, the keyboard way to the cases). */
@Component({
  selector: 'app-handoff-section',
  imports: [BottleneckChart, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './handoff-section.html',
  styleUrl: './bottleneck-section.css',
})
export class HandoffSection {
  private readonly i18n = inject(I18nService);

  readonly edges = input.required<readonly HandoffEdge[]>();
  readonly cases = input.required<number>();
  readonly canDrill = input(false);
  readonly baseFilters = input<CaseFilters>({});

  protected readonly matrix = computed(() => handoffMatrix(this.edges()));
  protected readonly counts = computed(() => ({
    transfers: this.i18n.formatNumber(this.matrix().total),
    cases: this.i18n.formatNumber(this.cases()),
  }));
  protected readonly flowOption = computed(() =>
    buildHandoffFlowOption(
      this.edges(),
      {
        edge: (from, to, transfers, hours) => this.i18n.t('bottlenecks.flowEdge', { from, to, transfers, hours }),
        node: (team, transfers, side) =>
          this.i18n.t(side === 'from' ? 'bottlenecks.flowNodeFrom' : 'bottlenecks.flowNodeTo', { team, transfers }),
      },
      (value, digits) => this.i18n.formatNumber(value, digits),
    ),
  );
  protected readonly matrixOption = computed(() =>
    buildHandoffMatrixOption(
      this.matrix(),
      {
        axisFrom: this.i18n.t('bottlenecks.matrixAxisFrom'),
        axisTo: this.i18n.t('bottlenecks.matrixAxisTo'),
        cell: (from, to, transfers, hours) => this.i18n.t('bottlenecks.matrixCell', { from, to, transfers, hours }),
      },
      (value, digits) => this.i18n.formatNumber(value, digits),
    ),
  );
  /** Room for every team row of the heatmap. */
  protected readonly matrixHeight = computed(() => `${Math.max(16, 8 + this.matrix().teams.length * 2.5)}rem`);

  protected format(value: number): string {
    return this.i18n.formatNumber(value);
  }

  protected cellParams(from: string, to: string) {
    return casesLinkParams(this.baseFilters(), { handoff: pairParam(from, to) });
  }
}
