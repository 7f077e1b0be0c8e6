import { HandoffEdge } from '@relais/contracts';
import { pairParam } from '../cases/case-filters';
import { BottleneckChartOption, FormatNumber } from './bottleneck-chart-option';

export interface HandoffFlowLabels {
  /** Tooltip of a link, e.g. "{from} → {to}: {transfers} transfers, pickup median {hours} h". */
  edge: (from: string, to: string, transfers: string, pickupHours: string) => string;
  /** Tooltip of a node: the team and the transfers leaving (handing on) or reaching it. */
  node: (team: string, transfers: string, side: 'from' | 'to') => string;
}

/**
 * Sankey layouts need an acyclic graph, and handoffs cycle (N1 → N2 and N2 → N1 on the same data). So every team
 * appears twice: on the left as the team that hands the case on, on the right as the team that receives it. The
 * graph is then bipartite, never cyclic, and a ping-pong pair shows as two crossing links; the matrix next to it
 * shows the same pairs cell by cell.
 */
export const FLOW_NODE = {
  from: (team: string) => `from\u0000${team}`,
  to: (team: string) => `to\u0000${team}`,
  team: (name: string) => name.slice(name.indexOf('\u0000') + 1),
  side: (name: string): 'from' | 'to' => (name.startsWith('from\u0000') ? 'from' : 'to'),
};

const PALETTE = ['#2f5d8a', '#c0561b', '#3b8a5a', '#8a3b7a', '#6b6b2f', '#2f7f8a', '#a3261b', '#5a4fa0'];

export function buildHandoffFlowOption(
  edges: readonly HandoffEdge[],
  labels: HandoffFlowLabels,
  format: FormatNumber,
): BottleneckChartOption {
  const shown = edges.filter((edge) => edge.transfers > 0);
  const teams = [...new Set(shown.flatMap((edge) => [edge.from, edge.to]))].sort();
  const colour = (team: string) => PALETTE[teams.indexOf(team) % PALETTE.length];
  const totals = new Map<string, number>();
  for (const edge of shown) {
    totals.set(FLOW_NODE.from(edge.from), (totals.get(FLOW_NODE.from(edge.from)) ?? 0) + edge.transfers);
    totals.set(FLOW_NODE.to(edge.to), (totals.get(FLOW_NODE.to(edge.to)) ?? 0) + edge.transfers);
  }
  const fromTeams = teams.filter((team) => totals.has(FLOW_NODE.from(team)));
  const toTeams = teams.filter((team) => totals.has(FLOW_NODE.to(team)));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { dataType, data, name } = params as { dataType?: string; data: FlowLink; name: string };
        if (dataType === 'edge') {
          return labels.edge(data.from, data.to, format(data.value, 0), format(data.pickupMedianHours, 1));
        }
        return labels.node(FLOW_NODE.team(name), format(totals.get(name) ?? 0, 0), FLOW_NODE.side(name));
      },
    },
    series: [
      {
        type: 'sankey',
        left: 112,
        right: 112,
        top: 8,
        bottom: 8,
        nodeAlign: 'justify',
        layoutIterations: 32,
        emphasis: { focus: 'adjacency' },
        label: { formatter: (params: { name: string }) => FLOW_NODE.team(params.name) },
        lineStyle: { color: 'source', opacity: 0.45, curveness: 0.5 },
        data: [
          ...fromTeams.map((team) => ({
            name: FLOW_NODE.from(team),
            depth: 0,
            itemStyle: { color: colour(team) },
            label: { position: 'left' as const },
          })),
          ...toTeams.map((team) => ({ name: FLOW_NODE.to(team), depth: 1, itemStyle: { color: colour(team) } })),
        ],
        links: [...shown]
          .sort((a, b) => b.transfers - a.transfers || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
          .map(
            (edge): FlowLink => ({
              source: FLOW_NODE.from(edge.from),
              target: FLOW_NODE.to(edge.to),
              value: edge.transfers,
              from: edge.from,
              to: edge.to,
              pickupMedianHours: edge.pickupMedianHours,
              drill: { handoff: pairParam(edge.from, edge.to) },
            }),
          ),
      },
    ],
  };
}

interface FlowLink {
  source: string;
  target: string;
  value: number;
  from: string;
  to: string;
  pickupMedianHours: number;
  drill: { handoff: string };
}
