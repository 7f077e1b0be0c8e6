import { ReviewSeriesPoint, TargetStatus } from '@relais/contracts';
import type { ChartOption } from '../../core/charts/chart-option';

/** Status colours, also used by the cards' badges (which add a word and a symbol, never colour alone). */
export const STATUS_COLORS: Record<TargetStatus | 'none', string> = {
  ok: '#2e7d32',
  warning: '#b26a00',
  alert: '#a3261b',
  none: '#8a96a6',
};
const LINE_COLOR = '#2f5d8a';

/**
 * 12 weeks of one indicator: a line with one dot per week coloured by its status, hollow while provisional, and
 * the target as a dashed line when there is one. No axes: the card prints the numbers.
 */
export function buildSparklineOption(
  series: readonly ReviewSeriesPoint[],
  target: number | null,
  formatValue: (value: number | null) => string,
  formatCount: (point: ReviewSeriesPoint) => string,
): ChartOption {
  return {
    animation: false,
    grid: { left: 4, right: 4, top: 8, bottom: 4 },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const point = series[(params as { dataIndex: number }).dataIndex];
        return point ? `${point.week}<br>${formatValue(point.value)} · ${formatCount(point)}` : '';
      },
    },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: series.map((point) => point.week) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        id: 'sparkline',
        type: 'line',
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { color: LINE_COLOR, width: 2 },
        data: series.map((point) => ({
          value: point.value ?? '-',
          itemStyle: {
            color: point.provisional ? '#ffffff' : STATUS_COLORS[point.status ?? 'none'],
            borderColor: STATUS_COLORS[point.status ?? 'none'],
            borderWidth: 2,
          },
        })),
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: STATUS_COLORS.ok, type: 'dashed', width: 1 },
                data: [{ yAxis: target }],
              },
      },
    ],
  };
}
