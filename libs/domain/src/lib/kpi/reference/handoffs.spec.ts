import { ev } from './fixture-events';
import { referenceHandoffs } from './indicators';

const PARIS = 'Europe/Paris';
const assigned = (caseId: string, ts: string, team: string | null, extra = {}) =>
  ev(caseId, ts, 'assigned', { team, ...extra });

/**
 * H1: N1 → N2 (next event 30 min later) → N1 (next event 2 h later). H2: N1 → N2 (an agent change inside N2 1 h
 * later is the next event) → N3 (nothing follows). H3: N1 → (none) → N2, one transfer, answered 3 h later.
 */
const EVENTS = [
  ev('H1', '2025-03-24T08:00:00Z', 'created', { team: 'N1' }),
  assigned('H1', '2025-03-24T08:00:00Z', 'N1', { seq: 1 }),
  assigned('H1', '2025-03-24T10:00:00Z', 'N2'),
  ev('H1', '2025-03-24T10:30:00Z', 'contact', { direction: 'outbound' }),
  assigned('H1', '2025-03-24T12:00:00Z', 'N1'),
  ev('H1', '2025-03-24T14:00:00Z', 'status_changed', { step: 'resolved' }),
  ev('H2', '2025-03-25T08:00:00Z', 'created', { team: 'N3' }),
  assigned('H2', '2025-03-25T08:00:00Z', 'N1', { seq: 1 }),
  assigned('H2', '2025-03-25T09:00:00Z', 'N2', { agent: 'a1' }),
  assigned('H2', '2025-03-25T10:00:00Z', 'N2', { agent: 'a2' }),
  assigned('H2', '2025-03-25T11:00:00Z', 'N3'),
  ev('H3', '2025-03-26T08:00:00Z', 'created', { team: 'N1' }),
  assigned('H3', '2025-03-26T08:00:00Z', 'N1', { seq: 1 }),
  assigned('H3', '2025-03-26T09:00:00Z', null),
  assigned('H3', '2025-03-26T10:00:00Z', 'N2'),
  ev('H3', '2025-03-26T13:00:00Z', 'survey', { csat: 5, csatScale: 5 }),
];

describe('handoff matrix (§3)', () => {
  it('counts transfers per (from → to) with the median pickup, most transfers first', () => {
    expect(referenceHandoffs(EVENTS, { timeZone: PARIS, repeatWindowDays: 7 }).edges).toEqual([
      // Pickups 0.5 h, 1 h, 3 h.
      { from: 'N1', to: 'N2', transfers: 3, pickupMedianHours: 1 },
      { from: 'N2', to: 'N1', transfers: 1, pickupMedianHours: 2 },
      // Nothing followed the only transfer: no pickup measured, reported as 0.
      { from: 'N2', to: 'N3', transfers: 1, pickupMedianHours: 0 },
    ]);
  });

  it('keeps the transfers of the filtered cases (team at creation)', () => {
    expect(referenceHandoffs(EVENTS, { timeZone: PARIS, repeatWindowDays: 7, filters: { team: 'N3' } }).edges).toEqual([
      { from: 'N1', to: 'N2', transfers: 1, pickupMedianHours: 1 },
      { from: 'N2', to: 'N3', transfers: 1, pickupMedianHours: 0 },
    ]);
  });
});
