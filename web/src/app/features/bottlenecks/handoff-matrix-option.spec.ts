import { drillOf } from './bottleneck-chart-option';
import { EDGES } from './bottlenecks-fixtures';
import { buildHandoffMatrixOption, handoffMatrix } from './handoff-matrix-option';

const format = (value: number, digits: number) => value.toFixed(digits);

describe('handoffMatrix', () => {
  const matrix = handoffMatrix(EDGES);

  it('has every team as a row and a column, in name order', () => {
    expect(matrix.teams).toEqual(['N1', 'N2', 'N3']);
    expect(matrix.rows.map((row) => [row.from, ...row.cells.map((cell) => cell.transfers), row.total])).toEqual([
      ['N1', 0, 120, 0, 120],
      ['N2', 30, 0, 50, 80],
      ['N3', 0, 0, 0, 0],
    ]);
    expect({ total: matrix.total, max: matrix.max }).toEqual({ total: 200, max: 120 });
  });
});

describe('buildHandoffMatrixOption', () => {
  const option = buildHandoffMatrixOption(
    handoffMatrix(EDGES),
    { axisFrom: 'From', axisTo: 'To', cell: (from, to, transfers, hours) => `${from}>${to} ${transfers} ${hours}` },
    format,
  );
  const data = (option.series as Array<{ data: Array<{ value: number[] }> }>)[0].data;

  it('puts receiving teams on x and handing teams on y, one cell per pair with transfers', () => {
    expect(option.xAxis).toEqual(expect.objectContaining({ name: 'To', data: ['N1', 'N2', 'N3'] }));
    expect(option.yAxis).toEqual(expect.objectContaining({ name: 'From', data: ['N1', 'N2', 'N3'] }));
    // [x = to, y = from, transfers]: N1 → N2 is column 1 of row 0.
    expect(data.map((datum) => datum.value)).toEqual([
      [1, 0, 120],
      [0, 1, 30],
      [2, 1, 50],
    ]);
    expect(option.visualMap).toEqual(expect.objectContaining({ min: 0, max: 120 }));
  });

  it('opens the cases of the clicked cell', () => {
    expect(drillOf({ data: data[1] })).toEqual({ handoff: 'N2>N1' });
    expect(drillOf({ data: '-' })).toBeNull();
  });

  it('tells the transfers and the median pickup of a cell', () => {
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter({ data: data[2] })).toBe('N2>N3 50 1.0');
  });
});
