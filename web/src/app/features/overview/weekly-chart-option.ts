import { WeeklyKpiPoint } from '@relais/contracts';
import type { ChartOption } from '../../core/charts/chart-option';

export interface WeeklyChartLabels {
  axisCases: string;
  axisTransfers: string;
  seriesCases: string;
  seriesProvisional: string;
  seriesTransfers: string;
}

/** Colour-blind-safe pair (blue / orange); provisional bars are the same blue, lighter and dashed. */
export const WEEKLY_CHART_COLORS = {
  cases: '#2f5d8a',
  provisional: '#b5cbe0',
  transfers: '#c0561b',
} as const;

/** ECharts' marker for "no value": keeps the slot so both bar series share one bar per week. */
const NO_VALUE = '-';

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Bars: cases per ISO week (left axis), split in two stacked series so provisional weeks get their own colour
 * and legend entry. Line: mean transfers per case (right axis).
 */
export function buildWeeklyChartOption(
  weeks: readonly WeeklyKpiPoint[],
  labels: WeeklyChartLabels,
  formatNumber: (value: number, maximumFractionDigits: number) => string,
): ChartOption {
  const hasProvisional = weeks.some((week) => week.provisional);
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? formatNumber(value, 2) : '–'),
    },
    legend: {
      top: 0,
      data: hasProvisional
        ? [labels.seriesCases, labels.seriesProvisional, labels.seriesTransfers]
        : [labels.seriesCases, labels.seriesTransfers],
    },
    grid: { left: 64, right: 72, top: 72, bottom: 40 },
    xAxis: {
      type: 'category',
      data: weeks.map((week) => week.week),
      axisLabel: { hideOverlap: true },
    },
    yAxis: [
      {
        type: 'value',
        name: labels.axisCases,
        position: 'left',
        min: 0,
        minInterval: 1,
        axisLabel: { formatter: (value: number) => formatNumber(value, 0) },
      },
      {
        type: 'value',
        name: labels.axisTransfers,
        position: 'right',
        min: 0,
        splitLine: { show: false },
        axisLabel: { formatter: (value: number) => formatNumber(value, 1) },
      },
    ],
    series: [
      {
        id: 'cases',
        type: 'bar',
        name: labels.seriesCases,
        stack: 'cases',
        yAxisIndex: 0,
        itemStyle: { color: WEEKLY_CHART_COLORS.cases },
        data: weeks.map((week) => (week.provisional ? NO_VALUE : week.cases)),
      },
      {
        id: 'cases-provisional',
        type: 'bar',
        name: labels.seriesProvisional,
        stack: 'cases',
        yAxisIndex: 0,
        itemStyle: {
          color: WEEKLY_CHART_COLORS.provisional,
          borderColor: WEEKLY_CHART_COLORS.cases,
          borderType: 'dashed',
          borderWidth: 1,
        },
        data: weeks.map((week) => (week.provisional ? week.cases : NO_VALUE)),
      },
      {
        id: 'transfers-mean',
        type: 'line',
        name: labels.seriesTransfers,
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 7,
        itemStyle: { color: WEEKLY_CHART_COLORS.transfers },
        lineStyle: { color: WEEKLY_CHART_COLORS.transfers, width: 2 },
        data: weeks.map((week) => roundTo(week.transfersMean, 2)),
      },
    ],
  };
}
