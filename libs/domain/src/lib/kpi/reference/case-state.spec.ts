import { caseStates } from './case-state';
import { ev } from './fixture-events';

const at = (minutes: number) => new Date(Date.parse('2025-03-24T09:00:00Z') + minutes * 60_000).toISOString();
const teamsAfter = (events: Parameters<typeof caseStates>[0]) => caseStates(events).map((s) => s.after.team);

describe('the step and team holding a case (§1, §3, §5, §6)', () => {
  it('an assignment sets the holder, and without team leaves the case in no team’s hands', () => {
    expect(
      teamsAfter([
        ev('c', at(0), 'created', { step: 'new' }),
        ev('c', at(1), 'assigned', { team: 'N1' }),
        ev('c', at(2), 'assigned', { team: null }),
        ev('c', at(3), 'status_changed', { step: 'triage' }),
        ev('c', at(4), 'assigned', { team: 'N2' }),
        ev('c', at(5), 'assigned', { team: '' }),
      ]),
    ).toEqual([null, 'N1', null, null, 'N2', null]);
  });

  it('any other event sets the holder when it names a team, and states nothing with an empty one', () => {
    expect(
      teamsAfter([
        ev('c', at(0), 'created', { step: 'new', team: 'N1' }),
        ev('c', at(1), 'status_changed', { step: 'triage', team: null }),
        ev('c', at(2), 'contact', { team: '', direction: 'inbound' }),
        ev('c', at(3), 'contact', { team: 'N3', direction: 'inbound' }),
        ev('c', at(4), 'survey', { csat: 5, csatScale: 5 }),
        ev('c', at(5), 'reopened', { step: 'reopened', team: 'N2' }),
      ]),
    ).toEqual(['N1', 'N1', 'N1', 'N3', 'N3', 'N2']);
  });

  it('keeps the step until an event names another; before is the state after the strictly earlier events', () => {
    const states = caseStates([
      ev('c', at(0), 'created', { step: 'new', team: 'N1' }),
      ev('c', at(1), 'contact', { direction: 'inbound' }),
      ev('c', at(2), 'status_changed', { step: 'triage', seq: 2 }),
      ev('c', at(2), 'survey', { csat: 5, csatScale: 5, seq: 3 }),
    ]);
    expect(states.map((s) => s.after.step)).toEqual(['new', 'new', 'triage', 'triage']);
    expect(states[0].before).toEqual({ step: null, team: null });
    expect(states[3].before).toEqual({ step: 'triage', team: 'N1' });
  });

  it('applies exact (ts, seq) ties together, on content: the greatest team named, none only if none is named', () => {
    const tie = (...teams: Array<string | null>) =>
      caseStates([
        ev('c', at(0), 'created', { step: 'new', team: 'N1', seq: 1 }),
        ...teams.map((team) => ev('c', at(1), 'assigned', { team, seq: 2 })),
        ev('c', at(1), 'status_changed', { step: 'triage', seq: 2 }),
      ]);
    for (const states of [tie(null, 'N2', 'N3'), tie('N3', null, 'N2')]) {
      expect(states.slice(1).map((s) => s.after)).toEqual(Array(4).fill({ step: 'triage', team: 'N3' }));
      expect(states.slice(1).map((s) => s.before)).toEqual(Array(4).fill({ step: 'new', team: 'N1' }));
    }
    expect(tie(null, '').map((s) => s.after.team)).toEqual(['N1', null, null, null]);
  });
});
