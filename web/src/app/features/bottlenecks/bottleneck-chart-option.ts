import type { BarSeriesOption, HeatmapSeriesOption, SankeySeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { CaseFilters } from '../cases/case-filters';

/** Options of the bottlenecks charts (registered in core/charts/echarts.ts); type-only. */
export type BottleneckChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | SankeySeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** Carried by every clickable mark: the `/cases` filter of the cases behind it. */
export interface Drillable {
  drill?: CaseFilters;
}

export type FormatNumber = (value: number, maximumFractionDigits: number) => string;

/** The drill-down filter of a clicked mark, if it has one (ECharts passes the data item as given). */
export function drillOf(event: { data?: unknown }): CaseFilters | null {
  const data = event.data as Drillable | undefined;
  return data && typeof data === 'object' && data.drill ? data.drill : null;
}

export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
