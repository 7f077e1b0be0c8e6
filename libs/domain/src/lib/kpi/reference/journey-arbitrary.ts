import type fastCheck from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { Direction, EventType } from '../../journey/journey-event';
import { DAY_MS } from './repeat-contact';
import { storeEvents, type ReferenceFilters, type StoredJourneyEvent } from './stored-event';

/**
 * fast-check is a development dependency, so this module never loads it: callers pass their `fast-check` module
 * (`journeySets(fc)`), and @relais/domain stays loadable in a production install.
 */
export type FastCheckModule = typeof fastCheck;

/** A random journey log: what the store keeps of one import file (deduplicated, `seq` = file order). */
export interface JourneySet {
  events: StoredJourneyEvent[];
}

export const JOURNEY_SOURCES = ['alpha', 'beta', 'gamma'] as const;
export const JOURNEY_TEAMS = ['N1', 'N2', 'N3'] as const;
export const JOURNEY_CATEGORIES = ['billing', 'access'] as const;
export const JOURNEY_CHANNELS = ['phone', 'email', 'chat'] as const;
export const JOURNEY_STEPS = ['new', 'triage', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
const CUSTOMERS = ['k1', 'k2', 'k3'] as const;
const AGENTS = ['a1', 'a2', 'a3'] as const;

/**
 * Where journeys start: ISO week edges in Europe/Paris on both sides of the 2025-03-30 DST change (Sunday 23:59:59
 * and Monday 00:00 local), the missing hour itself, and an ordinary weekday.
 */
export const JOURNEY_ANCHORS = [
  '2025-03-23T22:59:59Z',
  '2025-03-23T23:00:00Z',
  '2025-03-30T00:59:59Z',
  '2025-03-30T01:00:00Z',
  '2025-03-30T21:59:59Z',
  '2025-03-30T22:00:00Z',
  '2025-03-26T10:00:00Z',
] as const;

const DAY_S = DAY_MS / 1000;

export interface JourneySetOptions {
  maxCases?: number;
  maxActionsPerCase?: number;
}

interface Action {
  kind: EventType;
  /** Seconds after the previous event of the case (0: a tie; negative: written before it). */
  delta: number;
  team: string | null;
  agent: string;
  step: string;
  direction: Direction;
  scale: number;
  answer: number;
  /** Surveys come in bursts (1–3 answers, 0 or 60 s apart) so that weeks and steps reach 5 answers. */
  burst: number;
  burstGap: number;
  channel: string;
  category: string | null;
  fileKey: number;
}

interface CaseSpec {
  source: string;
  /** Creation time relative to an earlier case (index modulo the case's own index). */
  ref: number;
  createdDelta: number;
  /** Same customer and category as the reference case: builds repeat chains. */
  sameSubject: boolean;
  customerKey: string | null;
  category: string | null;
  channel: string;
  withCreated: boolean;
  step: string;
  team: string | null;
  agent: string;
  fileKey: number;
  actions: Action[];
}

interface BoundaryCase {
  /** W of the window whose provisional edge the case sits on: created at latest − W days + offset. */
  windowDays: number;
  offsetSeconds: number;
  source: string;
  customerKey: string | null;
  category: string | null;
  fileKey: number;
}

/**
 * Random journey sets for property tests: a few customers sharing categories, several sources (the same case id
 * in two sources), ties in ts, returns to earlier teams, assignments to no team, cases created exactly 2 and
 * 7 days (± 1 s) after another of the same subject, a case exactly on the provisional edge, surveys on scales 5
 * and 10, cases without `created`, a rare second `created`, events written before the previous one, and file
 * order (`seq`) unrelated to time. Every event carries the state after it (step, team, agent), as exports do.
 */
export function journeySets(fc: FastCheckModule, options: JourneySetOptions = {}): Arbitrary<JourneySet> {
  const { maxCases = 10, maxActionsPerCase = 8 } = options;
  const fileKey = fc.nat(999);
  const team = (nullFreq: number) => fc.option(fc.constantFrom(...JOURNEY_TEAMS), { nil: null, freq: nullFreq });
  // Most journeys mix every kind of event; some pass the case around between teams many times.
  const action = (assignedWeight: number): Arbitrary<Action> =>
    fc.record({
      kind: fc.oneof(
        { weight: assignedWeight, arbitrary: fc.constant<EventType>('assigned') },
        { weight: 6, arbitrary: fc.constant<EventType>('status_changed') },
        { weight: 4, arbitrary: fc.constant<EventType>('contact') },
        { weight: 4, arbitrary: fc.constant<EventType>('survey') },
        { weight: 2, arbitrary: fc.constant<EventType>('reopened') },
        { weight: 1, arbitrary: fc.constant<EventType>('created') },
      ),
      delta: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.constant(1) },
        { weight: 8, arbitrary: fc.integer({ min: 1, max: 72 * 60 }).map((m) => m * 60) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }).map((m) => -m * 60) },
      ),
      team: team(4),
      agent: fc.constantFrom(...AGENTS),
      step: fc.constantFrom(...JOURNEY_STEPS),
      direction: fc.constantFrom<Direction>('inbound', 'inbound', 'outbound'),
      scale: fc.constantFrom(5, 10),
      answer: fc.nat(9),
      burst: fc.integer({ min: 1, max: 3 }),
      burstGap: fc.constantFrom(0, 60),
      channel: fc.constantFrom(...JOURNEY_CHANNELS),
      category: fc.constantFrom(...JOURNEY_CATEGORIES),
      fileKey,
    });
  const customer = fc.option(fc.constantFrom(...CUSTOMERS), { nil: null, freq: 6 });
  const category = fc.option(fc.constantFrom(...JOURNEY_CATEGORIES), { nil: null, freq: 8 });
  const caseSpec: Arbitrary<CaseSpec> = fc.record({
    source: fc.constantFrom(...JOURNEY_SOURCES),
    ref: fc.nat(99),
    createdDelta: fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(0, 2 * DAY_S, 2 * DAY_S + 1, 7 * DAY_S, 7 * DAY_S - 1, 7 * DAY_S + 1) },
      { weight: 3, arbitrary: fc.integer({ min: -3 * 24 * 60, max: 12 * 24 * 60 }).map((m) => m * 60) },
    ),
    sameSubject: fc.boolean(),
    customerKey: customer,
    category,
    channel: fc.constantFrom(...JOURNEY_CHANNELS),
    withCreated: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    step: fc.constantFrom('new', 'triage'),
    team: team(3),
    agent: fc.constantFrom(...AGENTS),
    fileKey,
    actions: fc.oneof(
      { weight: 4, arbitrary: fc.array(action(6), { maxLength: maxActionsPerCase }) },
      { weight: 1, arbitrary: fc.array(action(30), { minLength: 4, maxLength: maxActionsPerCase + 4 }) },
    ),
  });
  const boundary: Arbitrary<BoundaryCase | null> = fc.option(
    fc.record({
      windowDays: fc.constantFrom(2, 7),
      offsetSeconds: fc.constantFrom(-1, 0, 1),
      source: fc.constantFrom(...JOURNEY_SOURCES),
      customerKey: customer,
      category,
      fileKey,
    }),
    { nil: null, freq: 2 },
  );
  return fc
    .record({
      anchor: fc.constantFrom(...JOURNEY_ANCHORS),
      cases: fc.array(caseSpec, { minLength: 1, maxLength: maxCases }),
      boundary,
    })
    .map(({ anchor, cases, boundary }) => journeySetOf(fc, buildJourneySet(Date.parse(anchor), cases, boundary)));
}

