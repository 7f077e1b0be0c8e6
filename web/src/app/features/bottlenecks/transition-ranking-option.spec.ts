import { drillOf } from './bottleneck-chart-option';
import { TRANSITIONS } from './bottlenecks-fixtures';
import { buildTransitionRankingOption, RANKING_SIZE } from './transition-ranking-option';

const LABELS = {
  axis: 'Hours',
  tooltip: (transition: string, value: string, count: string, median: string) =>
    `${transition}: ${value} h, ${count}, ${median}`,
};
const format = (value: number, digits: number) => value.toFixed(digits);
const bars = (option: ReturnType<typeof buildTransitionRankingOption>) =>
  (option.series as Array<{ data: Array<{ value: number }> }>)[0].data;

describe('buildTransitionRankingOption', () => {
  it('ranks by p90, slowest on top, each bar opening the transition', () => {
    const option = buildTransitionRankingOption(TRANSITIONS.bottlenecks.byP90, 'p90Hours', LABELS, format);
    expect(option.yAxis).toEqual(
      expect.objectContaining({
        inverse: true,
        data: ['in_progress → waiting_customer', 'triage → in_progress', 'new → triage'],
      }),
    );
    expect(bars(option).map((bar) => bar.value)).toEqual([96, 30, 2]);
    expect(drillOf({ data: bars(option)[1] })).toEqual({ transition: 'triage>in_progress' });
    expect(option.xAxis).toEqual(expect.objectContaining({ name: 'Hours' }));
  });

  it('ranks by total hours = count × mean', () => {
    const option = buildTransitionRankingOption(TRANSITIONS.bottlenecks.byTotalHours, 'totalHours', LABELS, format);
    expect(bars(option).map((bar) => bar.value)).toEqual([2400, 1500, 400]);
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter({ data: bars(option)[0] })).toBe('triage → in_progress: 2400.0 h, 300, 3.0');
  });

  it('keeps the first ten bars', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ ...TRANSITIONS.transitions[0], from: `s${i}` }));
    expect(bars(buildTransitionRankingOption(many, 'p90Hours', LABELS, format))).toHaveLength(RANKING_SIZE);
  });
});
