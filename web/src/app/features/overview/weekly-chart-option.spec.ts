import { buildWeeklyChartOption, WEEKLY_CHART_COLORS, WeeklyChartLabels } from './weekly-chart-option';
import { WEEKLY } from '../../../testing/kpi-fixtures';

const LABELS: WeeklyChartLabels = {
  axisCases: 'Dossiers',
  axisTransfers: 'Transferts / dossier',
  seriesCases: 'Dossiers',
  seriesProvisional: 'Dossiers (semaine provisoire)',
  seriesTransfers: 'Transferts / dossier',
};
const format = (value: number, digits: number) => `${value.toFixed(digits)}!`;

describe('buildWeeklyChartOption', () => {
  const option = buildWeeklyChartOption(WEEKLY.weeks, LABELS, format);

  it('puts ISO weeks on the x axis', () => {
    expect(option.xAxis).toEqual(expect.objectContaining({ type: 'category', data: ['2025-W01', '2025-W02', '2025-W03'] }));
  });

  it('has cases on the left axis and transfers per case on the right one', () => {
    expect(option.yAxis).toEqual([
      expect.objectContaining({ name: 'Dossiers', position: 'left', minInterval: 1 }),
      expect.objectContaining({ name: 'Transferts / dossier', position: 'right' }),
    ]);
  });

  it('draws final weeks as bars, provisional weeks as lighter dashed bars in the same stack', () => {
    const [final, provisional] = option.series as Array<Record<string, unknown>>;

    expect(final).toEqual(
      expect.objectContaining({ type: 'bar', name: 'Dossiers', stack: 'cases', yAxisIndex: 0, data: [512, 600, '-'] }),
    );
    expect(provisional).toEqual(
      expect.objectContaining({
        type: 'bar',
        name: 'Dossiers (semaine provisoire)',
        stack: 'cases',
        yAxisIndex: 0,
        data: ['-', '-', 122],
        itemStyle: expect.objectContaining({ color: WEEKLY_CHART_COLORS.provisional, borderType: 'dashed' }),
      }),
    );
  });

  it('draws mean transfers as a line on the right axis, rounded to 2 decimals', () => {
    const line = (option.series as Array<Record<string, unknown>>)[2];

    expect(line).toEqual(
      expect.objectContaining({ type: 'line', name: 'Transferts / dossier', yAxisIndex: 1, data: [1.23, 1.5, 2.01] }),
    );
  });

  it('lists the provisional series in the legend only when a week is provisional', () => {
    expect(option.legend).toEqual(
      expect.objectContaining({ data: ['Dossiers', 'Dossiers (semaine provisoire)', 'Transferts / dossier'] }),
    );

    const finalOnly = buildWeeklyChartOption(WEEKLY.weeks.slice(0, 2), LABELS, format);
    expect(finalOnly.legend).toEqual(expect.objectContaining({ data: ['Dossiers', 'Transferts / dossier'] }));
  });

  it('formats tooltip values in the user locale', () => {
    const tooltip = option.tooltip as { valueFormatter: (value: unknown) => string };

    expect(tooltip.valueFormatter(1.5)).toBe('1.50!');
    expect(tooltip.valueFormatter('-')).toBe('–');
  });
});
