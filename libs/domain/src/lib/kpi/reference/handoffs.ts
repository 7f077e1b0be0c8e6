import type { HandoffEdge } from '@relais/contracts';
import { byText } from './stored-event';
import { percentileCont, roundHours } from './rounding';
import type { Transfer } from './team-history';

/**
 * §3 handoff matrix over the given cases: transfers per (from team → to team), counted against the team that
 * handed the case on, with the median pickup delay in hours (4 decimals) over the transfers something followed
 * (0 when nothing followed any of them: the contract's number has no "none"). Ordered by transfers (most first),
 * then from and to names.
 */
export function handoffEdges(cases: ReadonlyArray<{ transfers: readonly Transfer[] }>): HandoffEdge[] {
  const groups = new Map<string, { from: string; to: string; transfers: number; pickups: number[] }>();
  for (const t of cases.flatMap((c) => c.transfers)) {
    const key = JSON.stringify([t.from, t.to]);
    const group = groups.get(key) ?? { from: t.from, to: t.to, transfers: 0, pickups: [] };
    group.transfers += 1;
    if (t.pickupSeconds !== null) group.pickups.push(t.pickupSeconds);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ from, to, transfers, pickups }) => ({
      from,
      to,
      transfers,
      pickupMedianHours: roundHours((percentileCont(pickups, 0.5) ?? 0) / 3600),
    }))
    .sort((a, b) => b.transfers - a.transfers || byText(a.from, b.from) || byText(a.to, b.to));
}
