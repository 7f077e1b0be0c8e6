import { referenceCases } from './cases';
import { ev } from './fixture-events';
import { referenceSummary } from './indicators';

const PARIS = 'Europe/Paris';
const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-24T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
const step = (caseId: string, hours: number, name: string, extra = {}) =>
  ev(caseId, at(hours), name === 'reopened' ? 'reopened' : 'status_changed', { step: name, ...extra });
const created = (caseId: string) => ev(caseId, at(0), 'created', { step: 'new', team: 'N1' });

/**
 * 1: new → triage 1 h → in_progress 2 h → resolved 1 h. 2: new → triage 2 h → in_progress 0 h → resolved 10 h.
 * 3: new → triage 0.5 h, still open. 4: only created. 5: new → resolved 1 h → reopened 24 h → resolved 1 h.
 * Assignments and contacts in between are not step entries.
 */
const EVENTS = [
  created('1'),
  ev('1', at(0.5), 'assigned', { team: 'N2', step: 'new' }),
  step('1', 1, 'triage'),
  ev('1', at(2), 'contact', { direction: 'inbound', step: 'triage' }),
  step('1', 3, 'in_progress'),
  step('1', 4, 'resolved'),
  created('2'),
  step('2', 2, 'triage'),
  step('2', 2, 'in_progress', { seq: 1 }),
  step('2', 12, 'resolved'),
  created('3'),
  step('3', 0.5, 'triage'),
  created('4'),
  created('5'),
  step('5', 1, 'resolved'),
  step('5', 25, 'reopened'),
  step('5', 26, 'resolved'),
];

describe('delay between steps (§5)', () => {
  it('pairs consecutive step-entry events of a case, in whole seconds', () => {
    const [one] = referenceCases(EVENTS, { timeZone: PARIS, repeatWindowDays: 7 });
    expect(one.transitions).toEqual([
      // N2 was assigned during `new`: it holds the case from triage on.
      { from: 'new', to: 'triage', seconds: 3600, team: 'N1' },
      { from: 'triage', to: 'in_progress', seconds: 7200, team: 'N2' },
      { from: 'in_progress', to: 'resolved', seconds: 3600, team: 'N2' },
    ]);
  });

  it('orders step entries at the same instant by seq', () => {
    const tied = [created('6'), step('6', 1, 'waiting_customer', { seq: 2 }), step('6', 1, 'in_progress', { seq: 1 })];
    expect(referenceCases(tied, { timeZone: PARIS, repeatWindowDays: 7 })[0].transitions).toEqual([
      { from: 'new', to: 'in_progress', seconds: 3600, team: 'N1' },
      { from: 'in_progress', to: 'waiting_customer', seconds: 0, team: 'N1' },
    ]);
  });

  it('gives each stay the team holding the case when the step was entered (one holder rule with §6)', () => {
    const options = { timeZone: PARIS, repeatWindowDays: 7 };
    // N1, then taken out of every team's hands during `new`: the status change and the survey after it state no
    // team, so triage is entered in no team's hands.
    const unassigned = [
      created('7'),
      ev('7', at(0.5), 'assigned', { step: 'new', team: null }),
      step('7', 1, 'triage'),
      ev('7', at(1.5), 'survey', { step: 'triage', csat: 4, csatScale: 5 }),
      step('7', 2, 'resolved'),
    ];
    expect(referenceCases(unassigned, options)[0].transitions).toEqual([
      { from: 'new', to: 'triage', seconds: 3600, team: 'N1' },
      { from: 'triage', to: 'resolved', seconds: 3600, team: null },
    ]);
    // Status changes recorded with an empty team (empty text or null) state nothing: N1 keeps the case.
    const unstated = [created('8'), step('8', 1, 'triage', { team: '' }), step('8', 2, 'resolved', { team: null })];
    expect(referenceCases(unstated, options)[0].transitions).toEqual([
      { from: 'new', to: 'triage', seconds: 3600, team: 'N1' },
      { from: 'triage', to: 'resolved', seconds: 3600, team: 'N1' },
    ]);
  });

  it('reports count, median, p90 (percentile_cont) and mean hours per transition, most frequent first', () => {
    expect(referenceSummary(EVENTS, { timeZone: PARIS, repeatWindowDays: 7 }).stepDelays).toEqual([
      // 1800, 3600, 7200 s: median 3600; p90 pos 1.8 → 3600 + 0.8 · 3600 = 6480 s = 1.8 h; mean 4200 s.
      { from: 'new', to: 'triage', count: 3, medianHours: 1, p90Hours: 1.8, meanHours: 1.1667 },
      // 3600, 36000 s: median 19800 s; p90 pos 0.9 → 3600 + 0.9 · 32400 = 32760 s = 9.1 h.
      { from: 'in_progress', to: 'resolved', count: 2, medianHours: 5.5, p90Hours: 9.1, meanHours: 5.5 },
      // 0, 7200 s: median 3600; p90 6480 s.
      { from: 'triage', to: 'in_progress', count: 2, medianHours: 1, p90Hours: 1.8, meanHours: 1 },
      { from: 'new', to: 'resolved', count: 1, medianHours: 1, p90Hours: 1, meanHours: 1 },
      { from: 'reopened', to: 'resolved', count: 1, medianHours: 1, p90Hours: 1, meanHours: 1 },
      { from: 'resolved', to: 'reopened', count: 1, medianHours: 24, p90Hours: 24, meanHours: 24 },
    ]);
  });

  it('keeps only the transitions of the filtered cases', () => {
    const filtered = referenceSummary(EVENTS, {
      timeZone: PARIS,
      repeatWindowDays: 7,
      filters: { team: 'N2' },
    });
    expect(filtered.stepDelays).toEqual([]);
  });
});
