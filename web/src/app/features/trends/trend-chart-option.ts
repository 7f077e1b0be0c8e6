import { TargetDirection } from '@relais/contracts';
import type { ChartOption } from '../../core/charts/chart-option';
import { TrendPoint } from './trend-series';

export interface TrendTarget {
  target: number;
  alertLevel: number;
  direction: TargetDirection;
}

export interface TrendChartLabels {
  axis: string;
  current: string;
  yearBefore: string;
  target: string;
  alert: string;
  band: string;
  provisional: string;
  basis: (count: number) => string;
}

export const TREND_COLORS = {
  current: '#2f5d8a',
  yearBefore: '#9aa5b1',
  target: '#2e7d32',
  alert: '#a3261b',
  band: 'rgba(178, 106, 0, 0.12)',
} as const;

const NO_VALUE = '-';

/**
 * One indicator over 52 ISO weeks: the weeks' values (hollow dots while provisional), the same weeks one year
 * earlier as a dimmed line when the data has them, and the target band — between the target and the alert level,
 * the warning zone — with both levels as lines.
 */
export function buildTrendOption(
  points: readonly TrendPoint[],
  target: TrendTarget | null,
  labels: TrendChartLabels,
  formatValue: (value: number) => string,
): ChartOption {
  const hasYearBefore = points.some((point) => point.yearBefore?.value != null);
  const describe = (value: number | null, basis: number, provisional: boolean) =>
    `${value === null ? '–' : formatValue(value)} · ${labels.basis(basis)}${provisional ? ` · ${labels.provisional}` : ''}`;
  return {
    animation: false,
    legend: { top: 0, data: hasYearBefore ? [labels.current, labels.yearBefore] : [labels.current] },
    grid: { left: 56, right: 24, top: 40, bottom: 36 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1;
        const point = points[index];
        if (!point) return '';
        const lines = [`<strong>${point.week}</strong>`, describe(point.value, point.basis, point.provisional)];
        if (point.yearBefore) {
          const before = point.yearBefore;
          lines.push(`${before.week} · ${describe(before.value, before.basis, before.provisional)}`);
        }
        return lines.join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((point) => point.week),
      axisLabel: { hideOverlap: true },
      triggerEvent: true,
    },
    yAxis: {
      type: 'value',
      name: labels.axis,
      min: 0,
      axisLabel: { formatter: (value: number) => formatValue(value) },
    },
    series: [
      {
        id: 'current',
        type: 'line',
        name: labels.current,
        z: 3,
        symbol: 'circle',
        symbolSize: 6,
        // Every week keeps its dot, so that the hollow provisional ones stay visible among 52.
        showAllSymbol: true,
        lineStyle: { color: TREND_COLORS.current, width: 2 },
        itemStyle: { color: TREND_COLORS.current },
        data: points.map((point) => ({
          value: point.value ?? NO_VALUE,
          itemStyle: point.provisional
            ? { color: '#ffffff', borderColor: TREND_COLORS.current, borderWidth: 2 }
            : undefined,
        })),
        markArea: target
          ? {
              silent: true,
              itemStyle: { color: TREND_COLORS.band },
              label: { show: false },
              data: [[{ name: labels.band, yAxis: target.target }, { yAxis: target.alertLevel }]],
            }
          : undefined,
        markLine: target
          ? {
              silent: true,
              symbol: 'none',
              label: { position: 'insideEndTop', formatter: '{b}' },
              data: [
                {
                  name: labels.target,
                  yAxis: target.target,
                  lineStyle: { color: TREND_COLORS.target, type: 'dashed' },
                },
                {
                  name: labels.alert,
                  yAxis: target.alertLevel,
                  lineStyle: { color: TREND_COLORS.alert, type: 'dotted' },
                },
              ],
            }
          : undefined,
      },
      ...(hasYearBefore
        ? [
            {
              id: 'year-before',
              type: 'line' as const,
              name: labels.yearBefore,
              z: 2,
              symbol: 'circle',
              symbolSize: 4,
              lineStyle: { color: TREND_COLORS.yearBefore, width: 1.5, opacity: 0.7 },
              itemStyle: { color: TREND_COLORS.yearBefore, opacity: 0.7 },
              data: points.map((point) => point.yearBefore?.value ?? NO_VALUE),
            },
          ]
        : []),
    ],
  };
}

/** The ISO week a click on the chart points at: a dot of the year-before line opens that earlier week. */
export function clickedWeek(
  points: readonly TrendPoint[],
  event: { seriesId?: string; dataIndex?: number; value?: unknown; componentType?: string },
): string | null {
  if (event.componentType === 'xAxis' && typeof event.value === 'string') return event.value;
  const point = event.dataIndex === undefined ? undefined : points[event.dataIndex];
  if (!point) return null;
  return event.seriesId === 'year-before' ? (point.yearBefore?.week ?? null) : point.week;
}
