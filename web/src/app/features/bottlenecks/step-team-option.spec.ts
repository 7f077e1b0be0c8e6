import { STEPS } from './bottlenecks-fixtures';
import { buildStepTeamOption, stepTeamAxes } from './step-team-option';

const LABELS = {
  axisStep: 'Step',
  axisTeam: 'Team',
  noTeam: 'no team',
  tooltip: (step: string, team: string, median: string, count: string, p90: string) =>
    `${step}/${team}: ${median} h, ${count}, ${p90}`,
};
const format = (value: number, digits: number) => value.toFixed(digits);

describe('buildStepTeamOption', () => {
  it('keeps the API order of steps and puts "no team" after the named teams', () => {
    expect(stepTeamAxes(STEPS.byTeam)).toEqual({ steps: ['new', 'triage'], teams: ['N1', 'N2', null] });
  });

  it('places the median hours of each step and team, with the number of passages in the tooltip', () => {
    const option = buildStepTeamOption(STEPS.byTeam, LABELS, format);
    expect(option.xAxis).toEqual(expect.objectContaining({ name: 'Team', data: ['N1', 'N2', 'no team'] }));
    const data = (option.series as Array<{ data: Array<{ value: number[] }> }>)[0].data;
    // [team index, step index, median hours]
    expect(data.map((datum) => datum.value)).toEqual([
      [2, 0, 0.4],
      [0, 0, 0.6],
      [1, 1, 5],
      [0, 1, 2],
    ]);
    expect(option.visualMap).toEqual(expect.objectContaining({ min: 0, max: 5 }));
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter({ data: data[0] })).toBe('new/no team: 0.4 h, 250, 2.0');
  });
});
