import { buildTrendOption, clickedWeek, TREND_COLORS, TrendChartLabels } from './trend-chart-option';
import { TrendPoint } from './trend-series';

const LABELS: TrendChartLabels = {
  axis: '% des dossiers',
  current: 'Semaine',
  yearBefore: 'Un an plus tôt',
  target: 'Objectif',
  alert: 'Alerte',
  band: 'Zone',
  provisional: 'provisoire',
  basis: (count) => `${count} dossiers`,
};
const point = (
  week: string,
  value: number | null,
  yearBefore: TrendPoint['yearBefore'] = null,
  provisional = false,
): TrendPoint => ({
  week,
  value,
  basis: 10,
  provisional,
  yearBefore,
});
type Series = {
  id: string;
  data: unknown[];
  markArea?: { data: unknown };
  markLine?: { data: Array<{ yAxis: number }> };
};

describe('buildTrendOption', () => {
  const points = [
    point('2026-W45', 0.1, { week: '2025-W45', value: 0.2, basis: 12, provisional: false }),
    point('2026-W46', null),
    point('2026-W47', 0.15, null, true),
  ];
  const option = buildTrendOption(
    points,
    { target: 0.1, alertLevel: 0.2, direction: 'lower' },
    LABELS,
    (v) => `${v * 100}%`,
  );
  const series = option.series as Series[];

  it('puts the weeks on the x axis and the unit on the y axis', () => {
    expect(option.xAxis).toEqual(expect.objectContaining({ data: ['2026-W45', '2026-W46', '2026-W47'] }));
    expect(option.yAxis).toEqual(expect.objectContaining({ name: '% des dossiers', min: 0 }));
  });

  it('draws the weeks with a gap for a week without value and a hollow dot for a provisional week', () => {
    expect(series[0].data).toEqual([
      { value: 0.1, itemStyle: undefined },
      { value: '-', itemStyle: undefined },
      { value: 0.15, itemStyle: { color: '#ffffff', borderColor: TREND_COLORS.current, borderWidth: 2 } },
    ]);
  });

  it('shades the band between target and alert level and draws both lines', () => {
    expect(series[0].markArea?.data).toEqual([[{ name: 'Zone', yAxis: 0.1 }, { yAxis: 0.2 }]]);
    expect(series[0].markLine?.data.map((line) => line.yAxis)).toEqual([0.1, 0.2]);
  });

  it('adds the dimmed year-before line only when the data has it', () => {
    expect(series[1]).toEqual(expect.objectContaining({ id: 'year-before', data: [0.2, '-', '-'] }));
    expect(option.legend).toEqual(expect.objectContaining({ data: ['Semaine', 'Un an plus tôt'] }));

    const alone = buildTrendOption([point('2026-W47', 0.1)], null, LABELS, String);
    expect((alone.series as Series[]).map((s) => s.id)).toEqual(['current']);
    expect((alone.series as Series[])[0].markArea).toBeUndefined();
  });

  it('tells the week, value, cases and year before in the tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 0 }])).toBe(
      '<strong>2026-W45</strong><br>10%&nbsp;· 10 dossiers<br>2025-W45 · 20%&nbsp;· 12 dossiers'.replace(
        /&nbsp;/g,
        ' ',
      ),
    );
    expect(formatter([{ dataIndex: 2 }])).toBe(
      '<strong>2026-W47</strong><br>15%&nbsp;· 10 dossiers · provisoire'.replace(/&nbsp;/g, ' '),
    );
  });

  it('finds the week behind a click on a dot, on the year-before line, or on an axis label', () => {
    expect(clickedWeek(points, { seriesId: 'current', dataIndex: 2 })).toBe('2026-W47');
    expect(clickedWeek(points, { seriesId: 'year-before', dataIndex: 0 })).toBe('2025-W45');
    expect(clickedWeek(points, { componentType: 'xAxis', value: '2026-W46' })).toBe('2026-W46');
    expect(clickedWeek(points, { seriesId: 'current', dataIndex: 9 })).toBeNull();
  });
});
