import { ReviewSeriesPoint } from '@relais/contracts';
import { buildSparklineOption, STATUS_COLORS } from './sparkline-option';

const point = (week: string, value: number | null, status: ReviewSeriesPoint['status'], provisional = false) => ({
  week,
  start: '2026-11-16',
  value,
  status,
  cases: 10,
  provisional,
});

describe('buildSparklineOption', () => {
  const series = [point('2026-W45', 0.4, 'ok'), point('2026-W46', null, null), point('2026-W47', 1.2, 'alert', true)];
  const option = buildSparklineOption(
    series,
    0.5,
    (v) => (v === null ? '–' : `${v}!`),
    (p) => `${p.cases} cases`,
  );
  const line = (
    option.series as Array<{ data: Array<{ value: unknown; itemStyle: Record<string, unknown> }>; markLine?: unknown }>
  )[0];

  it('draws one dot per week, a gap for a week without value', () => {
    expect(line.data.map((d) => d.value)).toEqual([0.4, '-', 1.2]);
  });

  it('colours the dots by status and leaves provisional weeks hollow', () => {
    expect(line.data[0].itemStyle).toEqual(expect.objectContaining({ color: STATUS_COLORS.ok }));
    expect(line.data[1].itemStyle).toEqual(expect.objectContaining({ color: STATUS_COLORS.none }));
    expect(line.data[2].itemStyle).toEqual({ color: '#ffffff', borderColor: STATUS_COLORS.alert, borderWidth: 2 });
  });

  it('draws the target as a dashed line, none without a target', () => {
    expect(line.markLine).toEqual(expect.objectContaining({ data: [{ yAxis: 0.5 }] }));
    const noTarget = buildSparklineOption(series, null, String, String);
    expect((noTarget.series as Array<{ markLine?: unknown }>)[0].markLine).toBeUndefined();
  });

  it('tells the week, value and count in the tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ dataIndex: 2 })).toBe('2026-W47<br>1.2! · 10 cases');
  });
});