/**
 * A journey set of given events (e.g. a known counterexample kept as an `examples` entry of fc.assert), printed
 * one event per line in fast-check reports like the generated ones. The events must already be what the store
 * keeps (see storeEvents).
 */
export function journeySetOf(fc: FastCheckModule, events: StoredJourneyEvent[]): JourneySet {
  const set: JourneySet = { events };
  Object.defineProperty(set, fc.toStringMethod, { value: () => formatJourneyEvents(set.events) });
  return set;
}

/**
 * Filters of the indicator endpoints drawn from the vocabulary of journeySets(), never empty: a team, a category,
 * both, a source and/or channel, or a period of organisation-local days.
 */
export function referenceFilterSets(fc: FastCheckModule): Arbitrary<ReferenceFilters> {
  const team = fc.constantFrom(...JOURNEY_TEAMS);
  const category = fc.constantFrom(...JOURNEY_CATEGORIES);
  const day = fc.constantFrom('2025-03-24', '2025-03-30', '2025-03-31', '2025-04-07');
  const notEmpty = (filters: ReferenceFilters) => Object.keys(filters).length > 0;
  return fc.oneof(
    fc.record({ team }),
    fc.record({ category }),
    fc.record({ team, category }),
    fc
      .record(
        { source: fc.constantFrom(...JOURNEY_SOURCES), channel: fc.constantFrom(...JOURNEY_CHANNELS) },
        { requiredKeys: [] },
      )
      .filter(notEmpty),
    fc.record({ from: day, to: day }, { requiredKeys: [] }).filter(notEmpty),
  );
}

interface GeneratedEvent extends Omit<StoredJourneyEvent, 'seq'> {
  fileKey: number;
}

