import fc from 'fast-check';
import { referenceCases } from './cases';
import { eventIdentity, eventsByCase } from './stored-event';
import { formatJourneyEvents, journeySets, referenceFilterSets } from './journey-arbitrary';

const PARIS = 'Europe/Paris';
const DAY_MS = 86_400_000;

describe('journeySets (random journey logs for property tests)', () => {
  const sets = fc.sample(journeySets(fc), { numRuns: 400, seed: 20250330 }).map(({ events }) => ({
    events,
    cases: referenceCases(events, { timeZone: PARIS, repeatWindowDays: 7 }),
  }));

  it('yields what the store keeps: unique identities and seq, whole seconds, answers on their scale', () => {
    const violations: string[] = [];
    for (const { events } of sets) {
      if (new Set(events.map(eventIdentity)).size !== events.length) violations.push('duplicate identity');
      if (new Set(events.map((e) => e.seq)).size !== events.length) violations.push('duplicate seq');
      for (const e of events) {
        if (e.ts.getTime() % 1000 !== 0) violations.push(`fraction of a second: ${e.ts.toISOString()}`);
        const answered = e.csat !== null && e.csatScale !== null && e.csat >= 1 && e.csat <= e.csatScale;
        if ((e.event === 'survey') !== answered || ![null, 5, 10].includes(e.csatScale))
          violations.push(`survey answer: ${e.event} ${e.csat}/${e.csatScale}`);
        if ((e.event === 'contact') !== (e.direction !== null)) violations.push(`direction on ${e.event}`);
      }
    }
    expect(violations).toEqual([]);
  });

  // Each feature the parity tests rely on shows up in a fair share of the sets.
  const features: Record<string, (set: (typeof sets)[number]) => boolean> = {
    'several sources': ({ events }) => new Set(events.map((e) => e.source)).size > 1,
    'the same case id in two sources': ({ events }) =>
      new Set(events.map((e) => e.caseId)).size < new Set(events.map((e) => `${e.source}/${e.caseId}`)).size,
    'a case without created': ({ events }) =>
      [...eventsByCase(events).values()].some((list) => !list.some((e) => e.event === 'created')),
    'a tie in ts inside a case': ({ events }) =>
      [...eventsByCase(events).values()].some((list) => list.some((e, i) => i > 0 && +e.ts === +list[i - 1].ts)),
    'file order unlike time order': ({ events }) =>
      [...eventsByCase(events).values()].some((list) => list.some((e, i) => i > 0 && e.seq < list[i - 1].seq)),
    'an assignment to no team': ({ events }) => events.some((e) => e.event === 'assigned' && e.team === null),
    'a return to an earlier team': ({ cases }) => cases.some((c) => c.pingPong),
    'a repeat exactly 7 × 24 h later': ({ cases }) => cases.some((c) => c.nextSameSubjectMs === 7 * DAY_MS),
    'a next case 7 × 24 h + 1 s later': ({ cases }) => cases.some((c) => c.nextSameSubjectMs === 7 * DAY_MS + 1000),
    'a case on the provisional edge': ({ events, cases }) => {
      const latest = Math.max(...events.map((e) => +e.ts));
      return cases.some((c) => +c.createdTs === latest - 7 * DAY_MS || +c.createdTs === latest - 2 * DAY_MS);
    },
    'answers on scales 5 and 10': ({ events }) =>
      events.some((e) => e.csatScale === 5) && events.some((e) => e.csatScale === 10),
    'a week with at least 5 answers': ({ cases }) => {
      const perWeek = new Map<string, number>();
      for (const c of cases) perWeek.set(c.week, (perWeek.get(c.week) ?? 0) + c.surveys.length);
      return [...perWeek.values()].some((n) => n >= 5);
    },
    'cases in two ISO weeks': ({ cases }) => new Set(cases.map((c) => c.week)).size > 1,
    'a case with 4+ transfers': ({ cases }) => cases.some((c) => c.transfers.length >= 4),
    'a second created': ({ events }) =>
      [...eventsByCase(events).values()].some((list) => list.filter((e) => e.event === 'created').length > 1),
  };

  it.each(Object.keys(features))('often contains %s', (name) => {
    const share = sets.filter((set) => features[name](set)).length / sets.length;
    expect(share).toBeGreaterThan(0.05);
  });

  it('prints a counterexample one event per line', () => {
    const [{ events }] = sets;
    expect(formatJourneyEvents(events).split('\n')).toHaveLength(events.length);
  });

  it('draws non-empty filters from the same vocabulary', () => {
    for (const filters of fc.sample(referenceFilterSets(fc), { numRuns: 100, seed: 1 }))
      expect(Object.keys(filters).length).toBeGreaterThan(0);
  });
});
