import { CsatInterval } from '@relais/contracts';
import { CaseFilters } from '../cases/case-filters';
import { BottleneckChartOption, FormatNumber, roundTo } from './bottleneck-chart-option';

/** One group of survey answers (a step, a number of transfers, repeated or not). */
export interface SatisfactionRow {
  label: string;
  responses: number;
  /** null below 5 responses (KPI-DEFINITIONS §6): "not enough answers". */
  csatShare: number | null;
  csatInterval: CsatInterval | null;
  drill?: CaseFilters;
}

export interface SatisfactionLabels {
  axis: string;
  /** `enough` false: under 5 answers, the row has no mark and its label must say why. */
  category: (label: string, responses: string, enough: boolean) => string;
  seriesShare: string;
  seriesInterval: string;
  tooltip: (row: SatisfactionRow) => string;
}

export const SATISFACTION_COLORS = { share: '#22476b', interval: '#9dbad8' } as const;

const NO_VALUE = '-';
const percent = (share: number) => roundTo(share * 100, 1);

/**
 * CSAT % per group as a point, its 95 % Wilson interval as a floating bar (an invisible bar up to the low end,
 * stacked with the interval's width). Groups under 5 answers keep their row, with no mark: the table says why.
 */
export function buildSatisfactionOption(
  rows: readonly SatisfactionRow[],
  labels: SatisfactionLabels,
  format: FormatNumber,
): BottleneckChartOption {
  const datum = (row: SatisfactionRow, value: number | null) =>
    value === null ? NO_VALUE : { value, row, ...(row.drill ? { drill: row.drill } : {}) };
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => labels.tooltip((params as { data: { row: SatisfactionRow } }).data.row),
    },
    legend: { top: 0, data: [labels.seriesShare, labels.seriesInterval] },
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    xAxis: {
      type: 'value',
      name: labels.axis,
      nameLocation: 'middle',
      nameGap: 26,
      min: 0,
      max: 100,
      axisLabel: { formatter: (value: number) => format(value, 0) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => labels.category(row.label, format(row.responses, 0), row.csatShare !== null)),
    },
    series: [
      {
        id: 'interval-base',
        type: 'bar',
        stack: 'interval',
        silent: true,
        itemStyle: { color: 'transparent' },
        tooltip: { show: false },
        data: rows.map((row) => (row.csatInterval ? percent(row.csatInterval.low) : NO_VALUE)),
      },
      {
        id: 'interval',
        type: 'bar',
        name: labels.seriesInterval,
        stack: 'interval',
        barWidth: 14,
        itemStyle: { color: SATISFACTION_COLORS.interval },
        data: rows.map((row) =>
          datum(
            row,
            row.csatInterval ? roundTo(percent(row.csatInterval.high) - percent(row.csatInterval.low), 1) : null,
          ),
        ),
      },
      {
        id: 'share',
        type: 'scatter',
        name: labels.seriesShare,
        symbolSize: 12,
        itemStyle: { color: SATISFACTION_COLORS.share },
        // [x, category index]: a scatter point needs both coordinates.
        data: rows.map((row, index) =>
          row.csatShare === null
            ? NO_VALUE
            : { value: [percent(row.csatShare), index], row, ...(row.drill ? { drill: row.drill } : {}) },
        ),
      },
    ],
  };
}