function buildJourneySet(anchorMs: number, specs: readonly CaseSpec[], boundary: BoundaryCase | null) {
  const generated: GeneratedEvent[] = [];
  const created: Array<{ ms: number; customerKey: string | null; category: string | null }> = [];
  const casesPerSource = new Map<string, number>();
  const nextCaseId = (source: string) => {
    const n = (casesPerSource.get(source) ?? 0) + 1;
    casesPerSource.set(source, n);
    return `c${String(n).padStart(2, '0')}`;
  };
  specs.forEach((spec, i) => {
    const ref = i > 0 ? created[spec.ref % i] : null;
    const subject = ref && spec.sameSubject ? ref : spec;
    const createdMs = ref ? ref.ms + spec.createdDelta * 1000 : anchorMs;
    created.push({ ms: createdMs, customerKey: subject.customerKey, category: subject.category });
    const caseId = nextCaseId(spec.source);
    const state = { step: spec.step, team: spec.team, agent: spec.agent };
    const push = (ms: number, event: EventType, extra: Partial<GeneratedEvent> & { fileKey: number }) =>
      generated.push({
        source: spec.source,
        caseId,
        customerKey: null,
        ts: new Date(ms),
        event,
        step: state.step,
        team: state.team,
        agent: state.agent,
        channel: null,
        category: null,
        direction: null,
        csat: null,
        csatScale: null,
        ...extra,
      });
    if (spec.withCreated)
      push(createdMs, 'created', {
        customerKey: subject.customerKey,
        category: subject.category,
        channel: spec.channel,
        fileKey: spec.fileKey,
      });
    let ms = createdMs;
    for (const a of spec.actions) {
      ms += a.delta * 1000;
      switch (a.kind) {
        case 'assigned':
          state.team = a.team;
          state.agent = a.agent;
          push(ms, 'assigned', { fileKey: a.fileKey });
          break;
        case 'status_changed':
          state.step = a.step;
          push(ms, 'status_changed', { fileKey: a.fileKey });
          break;
        case 'reopened':
          state.step = 'reopened';
          push(ms, 'reopened', { fileKey: a.fileKey });
          break;
        case 'contact':
          push(ms, 'contact', { direction: a.direction, fileKey: a.fileKey });
          break;
        case 'survey':
          for (let k = 0; k < a.burst; k += 1) {
            const answer = 1 + ((a.answer + k * 3) % a.scale);
            push(ms + k * a.burstGap * 1000, 'survey', {
              csat: answer,
              csatScale: a.scale,
              fileKey: a.fileKey + k,
            });
          }
          break;
        case 'created':
          // A second `created` (a re-created case): the first one in (ts, seq) order gives the attributes.
          state.step = 'new';
          push(ms, 'created', {
            customerKey: subject.customerKey,
            category: a.category,
            channel: a.channel,
            fileKey: a.fileKey,
          });
          break;
      }
    }
  });
  if (boundary) {
    const latest = generated.length ? Math.max(...generated.map((e) => e.ts.getTime())) : anchorMs;
    const ms = latest - boundary.windowDays * DAY_MS + boundary.offsetSeconds * 1000;
    generated.push({
      source: boundary.source,
      caseId: 'edge',
      customerKey: boundary.customerKey,
      ts: new Date(ms),
      event: 'created',
      step: 'new',
      team: 'N1',
      agent: null,
      channel: 'phone',
      category: boundary.category,
      direction: null,
      csat: null,
      csatScale: null,
      fileKey: boundary.fileKey,
    });
  }
  // File order: unrelated to time or case; seq is the row's position.
  const inFile = generated
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.fileKey - b.e.fileKey || a.i - b.i)
    .map(({ e }, i) => {
      const event: StoredJourneyEvent & { fileKey?: number } = { ...e, seq: i + 1 };
      delete event.fileKey;
      return event;
    });
  return storeEvents(inFile).sort((a, b) => a.seq - b.seq);
}

/** One line per event, in the given order: readable counterexamples. */
export function formatJourneyEvents(events: readonly StoredJourneyEvent[]): string {
  return events
    .map((e) =>
      [
        `#${e.seq}`,
        `${e.source}/${e.caseId}`,
        e.ts.toISOString().replace('.000Z', 'Z'),
        e.event,
        e.step && `step=${e.step}`,
        e.team && `team=${e.team}`,
        e.agent && `agent=${e.agent}`,
        e.customerKey && `customer=${e.customerKey}`,
        e.channel && `channel=${e.channel}`,
        e.category && `category=${e.category}`,
        e.direction,
        e.csat !== null && `csat=${e.csat}/${e.csatScale}`,
      ]
        .filter(Boolean)
        .join(' '),
    )
    .join('\n');
}
