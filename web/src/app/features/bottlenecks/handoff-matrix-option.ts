import { HandoffEdge } from '@relais/contracts';
import { pairParam } from '../cases/case-filters';
import { BottleneckChartOption, FormatNumber } from './bottleneck-chart-option';

export interface HandoffMatrixCell {
  from: string;
  to: string;
  transfers: number;
  pickupMedianHours: number | null;
}

/** Rows: the team that hands on; columns: the team that receives. Teams in name order on both axes. */
export interface HandoffMatrix {
  teams: string[];
  rows: Array<{ from: string; cells: HandoffMatrixCell[]; total: number }>;
  total: number;
  max: number;
}

export function handoffMatrix(edges: readonly HandoffEdge[]): HandoffMatrix {
  const teams = [...new Set(edges.flatMap((edge) => [edge.from, edge.to]))].sort();
  const byPair = new Map(edges.map((edge) => [pairParam(edge.from, edge.to), edge]));
  const rows = teams.map((from) => {
    const cells = teams.map((to) => {
      const edge = byPair.get(pairParam(from, to));
      return { from, to, transfers: edge?.transfers ?? 0, pickupMedianHours: edge?.pickupMedianHours ?? null };
    });
    return { from, cells, total: cells.reduce((sum, cell) => sum + cell.transfers, 0) };
  });
  return {
    teams,
    rows,
    total: rows.reduce((sum, row) => sum + row.total, 0),
    max: Math.max(0, ...edges.map((edge) => edge.transfers)),
  };
}

/** Pixels around the cells; the e2e test clicks a cell from these. */
export const MATRIX_GRID = { left: 136, right: 16, top: 56, bottom: 56 } as const;

export interface HandoffMatrixLabels {
  axisFrom: string;
  axisTo: string;
  cell: (from: string, to: string, transfers: string, pickupHours: string) => string;
}

export function buildHandoffMatrixOption(
  matrix: HandoffMatrix,
  labels: HandoffMatrixLabels,
  format: FormatNumber,
): BottleneckChartOption {
  const { teams } = matrix;
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { data } = params as { data: MatrixDatum };
        return labels.cell(data.from, data.to, format(data.value[2], 0), format(data.pickupMedianHours, 1));
      },
    },
    grid: MATRIX_GRID,
    xAxis: {
      type: 'category',
      name: labels.axisTo,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { fontWeight: 'bold' },
      position: 'top',
      data: teams,
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      name: labels.axisFrom,
      nameLocation: 'middle',
      nameGap: 112,
      nameRotate: 90,
      nameTextStyle: { fontWeight: 'bold' },
      inverse: true,
      data: teams,
      axisLabel: { width: 100, overflow: 'truncate' },
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max: Math.max(1, matrix.max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: [format(Math.max(1, matrix.max), 0), '0'],
      inRange: { color: ['#e3ecf5', '#22476b'] },
    },
    series: [
      {
        type: 'heatmap',
        label: {
          show: true,
          formatter: (params: unknown) => format((params as { data: MatrixDatum }).data.value[2], 0),
        },
        emphasis: { itemStyle: { borderColor: '#d97a00', borderWidth: 2 } },
        // Only the pairs with transfers: an empty cell has no cases to click through to.
        data: matrix.rows.flatMap((row, y) =>
          row.cells
            .map((cell, x): MatrixDatum | null =>
              cell.transfers > 0
                ? {
                    value: [x, y, cell.transfers],
                    from: cell.from,
                    to: cell.to,
                    pickupMedianHours: cell.pickupMedianHours ?? 0,
                    drill: { handoff: pairParam(cell.from, cell.to) },
                  }
                : null,
            )
            .filter((datum): datum is MatrixDatum => datum !== null),
        ),
      },
    ],
  };
}

interface MatrixDatum {
  value: [number, number, number];
  from: string;
  to: string;
  pickupMedianHours: number;
  drill: { handoff: string };
}
