import { StepTeamDuration } from '@relais/contracts';
import { BottleneckChartOption, FormatNumber, roundTo } from './bottleneck-chart-option';

export interface StepTeamLabels {
  axisStep: string;
  axisTeam: string;
  /** How a step spent without any team holding the case is named. */
  noTeam: string;
  tooltip: (step: string, team: string, medianHours: string, count: string, p90Hours: string) => string;
}

/** Steps in the API's order (most frequent first), teams in name order with "no team" last. */
export function stepTeamAxes(rows: readonly StepTeamDuration[]): { steps: string[]; teams: Array<string | null> } {
  const steps = [...new Set(rows.map((row) => row.step))];
  const named = [...new Set(rows.flatMap((row) => (row.team === null ? [] : [row.team])))].sort();
  return { steps, teams: rows.some((row) => row.team === null) ? [...named, null] : named };
}

/**
 * Heatmap of the median hours spent in each step while each team held the case. No click-through: the case list
 * has no "step held by team" filter, and the team filter means the team at creation (KPI-DEFINITIONS §2).
 */
export function buildStepTeamOption(
  rows: readonly StepTeamDuration[],
  labels: StepTeamLabels,
  format: FormatNumber,
): BottleneckChartOption {
  const { steps, teams } = stepTeamAxes(rows);
  const max = Math.max(1, ...rows.map((row) => row.medianHours));
  const teamName = (team: string | null) => team ?? labels.noTeam;
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { data } = params as { data: { row: StepTeamDuration } };
        const row = data.row;
        return labels.tooltip(
          row.step,
          teamName(row.team),
          format(row.medianHours, 1),
          format(row.count, 0),
          format(row.p90Hours, 1),
        );
      },
    },
    grid: { left: 8, right: 16, top: 56, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      name: labels.axisTeam,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { fontWeight: 'bold' },
      position: 'top',
      data: teams.map(teamName),
      splitArea: { show: true },
    },
    yAxis: { type: 'category', name: labels.axisStep, inverse: true, data: steps, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: roundTo(max, 1),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: [`${format(roundTo(max, 1), 1)} h`, '0 h'],
      inRange: { color: ['#fdf1e6', '#a8470f'] },
    },
    series: [
      {
        type: 'heatmap',
        label: {
          show: true,
          formatter: (params: unknown) => format((params as { data: { value: number[] } }).data.value[2], 1),
        },
        data: rows.map((row) => ({
          value: [teams.indexOf(row.team), steps.indexOf(row.step), roundTo(row.medianHours, 1)],
          row,
        })),
      },
    ],
  };
}
