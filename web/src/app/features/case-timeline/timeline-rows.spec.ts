import { CaseEvent, CaseHandoff } from '@relais/contracts';
import { stepStays, timelineRows } from './timeline-rows';

function event(ts: string, seq: number, type: string, extra: Partial<CaseEvent> = {}): CaseEvent {
  return {
    ts,
    seq,
    event: type,
    step: null,
    team: null,
    agent: null,
    channel: null,
    category: null,
    direction: null,
    csat: null,
    csatScale: null,
    ...extra,
  };
}

/**
 * Assignments, in order: N1 (first: not a transfer) · N1 other agent (same team) · none (out of every team) ·
 * N2 (compared with N1: transfer 1) · N1 (transfer 2, back). So 2 transfers, as KPI-DEFINITIONS §3 counts them.
 */
const EVENTS = [
  event('2025-04-07T08:00:00.000Z', 1, 'created', { step: 'new', team: 'N1' }),
  event('2025-04-07T08:10:00.000Z', 2, 'assigned', { team: 'N1', agent: 'a1' }),
  event('2025-04-07T08:10:00.000Z', 3, 'status_changed', { step: 'triage', team: 'N1' }),
  event('2025-04-07T08:30:00.000Z', 4, 'assigned', { team: 'N1', agent: 'a2' }),
  event('2025-04-07T09:00:00.000Z', 5, 'assigned', { team: null }),
  event('2025-04-07T09:30:00.000Z', 6, 'assigned', { team: 'N2' }),
  event('2025-04-07T10:45:00.000Z', 7, 'status_changed', { step: 'in_progress', team: 'N2' }),
  event('2025-04-07T11:00:00.000Z', 8, 'assigned', { team: 'N1' }),
  event('2025-04-07T12:00:00.000Z', 9, 'survey', { step: 'in_progress', csat: 4, csatScale: 5 }),
];
const HANDOFFS: CaseHandoff[] = [
  { from: 'N1', to: 'N2', transferredAt: '2025-04-07T09:30:00.000Z', pickupHours: 1.25 },
  { from: 'N2', to: 'N1', transferredAt: '2025-04-07T11:00:00.000Z', pickupHours: 1 },
];

describe('timelineRows', () => {
  const rows = timelineRows({ events: EVENTS, handoffs: HANDOFFS });

  it('keeps every event in the order given', () => {
    expect(rows.map((row) => row.event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('marks only team changes between assignments as transfers, skipping assignments without a team', () => {
    expect(rows.filter((row) => row.transfer).map((row) => [row.event.seq, row.transfer])).toEqual([
      [6, { from: 'N1', to: 'N2', pickupHours: 1.25 }],
      [8, { from: 'N2', to: 'N1', pickupHours: 1 }],
    ]);
  });

  it('has no transfer without assignments', () => {
    expect(timelineRows({ events: [EVENTS[0], EVENTS[2]], handoffs: [] }).some((row) => row.transfer)).toBe(false);
  });
});

describe('stepStays', () => {
  it('gives the hours between consecutive step entries, the last step still open', () => {
    // new 08:00 → triage 08:10 (1/6 h = 0.1667), triage → in_progress 10:45 (2 h 35 = 2.5833), in_progress open.
    expect(stepStays(EVENTS)).toEqual([
      { step: 'new', enteredAt: '2025-04-07T08:00:00.000Z', hours: 0.1667 },
      { step: 'triage', enteredAt: '2025-04-07T08:10:00.000Z', hours: 2.5833 },
      { step: 'in_progress', enteredAt: '2025-04-07T10:45:00.000Z', hours: null },
    ]);
  });
});
