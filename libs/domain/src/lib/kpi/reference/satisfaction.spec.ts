import { referenceCases } from './cases';
import { answers, ev } from './fixture-events';
import { referenceSummary } from './indicators';

const PARIS = 'Europe/Paris';
const survey = (caseId: string, ts: string, csat: number, csatScale: number, extra = {}) =>
  ev(caseId, ts, 'survey', { csat, csatScale, ...extra });

/**
 * S1: resolved in N1, then 5 answers on scale 5 (5, 5, 4, 2, 1), each after the previous one (same state).
 * S2: an answer before anything else (no state: unattributed); created new/N2; at 10:00 an answer (seq 4) before the
 *     assignment to N3 (seq 5) → new/N2, and one after it (seq 6) → new/N3; then 1 and 6 of 10 in new/N3.
 * S3: created new/N3, one answer 4 of 5 → new/N3.
 */
const EVENTS = [
  ev('S1', '2025-03-24T09:00:00Z', 'created', { step: 'new', team: 'N1' }),
  ev('S1', '2025-03-24T10:00:00Z', 'status_changed', { step: 'resolved', team: 'N1' }),
  ...answers('S1', '2025-03-24T11:00:00Z', [5, 5, 4, 2, 1], 5, { step: 'resolved', team: 'N1' }),
  survey('S2', '2025-03-25T08:00:00Z', 3, 5),
  ev('S2', '2025-03-25T09:00:00Z', 'created', { step: 'new', team: 'N2' }),
  ev('S2', '2025-03-25T10:00:00Z', 'assigned', { step: 'new', team: 'N3', seq: 5 }),
  survey('S2', '2025-03-25T10:00:00Z', 9, 10, { step: 'new', team: 'N2', seq: 4 }),
  survey('S2', '2025-03-25T10:00:00Z', 10, 10, { step: 'new', team: 'N3', seq: 6 }),
  survey('S2', '2025-03-25T10:05:00Z', 1, 10, { step: 'new', team: 'N3' }),
  survey('S2', '2025-03-25T10:06:00Z', 6, 10, { step: 'new', team: 'N3' }),
  ev('S3', '2025-03-26T09:00:00Z', 'created', { step: 'new', team: 'N3' }),
  survey('S3', '2025-03-26T09:30:00Z', 4, 5, { step: 'new', team: 'N3' }),
];

describe('satisfaction per step and team (§6)', () => {
  it('attributes each answer to the state after the latest earlier event; numbers from 5 answers on', () => {
    expect(referenceSummary(EVENTS, { timeZone: PARIS, repeatWindowDays: 7 }).satisfaction).toEqual({
      byStep: [
        // 9, 10, 1, 6 of 10 and 4 of 5: mixed scales → normalised (8/9 + 1 + 0 + 5/9 + 3/4) / 5 = 0.638889;
        // top two 9, 10 and 4: 3 / 5.
        { step: 'new', responses: 5, mean: 0.6389, csatShare: 0.6 },
        // One scale: (5 + 5 + 4 + 2 + 1) / 5 = 3.4; top two 5, 5, 4.
        { step: 'resolved', responses: 5, mean: 3.4, csatShare: 0.6 },
      ],
      byTeam: [
        { team: 'N1', responses: 5, mean: 3.4, csatShare: 0.6 },
        { team: 'N2', responses: 1, mean: null, csatShare: null },
        // 10, 1, 6 of 10 and 4 of 5: 4 answers, "not enough answers".
        { team: 'N3', responses: 4, mean: null, csatShare: null },
      ],
    });
  });

  it('follows one holder rule: no team after an assignment without team, unchanged after an event without team', () => {
    const events = [
      // U: N1, taken out of every team's hands, then triage by a status change stating no team → triage / none.
      ev('U', '2025-03-24T09:00:00Z', 'created', { step: 'new', team: 'N1' }),
      ev('U', '2025-03-24T09:10:00Z', 'assigned', { step: 'new', team: null }),
      ev('U', '2025-03-24T09:20:00Z', 'status_changed', { step: 'triage' }),
      survey('U', '2025-03-24T10:00:00Z', 3, 5),
      // V: N1; a status change with an empty team and a contact with neither team nor step → in_progress / N1.
      ev('V', '2025-03-24T09:00:00Z', 'created', { step: 'new', team: 'N1' }),
      ev('V', '2025-03-24T09:10:00Z', 'status_changed', { step: 'in_progress', team: '' }),
      ev('V', '2025-03-24T09:20:00Z', 'contact', { direction: 'inbound' }),
      survey('V', '2025-03-24T10:00:00Z', 5, 5),
      survey('V', '2025-03-24T10:01:00Z', 4, 5),
    ];
    const [u, v] = referenceCases(events, { timeZone: PARIS, repeatWindowDays: 7 });
    expect(u.surveys.map(({ step, team }) => ({ step, team }))).toEqual([{ step: 'triage', team: null }]);
    // The second answer follows the first: a survey without step or team changes neither.
    expect(v.surveys.map(({ step, team }) => ({ step, team }))).toEqual([
      { step: 'in_progress', team: 'N1' },
      { step: 'in_progress', team: 'N1' },
    ]);
  });

  it('keeps the answers of the filtered cases only', () => {
    const filtered = referenceSummary(EVENTS, { timeZone: PARIS, repeatWindowDays: 7, filters: { team: 'N3' } });
    expect(filtered.satisfaction).toEqual({
      byStep: [{ step: 'new', responses: 1, mean: null, csatShare: null }],
      byTeam: [{ team: 'N3', responses: 1, mean: null, csatShare: null }],
    });
  });
});
