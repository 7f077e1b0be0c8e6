import { casesWithoutCreated, countChasers, latestEventTs, referenceCases } from './cases';
import { ev } from './fixture-events';
import { eventsByCase } from './stored-event';

const OPTIONS = { timeZone: 'Europe/Paris', repeatWindowDays: 7 };

describe('cases (§1)', () => {
  const events = [
    // A: two `created` at the same instant; seq 2 comes first and gives the attributes.
    ev('A', '2025-01-06T09:00:00Z', 'created', {
      seq: 3,
      customerKey: 'k9',
      channel: 'email',
      category: 'access',
      team: 'N2',
    }),
    ev('A', '2025-01-06T09:00:00Z', 'created', {
      seq: 2,
      customerKey: 'k1',
      channel: 'phone',
      category: 'billing',
      team: 'N1',
    }),
    // B: created in no team's hands, then routed to N3: counted for N3 (the team it was first routed to).
    ev('B', '2025-01-07T09:00:00Z', 'assigned', { team: null }),
    ev('B', '2025-01-07T09:00:00Z', 'created', { seq: 5 }),
    ev('B', '2025-01-07T09:05:00Z', 'assigned', { team: 'N3' }),
    ev('B', '2025-01-08T09:05:00Z', 'assigned', { team: 'N1' }),
    // C: no `created`: kept, reported, never a case — its later event still is the latest of the data.
    ev('C', '2025-01-20T09:00:00Z', 'assigned', { team: 'N2' }),
  ];

  it('takes case attributes from the first `created` in (ts, seq) order', () => {
    const [a] = referenceCases(events, OPTIONS);
    expect(a).toMatchObject({
      caseId: 'A',
      customerKey: 'k1',
      channel: 'phone',
      category: 'billing',
      team: 'N1',
      createdTs: new Date('2025-01-06T09:00:00Z'),
      week: '2025-W02',
      weekStart: '2025-01-06',
    });
  });

  it('counts a case created without a team for the first team it was assigned to', () => {
    const b = referenceCases(events, OPTIONS)[1];
    expect(b).toMatchObject({ caseId: 'B', team: 'N3', teamEntries: 2, distinctTeams: 2 });
    expect(b.transfers.map((t) => [t.from, t.to])).toEqual([['N3', 'N1']]);
  });

  it('never counts a case without `created`, reports it, and still reads its events for the latest instant', () => {
    expect(referenceCases(events, OPTIONS).map((c) => c.caseId)).toEqual(['A', 'B']);
    expect(casesWithoutCreated(events)).toEqual([{ source: 's', caseId: 'C' }]);
    expect(latestEventTs(events)).toEqual(new Date('2025-01-20T09:00:00Z'));
    expect(latestEventTs([])).toBeNull();
  });

  it('tells a reopened case', () => {
    const reopened = [ev('D', '2025-01-06T09:00:00Z', 'created'), ev('D', '2025-01-09T09:00:00Z', 'reopened')];
    expect(referenceCases(reopened, OPTIONS)[0].reopened).toBe(true);
    expect(referenceCases(events, OPTIONS)[0].reopened).toBe(false);
  });
});

describe('chasers (§4)', () => {
  const chasersOf = (events: ReturnType<typeof ev>[]) => countChasers([...eventsByCase(events).values()][0]);
  const contact = (ts: string, direction: 'inbound' | 'outbound', seq = 0) =>
    ev('F', ts, 'contact', { direction, seq });

  it('counts inbound contacts after the first one and before resolution, not outbound ones', () => {
    expect(
      chasersOf([
        ev('F', '2025-01-13T07:00:00Z', 'created', { step: 'new' }),
        contact('2025-01-13T08:00:00Z', 'inbound'), // the first one: not a chaser
        contact('2025-01-13T10:00:00Z', 'inbound'), // 1
        contact('2025-01-13T10:30:00Z', 'outbound'),
        contact('2025-01-14T10:00:00Z', 'inbound'), // 2
        ev('F', '2025-01-15T10:00:00Z', 'status_changed', { step: 'resolved' }),
        contact('2025-01-16T10:00:00Z', 'inbound'), // after resolution
        ev('F', '2025-01-17T10:00:00Z', 'reopened', { step: 'reopened' }),
        contact('2025-01-17T11:00:00Z', 'inbound'), // after the first resolution still
      ]),
    ).toBe(2);
  });

  it('orders a contact at the resolution instant by seq', () => {
    const resolved = ev('F', '2025-01-15T10:00:00Z', 'status_changed', { step: 'closed', seq: 5 });
    const first = contact('2025-01-13T08:00:00Z', 'inbound', 1);
    expect(chasersOf([first, contact('2025-01-15T10:00:00Z', 'inbound', 4), resolved])).toBe(1);
    expect(chasersOf([first, contact('2025-01-15T10:00:00Z', 'inbound', 6), resolved])).toBe(0);
  });

  it('has none for a single inbound contact', () => {
    expect(chasersOf([contact('2025-01-13T08:00:00Z', 'inbound')])).toBe(0);
  });
});
