import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { NgxEchartsDirective } from 'ngx-echarts';
import { casesLinkParams, CaseFilters } from '../cases/case-filters';
import { BottleneckChartOption, drillOf } from './bottleneck-chart-option';

/**
 * One ECharts canvas of the page. A click on a mark that carries a drill-down filter opens `/cases` with the page's
 * filters plus that one; viewers (no access to cases) get a chart that ignores clicks.
 */
@Component({
  selector: 'app-bottleneck-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      echarts
      class="chart"
      role="img"
      [class.drillable]="canDrill()"
      [style.height]="height()"
      [attr.data-testid]="testId()"
      [attr.aria-label]="label()"
      [options]="option()"
      (chartClick)="open($event)"
    ></div>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
    }
    @media print {
      .chart {
        break-inside: avoid;
      }
    }
  `,
})
export class BottleneckChart {
  private readonly router = inject(Router);

  readonly option = input.required<BottleneckChartOption>();
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly height = input('22rem');
  readonly canDrill = input(false);
  /** The page's own filters, kept on the way to the cases. */
  readonly baseFilters = input<CaseFilters>({});

  protected open(event: { data?: unknown }): void {
    const drill = drillOf(event);
    if (!this.canDrill() || !drill) return;
    void this.router.navigate(['/cases'], { queryParams: casesLinkParams(this.baseFilters(), drill) });
  }
}
