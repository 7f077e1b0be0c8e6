import { buildHandoffFlowOption, FLOW_NODE, HandoffFlowLabels } from './handoff-flow-option';
import { EDGES } from './bottlenecks-fixtures';

const LABELS: HandoffFlowLabels = {
  edge: (from, to, transfers, hours) => `${from}>${to} ${transfers} ${hours}`,
  node: (team, transfers, side) => `${side} ${team} ${transfers}`,
};
const format = (value: number, digits: number) => value.toFixed(digits);

describe('buildHandoffFlowOption', () => {
  const option = buildHandoffFlowOption(EDGES, LABELS, format);
  const series = (option.series as Array<Record<string, unknown>>)[0] as {
    type: string;
    data: Array<{ name: string; depth: number }>;
    links: Array<{ source: string; target: string; value: number; drill: unknown }>;
    label: { formatter: (params: { name: string }) => string };
  };

  it('breaks the N1 ⇄ N2 cycle: handing teams on the left, receiving teams on the right', () => {
    expect(series.type).toBe('sankey');
    expect(series.data.map((node) => [FLOW_NODE.side(node.name), FLOW_NODE.team(node.name), node.depth])).toEqual([
      ['from', 'N1', 0],
      ['from', 'N2', 0],
      ['to', 'N1', 1],
      ['to', 'N2', 1],
      ['to', 'N3', 1],
    ]);
    // Every link goes from a left node to a right node, so no path can come back.
    expect(
      series.links.every((link) => FLOW_NODE.side(link.source) === 'from' && FLOW_NODE.side(link.target) === 'to'),
    ).toBe(true);
  });

  it('draws one link per pair with transfers, widest first, each opening its handoff', () => {
    expect(
      series.links.map((link) => [FLOW_NODE.team(link.source), FLOW_NODE.team(link.target), link.value, link.drill]),
    ).toEqual([
      ['N1', 'N2', 120, { handoff: 'N1>N2' }],
      ['N2', 'N3', 50, { handoff: 'N2>N3' }],
      ['N2', 'N1', 30, { handoff: 'N2>N1' }],
    ]);
  });

  it('labels nodes with the team only, and tells transfers and pickup delay in the tooltip', () => {
    expect(series.label.formatter({ name: FLOW_NODE.to('N3') })).toBe('N3');
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter({ dataType: 'edge', data: series.links[0], name: '' })).toBe('N1>N2 120 2.5');
    // N2 handed on 50 + 30 = 80 cases; N1 received 30.
    expect(tooltip.formatter({ dataType: 'node', data: {}, name: FLOW_NODE.from('N2') })).toBe('from N2 80');
    expect(tooltip.formatter({ dataType: 'node', data: {}, name: FLOW_NODE.to('N1') })).toBe('to N1 30');
  });
});
