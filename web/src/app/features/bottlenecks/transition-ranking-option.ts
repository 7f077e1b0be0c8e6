import { TransitionDelay } from '@relais/contracts';
import { pairLabel, pairParam } from '../cases/case-filters';
import { BottleneckChartOption, FormatNumber, roundTo } from './bottleneck-chart-option';

export type TransitionMeasure = 'p90Hours' | 'totalHours';

/** Bars kept per ranking: the head of the list is what the page is for; the table below lists them all. */
export const RANKING_SIZE = 10;

export interface TransitionRankingLabels {
  axis: string;
  tooltip: (transition: string, value: string, count: string, medianHours: string) => string;
}

export const RANKING_COLORS: Record<TransitionMeasure, string> = { p90Hours: '#c0561b', totalHours: '#2f5d8a' };

/**
 * One horizontal bar per transition, in the API's ranking order (it breaks ties by name), the slowest on top.
 * Hours are calendar hours (KPI-DEFINITIONS §5).
 */
export function buildTransitionRankingOption(
  ranked: readonly TransitionDelay[],
  measure: TransitionMeasure,
  labels: TransitionRankingLabels,
  format: FormatNumber,
): BottleneckChartOption {
  const head = ranked.slice(0, RANKING_SIZE);
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { data } = params as { data: RankingDatum };
        return labels.tooltip(
          pairLabel(data.drill.transition),
          format(data.value, 1),
          format(data.count, 0),
          format(data.medianHours, 1),
        );
      },
    },
    grid: { left: 8, right: 64, top: 8, bottom: 40, containLabel: true },
    xAxis: {
      type: 'value',
      name: labels.axis,
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      splitNumber: 4,
      axisLabel: { hideOverlap: true, formatter: (value: number) => format(value, 0) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: head.map((row) => pairLabel(pairParam(row.from, row.to))),
      axisLabel: { width: 200, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        itemStyle: { color: RANKING_COLORS[measure] },
        label: {
          show: true,
          position: 'right',
          formatter: (params: unknown) => format((params as { data: RankingDatum }).data.value, 0),
        },
        data: head.map(
          (row): RankingDatum => ({
            value: roundTo(row[measure], 1),
            count: row.count,
            medianHours: row.medianHours,
            drill: { transition: pairParam(row.from, row.to) },
          }),
        ),
      },
    ],
  };
}

interface RankingDatum {
  value: number;
  count: number;
  medianHours: number;
  drill: { transition: string };
}
