import { parse } from 'csv-parse/sync';
import { compareEvents, EVENT_TYPES, JourneyEvent } from '../journey/journey-event';
import { transferFacts } from '../kpi/transfers';
import { demoCsvChunks, DEMO_CSV_COLUMNS } from './demo-csv';
import { demoPeriod, generateDemoCases, generateDemoEvents } from './demo-generator';
import { DEMO_AGENTS, DEMO_CATEGORIES, DEMO_CHANNELS, DEMO_STEPS, DEMO_TEAMS, DemoTeam } from './demo-model';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** A Wednesday afternoon: the last ISO week (from Monday 2025-06-16) is partial. */
const END = new Date('2025-06-18T15:30:00Z');
const FIRST_MONDAY = Date.UTC(2024, 11, 23); // 2025-06-16 minus 25 weeks

const csvOf = (options: Parameters<typeof demoCsvChunks>[0]) => [...demoCsvChunks(options)].join('');

function byCase(events: readonly JourneyEvent[]): Map<string, JourneyEvent[]> {
  const cases = new Map<string, JourneyEvent[]>();
  for (const e of events) {
    const list = cases.get(e.caseId);
    if (list) list.push(e);
    else cases.set(e.caseId, [e]);
  }
  return cases;
}

/** KPI-DEFINITIONS §4 by hand: next case of the same (customer, category) created at most 7 × 24 h later. */
function repeatRate(cases: Map<string, JourneyEvent[]>, windowDays: number): number {
  const groups = new Map<string, { ts: number; caseId: string }[]>();
  for (const [caseId, events] of cases) {
    const created = events.find((e) => e.event === 'created');
    if (!created) throw new Error(`case ${caseId} has no created event`);
    const key = `${created.customerId}|${created.category}`;
    const list = groups.get(key) ?? [];
    list.push({ ts: created.ts.getTime(), caseId });
    groups.set(key, list);
  }
  let withRepeat = 0;
  for (const list of groups.values()) {
    list.sort((a, b) => a.ts - b.ts || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
    for (let i = 0; i + 1 < list.length; i += 1) {
      if (list[i + 1].ts - list[i].ts <= windowDays * DAY) withRepeat += 1;
    }
  }
  return withRepeat / cases.size;
}

describe('demo period', () => {
  it('covers the given number of ISO weeks, from Monday 00:00 UTC, up to end', () => {
    expect(demoPeriod({ end: END })).toEqual({ start: new Date(FIRST_MONDAY), end: END });
    expect(demoPeriod({ end: END, weeks: 1 }).start).toEqual(new Date('2025-06-16T00:00:00Z'));
    // A Sunday evening belongs to the week that started six days before.
    expect(demoPeriod({ end: new Date('2025-06-22T21:00:00Z'), weeks: 2 }).start).toEqual(
      new Date('2025-06-09T00:00:00Z'),
    );
  });

  it('rejects options it cannot honour', () => {
    expect(() => demoPeriod({ end: new Date('not a date') })).toThrow(RangeError);
    expect(() => demoPeriod({ end: END, weeks: 0 })).toThrow(RangeError);
    expect(() => [...generateDemoEvents({ end: END, cases: -1 })]).toThrow(RangeError);
    expect(() => [...generateDemoEvents({ end: END, cases: 2.5 })]).toThrow(RangeError);
    expect(() => [...generateDemoEvents({ end: END, seed: 1.5 })]).toThrow(RangeError);
    expect(() => [...generateDemoEvents({ end: END, seed: 2 ** 40 })]).toThrow(RangeError);
  });
});

describe('generateDemoEvents', () => {
  it('gives byte-identical CSV for the same seed and a different one for another seed', () => {
    const a = csvOf({ end: END, cases: 300, seed: 7 });
    const b = csvOf({ end: END, cases: 300, seed: 7 });
    const c = csvOf({ end: END, cases: 300, seed: 8 });
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // The default seed is 42.
    expect(csvOf({ end: END, cases: 50 })).toBe(csvOf({ end: END, cases: 50, seed: 42 }));
  });

  it('produces nothing for zero cases and is lazy for huge runs', () => {
    expect([...generateDemoEvents({ end: END, cases: 0 })]).toEqual([]);
    expect(csvOf({ end: END, cases: 0 })).toBe(`${DEMO_CSV_COLUMNS.join(',')}\n`);
    // Building fifty million cases up front would not return; a stream hands the first row at once.
    const first = generateDemoEvents({ end: END, cases: 50_000_000 }).next();
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ caseId: 'INC0000001', event: 'created', seq: 1 });
  });

  describe('a small run (200 cases)', () => {
    const events = [...generateDemoEvents({ end: END, cases: 200, seed: 3 })];
    const cases = byCase(events);

    it('has exactly the requested cases, each with one created event as its first row by (ts, seq)', () => {
      expect(cases.size).toBe(200);
      expect([...cases.keys()]).toEqual(Array.from({ length: 200 }, (_, i) => `INC${String(i + 1).padStart(7, '0')}`));
      for (const [caseId, list] of cases) {
        expect(list.filter((e) => e.event === 'created')).toHaveLength(1);
        const ordered = [...list].sort(compareEvents);
        expect({ caseId, first: ordered[0].event }).toEqual({ caseId, first: 'created' });
        // Rows of a case come out together and already in (ts, seq) order.
        expect(ordered).toEqual(list);
      }
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    });

    it('keeps every event inside the period and creates cases in office-friendly hours', () => {
      const { start } = demoPeriod({ end: END });
      for (const e of events) {
        expect(e.ts.getTime()).toBeLessThanOrEqual(END.getTime());
        expect(e.ts.getTime() % 1000).toBe(0);
      }
      for (const e of events.filter((x) => x.event === 'created')) {
        expect(e.ts.getTime()).toBeGreaterThanOrEqual(start.getTime());
        // 05:00–21:59 UTC: far enough from midnight that the ISO week is the same in UTC and Europe/Paris.
        expect(e.ts.getUTCHours()).toBeGreaterThanOrEqual(5);
        expect(e.ts.getUTCHours()).toBeLessThanOrEqual(21);
      }
      // Cases are emitted in creation order.
      const created = events.filter((x) => x.event === 'created').map((x) => x.ts.getTime());
      expect(created).toEqual([...created].sort((a, b) => a - b));
    });

    it('uses only the documented vocabulary, with case attributes repeated on every row', () => {
      const teams = new Set<string>(Object.values(DEMO_TEAMS));
      for (const [, list] of cases) {
        const created = list[0];
        expect(created).toMatchObject({ step: 'new', team: DEMO_TEAMS.frontLine, agent: null });
        expect(created.customerId).toMatch(/^C\d{6}$/);
        expect(DEMO_CHANNELS).toContain(created.channel);
        expect(DEMO_CATEGORIES).toContain(created.category);
        for (const e of list) {
          expect(e).toMatchObject({
            customerId: created.customerId,
            channel: created.channel,
            category: created.category,
          });
          expect(EVENT_TYPES).toContain(e.event);
          expect(DEMO_STEPS).toContain(e.step);
          if (e.team !== null) expect(teams.has(e.team)).toBe(true);
          if (e.agent !== null) expect(DEMO_AGENTS[e.team as DemoTeam]).toContain(e.agent);
          if (e.event === 'survey') {
            expect(Number.isInteger(e.csat)).toBe(true);
            expect(e.csat).toBeGreaterThanOrEqual(1);
            expect(e.csat).toBeLessThanOrEqual(5);
            expect(e.csatScale).toBe(5);
          } else {
            expect(e.csat).toBeNull();
            expect(e.csatScale).toBeNull();
          }
          if (e.event === 'contact') expect(['inbound', 'outbound']).toContain(e.direction);
          else expect(e.direction).toBeNull();
          if (e.event === 'reopened') expect(e.step).toBe('reopened');
        }
      }
    });

    it('parses back with csv-parse to the canonical columns, identical to the events', () => {
      const text = csvOf({ end: END, cases: 200, seed: 3 });
      const records: Record<string, string>[] = parse(text, { columns: true });
      expect(Object.keys(records[0])).toEqual([...DEMO_CSV_COLUMNS]);
      expect(records).toHaveLength(events.length);
      records.forEach((row, i) => {
        const e = events[i];
        expect(row).toEqual({
          case_id: e.caseId,
          customer_id: e.customerId,
          ts: e.ts.toISOString().replace('.000Z', 'Z'),
          event: e.event,
          step: e.step,
          team: e.team ?? '',
          agent: e.agent ?? '',
          channel: e.channel,
          category: e.category,
          csat: e.csat === null ? '' : String(e.csat),
          direction: e.direction ?? '',
          csat_scale: e.csatScale === null ? '' : String(e.csatScale),
        });
        expect(row['ts']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      });
    });

    it('never needs RFC 4180 quoting: no value holds a comma, a quote or a line break', () => {
      const lines = csvOf({ end: END, cases: 200, seed: 3 }).split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(events.length + 1);
      for (const line of lines) {
        expect(line).not.toMatch(/["\r]/);
        expect(line.split(',')).toHaveLength(DEMO_CSV_COLUMNS.length);
      }
    });
  });

  it('honours weeks and a mid-week end: cases only in the last N ISO weeks, nothing after end', () => {
    const end = new Date('2025-03-05T10:17:00Z');
    const events = [...generateDemoEvents({ end, cases: 400, weeks: 4 })];
    const created = events.filter((e) => e.event === 'created');
    expect(created).toHaveLength(400);
    const start = Date.UTC(2025, 1, 10); // Monday of the week three weeks before 2025-03-03
    for (const e of created) expect(e.ts.getTime()).toBeGreaterThanOrEqual(start);
    for (const e of events) expect(e.ts.getTime()).toBeLessThanOrEqual(end.getTime());
    // Every one of the four weeks gets cases.
    const weeks = new Set(created.map((e) => Math.floor((e.ts.getTime() - start) / WEEK)));
    expect([...weeks].sort()).toEqual([0, 1, 2, 3]);
  });

  describe('realistic rates on 2,000 cases', () => {
    const events = [...generateDemoEvents({ end: END, cases: 2000 })];
    const cases = byCase(events);
    const facts = new Map([...cases].map(([id, list]) => [id, transferFacts(list)]));
    const share = (predicate: (list: JourneyEvent[], id: string) => boolean) =>
      [...cases].filter(([id, list]) => predicate(list, id)).length / cases.size;

    it('has transfers (mean per case, §3) and ping-pong within service-desk bounds', () => {
      const transfers = [...facts.values()].reduce((sum, f) => sum + f.transfers, 0) / cases.size;
      const pingPong = [...facts.values()].filter((f) => f.teamEntries - f.distinctTeams > 0).length / cases.size;
      const noTransfer = [...facts.values()].filter((f) => f.transfers === 0).length / cases.size;
      expect(transfers).toBeGreaterThan(0.5);
      expect(transfers).toBeLessThan(1.1);
      expect(pingPong).toBeGreaterThan(0.03);
      expect(pingPong).toBeLessThan(0.12);
      expect(noTransfer).toBeGreaterThan(0.35);
      expect(noTransfer).toBeLessThan(0.65);
    });

    it('has repeat contacts within 7 days, reopens, chasers, surveys and a few still-open cases', () => {
      const repeat7 = repeatRate(cases, 7);
      expect(repeat7).toBeGreaterThan(0.08);
      expect(repeat7).toBeLessThan(0.22);
      expect(repeatRate(cases, 30)).toBeGreaterThan(repeat7);
      const reopen = share((list) => list.some((e) => e.event === 'reopened'));
      expect(reopen).toBeGreaterThan(0.03);
      expect(reopen).toBeLessThan(0.1);
      const surveys = events.filter((e) => e.event === 'survey');
      expect(surveys.length / cases.size).toBeGreaterThan(0.2);
      expect(surveys.length / cases.size).toBeLessThan(0.8);
      const resolvedSurveys = surveys.filter((e) => e.step === 'resolved' || e.step === 'closed').length;
      expect(resolvedSurveys / surveys.length).toBeGreaterThan(0.6);
      expect(surveys.some((e) => e.step === 'triage')).toBe(true);
      expect(surveys.some((e) => e.step === 'in_progress')).toBe(true);
      const withChaser = share((list) => {
        const resolvedAt = list.findIndex((e) => e.step === 'resolved');
        const before = resolvedAt < 0 ? list : list.slice(0, resolvedAt);
        return before.filter((e) => e.event === 'contact' && e.direction === 'inbound').length > 1;
      });
      expect(withChaser).toBeGreaterThan(0.1);
      const open = [...cases.values()].filter((list) => !list.some((e) => e.step === 'closed'));
      expect(open.length).toBeGreaterThan(0);
      // Only recent cases are still open: most of them are days old, none is older than the longest journeys.
      const ages = open.map((list) => (END.getTime() - list[0].ts.getTime()) / DAY).sort((a, b) => a - b);
      expect(ages[Math.floor(ages.length / 2)]).toBeLessThan(7);
      expect(ages[ages.length - 1]).toBeLessThan(60);
    });

    it('makes satisfaction worse with more transfers', () => {
      const scores: number[][] = [[], [], []];
      for (const [id, list] of cases) {
        const bucket = Math.min(2, facts.get(id)?.transfers ?? 0);
        for (const e of list) if (e.event === 'survey' && e.csat !== null) scores[bucket].push(e.csat);
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(scores.every((xs) => xs.length >= 30)).toBe(true);
      expect(mean(scores[0])).toBeGreaterThan(mean(scores[1]) + 0.2);
      expect(mean(scores[1])).toBeGreaterThan(mean(scores[2]) + 0.2);
      expect(mean(scores[0])).toBeGreaterThan(3.8);
    });
  });

  it('varies arrivals by weekday (quiet weekends) and grows over the period', () => {
    const perWeekday = [0, 0, 0, 0, 0, 0, 0];
    const perWeek = new Array(26).fill(0);
    for (const c of generateDemoCases({ end: END, cases: 20_000 })) {
      const ts = c.rows[0].ts;
      perWeekday[(new Date(ts).getUTCDay() + 6) % 7] += 1;
      perWeek[Math.floor((ts - FIRST_MONDAY) / WEEK)] += 1;
    }
    const weekdayMean = perWeekday.slice(0, 5).reduce((a, b) => a + b, 0) / 5;
    expect(perWeekday[5]).toBeLessThan(weekdayMean / 2);
    expect(perWeekday[6]).toBeLessThan(weekdayMean / 2);
    expect(perWeekday[0]).toBeGreaterThan(perWeekday[4]); // Monday busier than Friday
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // Full weeks only: the last one stops on Wednesday.
    expect(sum(perWeek.slice(17, 25))).toBeGreaterThan(sum(perWeek.slice(0, 8)) * 1.1);
  });
});
