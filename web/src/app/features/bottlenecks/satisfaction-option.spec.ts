import { drillOf } from './bottleneck-chart-option';
import { SATISFACTION } from './bottlenecks-fixtures';
import { buildSatisfactionOption, SatisfactionLabels } from './satisfaction-option';
import { satisfactionRows } from './satisfaction-rows';

const ROW_LABELS = { transfers: (bucket: string) => `${bucket} tr.`, repeated: 'repeat', notRepeated: 'no repeat' };
const LABELS: SatisfactionLabels = {
  axis: 'CSAT (%)',
  category: (label, responses, enough) => `${label} (${responses}${enough ? '' : ', few'})`,
  seriesShare: 'CSAT %',
  seriesInterval: '95 %',
  tooltip: (row) => row.label,
};
const format = (value: number, digits: number) => value.toFixed(digits);

describe('satisfactionRows', () => {
  const rows = satisfactionRows(SATISFACTION, ROW_LABELS);

  it('keeps groups under 5 answers, without a share', () => {
    expect(rows.byStep.map((row) => [row.label, row.responses, row.csatShare])).toEqual([
      ['resolved', 80, 0.75],
      ['closed', 3, null],
    ]);
  });

  it('links only the groups a case filter matches exactly', () => {
    expect(rows.byStep.map((row) => row.drill)).toEqual([undefined, undefined]);
    expect(rows.byTransfers.map((row) => [row.label, row.drill])).toEqual([
      ['0 tr.', undefined],
      ['1 tr.', undefined],
      ['2 tr.', undefined],
      ['3+ tr.', { minTransfers: '3' }],
    ]);
    expect(rows.byRepeat.map((row) => [row.label, row.drill])).toEqual([
      ['no repeat', { repeated: 'false' }],
      ['repeat', { repeated: 'true' }],
    ]);
  });
});

describe('buildSatisfactionOption', () => {
  const rows = satisfactionRows(SATISFACTION, ROW_LABELS).byTransfers;
  const option = buildSatisfactionOption(rows, LABELS, format);
  const series = option.series as Array<{ id: string; data: unknown[] }>;
  const values = (id: string) =>
    series
      .find((s) => s.id === id)
      ?.data.map((datum) => (typeof datum === 'object' && datum ? (datum as { value: unknown }).value : datum));

  it('names each group with its number of answers (and when too few) on a 0–100 % axis', () => {
    expect(option.yAxis).toEqual(
      expect.objectContaining({ data: ['0 tr. (50)', '1 tr. (20)', '2 tr. (10)', '3+ tr. (3, few)'] }),
    );
    expect(option.xAxis).toEqual(expect.objectContaining({ name: 'CSAT (%)', min: 0, max: 100 }));
  });

  it('floats the Wilson interval from its low end to its high end, in percent', () => {
    // 0: 66.96 → 66.96 + 21.8 = 88.76; 1: 48.1 → 85.45; 2: 23.66 → 76.34 (rounded to 0.1).
    expect(values('interval-base')).toEqual([67, 48.1, 23.7, '-']);
    expect(values('interval')).toEqual([21.8, 37.4, 52.6, '-']);
  });

  it('puts the CSAT % as a point, and nothing for "not enough answers"', () => {
    expect(values('share')).toEqual([[80, 0], [70, 1], [50, 2], '-']);
  });

  it('opens the cases of a clickable group only', () => {
    const share = series.find((s) => s.id === 'share')?.data ?? [];
    expect(drillOf({ data: share[0] })).toBeNull();
    const rowsByRepeat = satisfactionRows(SATISFACTION, ROW_LABELS).byRepeat;
    const repeatShare =
      (buildSatisfactionOption(rowsByRepeat, LABELS, format).series as Array<{ id: string; data: unknown[] }>).find(
        (s) => s.id === 'share',
      )?.data ?? [];
    expect(drillOf({ data: repeatShare[1] })).toEqual({ repeated: 'true' });
  });
});
