import { Direction, EventType, JourneyEvent } from '../journey/journey-event';
import { ArrivalClock, DAY, HOUR, isOpen, isoWeekStartUtc, MINUTE, nextOpen, SECOND, WEEK } from './demo-calendar';
import { MinHeap } from './demo-heap';
import {
  CATEGORY_PROFILES,
  CATEGORY_TABLE,
  CHANNEL_TABLE,
  CUSTOMER_HOURS,
  DEMO_AGENTS,
  DEMO_CSAT_SCALE,
  DEMO_TEAMS,
  DemoCategory,
  DemoChannel,
  DemoStep,
  DemoTeam,
  OFF_HOURS_CHANNEL_TABLE,
  REPEAT_CHANNEL_TABLE,
  TEAM_PROFILES,
} from './demo-model';
import { DemoRandom } from './demo-random';

// Hot paths read Math through module bindings: a global lookup is slow inside a vm context (Jest runs tests in one).
const { ceil, floor, log1p, max, min, round } = Math;

export interface DemoOptions {
  /** 32-bit integer; the same seed and options give the same rows, byte for byte. Default 42. */
  seed?: number;
  /** Number of cases (each has exactly one `created` row). Default 20,000. */
  cases?: number;
  /** Number of ISO weeks covered, the last one being the week holding `end`. Default 26. */
  weeks?: number;
  /**
   * Instant the data stops at: no event is later. Required (not "now") so that a seed alone fixes the output;
   * pass `new Date()` for a demo that looks current.
   */
  end: Date;
}

export const DEMO_DEFAULTS = { seed: 42, cases: 20_000, weeks: 26 } as const;

/** The period a demo run covers: Monday 00:00 UTC of its first ISO week up to `end`. */
export interface DemoPeriod {
  start: Date;
  end: Date;
}

interface ResolvedOptions {
  seed: number;
  cases: number;
  weeks: number;
  startMs: number;
  endMs: number;
}

function resolveOptions(options: DemoOptions): ResolvedOptions {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const cases = options.cases ?? DEMO_DEFAULTS.cases;
  const weeks = options.weeks ?? DEMO_DEFAULTS.weeks;
  const end = options.end;
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new RangeError(`seed must be a 32-bit integer, got ${seed}`);
  }
  if (!Number.isSafeInteger(cases) || cases < 0) throw new RangeError(`cases must be an integer ≥ 0, got ${cases}`);
  if (!Number.isSafeInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be an integer ≥ 1, got ${weeks}`);
  if (!(end instanceof Date) || Number.isNaN(end.getTime())) throw new RangeError('end must be a valid Date');
  const endMs = end.getTime();
  return { seed, cases, weeks, startMs: isoWeekStartUtc(endMs) - (weeks - 1) * WEEK, endMs };
}

export function demoPeriod(options: DemoOptions): DemoPeriod {
  const { startMs, endMs } = resolveOptions(options);
  return { start: new Date(startMs), end: new Date(endMs) };
}

/** One event of a generated case, before it is written out. `csat` 0 and '' mean "empty". */
export interface DemoRow {
  ts: number;
  event: EventType;
  step: DemoStep;
  team: DemoTeam | '';
  agent: string;
  direction: Direction | '';
  csat: number;
}

/** One generated case: its attributes and its rows in (ts, emission) order, already cut at `end`. */
export interface DemoCase {
  caseId: string;
  customerId: string;
  channel: DemoChannel;
  category: DemoCategory;
  rows: DemoRow[];
}

const N1 = DEMO_TEAMS.frontLine;

/** Customers chase (inbound contacts per day) more while a case waits on a third party or in a queue. */
const CHASERS_PER_DAY: Record<DemoStep, number> = {
  new: 0.4,
  triage: 0.4,
  in_progress: 0.25,
  waiting_customer: 0,
  waiting_third_party: 0.35,
  resolved: 0,
  closed: 0,
  reopened: 0.5,
};
/** Agents send updates (outbound contacts per day) while a case waits. */
const UPDATES_PER_DAY: Record<DemoStep, number> = {
  new: 0,
  triage: 0,
  in_progress: 0.05,
  waiting_customer: 0.2,
  waiting_third_party: 0.15,
  resolved: 0,
  closed: 0,
  reopened: 0,
};
/** How a survey answered at a step leans (on the 1–5 scale) before the journey's breaks are counted. */
const SURVEY_STEP_BONUS: Record<DemoStep, number> = {
  new: 0,
  triage: 0.25,
  in_progress: 0,
  waiting_customer: -0.3,
  waiting_third_party: -0.3,
  resolved: 0.35,
  closed: 0.2,
  reopened: -0.5,
};

/** Simulates one case as a sequence of state changes, with contacts and surveys between them. */
class CaseSim {
  readonly rows: DemoRow[] = [];
  transfers = 0;
  pingPong = false;
  reopens = 0;
  chasers = 0;
  lastCsat = 0;
  private t: number;
  private lastTs: number;
  private step: DemoStep = 'new';
  private team: DemoTeam | '' = N1;
  private agent = '';
  private lastTeam: DemoTeam | null = null;
  private readonly held: DemoTeam[] = [];
  private resolved = false;

  constructor(
    private readonly r: DemoRandom,
    private readonly created: number,
    private readonly channel: DemoChannel,
    private readonly category: DemoCategory,
    private readonly repeat: boolean,
  ) {
    this.t = created;
    this.lastTs = created;
  }

  run(): this {
    const r = this.r;
    const fast = this.channel === 'phone' || this.channel === 'chat';
    this.emit(this.created, 'created');
    // The customer's first request: the inbound contact every later chaser is counted after.
    this.emit(this.created, 'contact', 'inbound');

    const pickup = fast
      ? this.agentTime(this.created + r.exponential(90 * SECOND), N1)
      : this.agentTime(this.created + r.logNormal(...TEAM_PROFILES[N1].pickup), N1);
    this.window(this.created, pickup);
    this.assign(pickup, N1, this.agentOf(N1));
    this.setStep(this.t + (fast ? r.uniform(30 * SECOND, 4 * MINUTE) : r.logNormal(6 * MINUTE, 0.7)), 'triage');

    let team: DemoTeam = N1;
    for (let holds = 0; ; holds += 1) {
      const resolveP =
        holds === 0
          ? CATEGORY_PROFILES[this.category].frontLineResolveP
          : min(0.95, TEAM_PROFILES[team].resolveP + 0.06 * this.transfers);
      const resolving = holds >= 6 || r.chance(resolveP);
      this.work(team, resolving, holds === 0 ? (fast ? 0.08 : 0.02) : 0);
      if (resolving) break;
      const target: DemoTeam =
        holds === 0 ? r.pick(CATEGORY_PROFILES[this.category].escalation) : r.pick(TEAM_PROFILES[team].handOn);
      this.handOver(target);
      team = target;
    }
    this.resolveAndClose(team);
    return this;
  }

  /** A stay in `team`: start work, maybe wait on the customer or a third party, then finish (solve or hand on). */
  private work(team: DemoTeam, resolving: boolean, surveyP: number): void {
    const r = this.r;
    const profile = TEAM_PROFILES[team];
    if (this.step !== 'in_progress' && (team !== N1 || resolving || r.chance(0.5))) {
      const start = this.agentTime(this.t + r.logNormal(team === N1 ? 5 * MINUTE : 15 * MINUTE, 0.8), team);
      this.window(this.t, start, surveyP);
      surveyP = 0;
      this.setStep(start, 'in_progress');
    }
    if (r.chance(profile.agentChangeP) && this.team === team) {
      const at = this.agentTime(this.t + r.logNormal(2 * HOUR, 1), team);
      this.window(this.t, at, surveyP);
      surveyP = 0;
      this.assign(at, team, this.otherAgent(team));
    }
    if (r.chance(profile.waitCustomerP)) {
      const ask = this.agentTime(this.t + r.logNormal(profile.work[0] / 2, 0.8), team);
      this.window(this.t, ask, surveyP);
      surveyP = 0;
      this.setStep(ask, 'waiting_customer');
      this.emit(ask, 'contact', 'outbound');
      const reply = this.customerTime(this.t + r.logNormal(16 * HOUR, 1.2));
      this.window(this.t, reply);
      this.emit(reply, 'contact', 'inbound');
      const back = this.agentTime(this.t + r.logNormal(...profile.pickup), team);
      this.window(this.t, back);
      this.setStep(back, 'in_progress');
    }
    if (r.chance(profile.waitThirdPartyP)) {
      const ask = this.agentTime(this.t + r.logNormal(HOUR, 1), team);
      this.window(this.t, ask, surveyP);
      surveyP = 0;
      this.setStep(ask, 'waiting_third_party');
      const back = this.agentTime(this.t + r.logNormal(...profile.thirdParty), team);
      this.window(this.t, back);
      this.setStep(back, 'in_progress');
    }
    const end = this.agentTime(this.t + r.logNormal(...profile.work), team);
    this.window(this.t, end, surveyP || 0.03);
    this.t = end;
  }

  /** Hand the case to `target`: mostly through the team's queue (agent empty), rarely via "no team". */
  private handOver(target: DemoTeam): void {
    const r = this.r;
    const profile = TEAM_PROFILES[target];
    if (r.chance(0.01)) {
      // Taken out of every team's hands before landing in the target team: still one transfer (§3).
      this.assign(this.t, '', '');
      const next = this.agentTime(this.t + r.logNormal(2 * HOUR, 1), target);
      this.window(this.t, next);
      this.t = next;
    }
    if (r.chance(profile.queueP)) {
      this.assign(this.t, target, '');
      const pickup = this.agentTime(this.t + r.logNormal(...profile.pickup), target);
      this.window(this.t, pickup);
      this.assign(pickup, target, this.agentOf(target));
    } else {
      this.assign(this.t, target, this.agentOf(target));
    }
  }

  private resolveAndClose(resolver: DemoTeam): void {
    const r = this.r;
    let team = resolver;
    for (;;) {
      this.setStep(this.t, 'resolved');
      this.resolved = true;
      const reopenP = min(0.3, 0.045 + 0.02 * this.transfers + (this.pingPong ? 0.03 : 0));
      if (this.reopens < 2 && r.chance(reopenP)) {
        // The customer answers "still broken" before the case would close automatically (72 h).
        const back = this.customerTime(this.t + min(r.logNormal(20 * HOUR, 1), r.uniform(40 * HOUR, 70 * HOUR)));
        this.window(this.t, back, 0.3);
        this.emit(back, 'contact', 'inbound');
        this.resolved = false;
        this.reopens += 1;
        this.setStep(back, 'reopened', 'reopened');
        if (team !== N1 && r.chance(0.35)) {
          // The reopened case lands at the front desk, which mostly sends it back (a ping-pong).
          this.handOver(N1);
          if (r.chance(0.7)) {
            this.work(N1, false, 0);
            this.handOver(team);
          } else {
            team = N1;
          }
        } else {
          const pickup = this.agentTime(this.t + r.logNormal(...TEAM_PROFILES[team].pickup), team);
          this.window(this.t, pickup);
          this.assign(pickup, team, r.chance(0.7) && this.agent !== '' ? this.agent : this.otherAgent(team));
        }
        this.work(team, true, 0);
        continue;
      }
      const close = r.chance(0.35)
        ? this.customerTime(this.t + r.logNormal(5 * HOUR, 1))
        : this.t + 3 * DAY + r.int(0, 3600) * SECOND;
      this.window(this.t, close, 0.33);
      this.setStep(close, 'closed');
      if (r.chance(0.03)) {
        const at = this.customerTime(this.t + r.logNormal(DAY, 1));
        this.emit(at, 'survey', '', this.csat(at));
      }
      return;
    }
  }

  /**
   * Contacts (chasers, agent updates) and at most one survey strictly between `from` and `to`, in time order,
   * in the current state. Events that would fall on or after `to` are dropped.
   */
  private window(from: number, to: number, surveyP = 0): void {
    const r = this.r;
    const span = to - from;
    if (span <= 0) return;
    const days = span / DAY;
    const chaseRate = this.resolved ? 0 : CHASERS_PER_DAY[this.step] * (1 + 0.3 * this.transfers);
    // Even a long wait holds a handful of chasers and updates, not one a day for weeks.
    const inbound = min(6, r.poisson(chaseRate * min(days, 15)));
    const outbound = min(4, r.poisson(UPDATES_PER_DAY[this.step] * min(days, 15)));
    const survey = surveyP > 0 && r.chance(surveyP);
    if (inbound + outbound === 0 && !survey) return;
    const events: { ts: number; kind: 0 | 1 | 2 }[] = [];
    for (let i = 0; i < inbound; i += 1) events.push({ ts: this.customerTime(from + r.float() * span), kind: 0 });
    for (let i = 0; i < outbound; i += 1) {
      const team = this.team === '' ? N1 : this.team;
      events.push({ ts: this.agentTime(from + r.float() * span, team), kind: 1 });
    }
    if (survey) {
      // Answered a couple of hours after the interaction, and before the next step starts.
      events.push({ ts: this.customerTime(from + min(r.logNormal(2 * HOUR, 1.2), r.float() * span)), kind: 2 });
    }
    events.sort((a, b) => a.ts - b.ts || a.kind - b.kind);
    for (const e of events) {
      if (e.ts >= to) continue;
      if (e.kind === 0) {
        this.chasers += 1;
        this.emit(e.ts, 'contact', 'inbound');
      } else if (e.kind === 1) {
        this.emit(e.ts, 'contact', 'outbound');
      } else {
        this.emit(e.ts, 'survey', '', this.csat(e.ts));
      }
    }
  }

  /** 1–5, worse with transfers, ping-pong, reopens, chasers, elapsed time and repeat contacts. */
  private csat(ts: number): number {
    const elapsedDays = max(0, ts - this.created) / DAY;
    const latent =
      4.2 +
      SURVEY_STEP_BONUS[this.step] -
      0.45 * min(this.transfers, 4) -
      (this.pingPong ? 0.5 : 0) -
      0.6 * this.reopens -
      0.12 * min(this.chasers, 6) -
      0.25 * log1p(elapsedDays) -
      (this.repeat ? 0.3 : 0) +
      0.8 * this.r.normal();
    this.lastCsat = max(1, min(DEMO_CSAT_SCALE, round(latent)));
    return this.lastCsat;
  }

  private assign(ts: number, team: DemoTeam | '', agent: string): void {
    this.team = team;
    this.agent = agent;
    if (team !== '') {
      if (this.lastTeam !== null && team !== this.lastTeam) {
        this.transfers += 1;
        if (this.held.includes(team)) this.pingPong = true;
      }
      if (!this.held.includes(team)) this.held.push(team);
      this.lastTeam = team;
    }
    this.emit(ts, 'assigned');
  }

  private setStep(ts: number, step: DemoStep, event: EventType = 'status_changed'): void {
    this.step = step;
    this.emit(ts, event);
  }

  private emit(ts: number, event: EventType, direction: Direction | '' = '', csat = 0): void {
    const at = max(floor(ts / SECOND) * SECOND, this.lastTs);
    this.lastTs = at;
    this.t = at;
    this.rows.push({ ts: at, event, step: this.step, team: this.team, agent: this.agent, direction, csat });
  }

  private agentTime(ms: number, team: DemoTeam): number {
    return nextOpen(ms, TEAM_PROFILES[team].hours, this.r, 45 * MINUTE);
  }

  private customerTime(ms: number): number {
    return nextOpen(ms, CUSTOMER_HOURS, this.r, 90 * MINUTE);
  }

  private agentOf(team: DemoTeam): string {
    const agents = DEMO_AGENTS[team];
    return agents[this.r.int(0, agents.length - 1)];
  }

  private otherAgent(team: DemoTeam): string {
    const agents = DEMO_AGENTS[team];
    const current = agents.indexOf(this.agent);
    if (current < 0) return this.agentOf(team);
    return agents[(current + this.r.int(1, agents.length - 1)) % agents.length];
  }
}

interface FollowUp {
  customer: number;
  category: DemoCategory;
}

/** Share of fresh cases opened by the small set of frequent customers (2 % of the pool). */
const FREQUENT_SHARE = 0.2;
/** Customers in the pool per case: most customers have one or two cases in the period. */
const POOL_PER_CASE = 0.55;

function customerId(index: number): string {
  return `C${`${index + 1}`.padStart(6, '0')}`;
}

function caseId(n: number): string {
  return `INC${`${n}`.padStart(7, '0')}`;
}

/**
 * Generated cases in creation order, one at a time (memory stays flat: only the follow-ups due within the next
 * days are kept). Each case's rows are cut at `end`, so recent cases may still be open.
 */
export function* generateDemoCases(options: DemoOptions): Generator<DemoCase, void, undefined> {
  const { seed, cases, startMs, endMs } = resolveOptions(options);
  const [arrivalRandom, caseRandom] = DemoRandom.streams(seed);
  const clock = new ArrivalClock(arrivalRandom, startMs, endMs, cases);
  const pool = max(20, ceil(cases * POOL_PER_CASE));
  const frequent = max(1, floor(pool * 0.02));
  const followUps = new MinHeap<FollowUp>();
  const r = caseRandom;

  for (let n = 1; n <= cases; n += 1) {
    const created = clock.next();
    let customer: number;
    let category: DemoCategory;
    let channel: DemoChannel;
    const due = followUps.peekKey();
    const followUp = due !== undefined && due <= created ? followUps.pop() : undefined;
    if (followUp !== undefined) {
      customer = followUp.customer;
      category = followUp.category;
      channel = r.pick(REPEAT_CHANNEL_TABLE);
    } else {
      customer = r.chance(FREQUENT_SHARE) ? r.int(0, frequent - 1) : r.int(0, pool - 1);
      category = r.pick(CATEGORY_TABLE);
      channel = r.pick(isOpen(created, TEAM_PROFILES[N1].hours) ? CHANNEL_TABLE : OFF_HOURS_CHANNEL_TABLE);
    }

    const sim = new CaseSim(r, created, channel, category, followUp !== undefined).run();

    // The customer comes back about the same subject: more often after a broken journey.
    const comeBackP =
      0.08 +
      0.04 * min(sim.transfers, 3) +
      0.12 * sim.reopens +
      (sim.pingPong ? 0.06 : 0) +
      (sim.lastCsat > 0 && sim.lastCsat <= 2 ? 0.12 : 0);
    if (r.chance(comeBackP)) {
      const u = r.float();
      const delay =
        u < 0.12 ? r.uniform(3 * HOUR, DAY) : u < 0.85 ? DAY * (1 + 6 * r.float() ** 1.6) : DAY * r.uniform(7.5, 14);
      if (created + delay <= endMs) followUps.push(created + delay, { customer, category });
    }

    const rows = sim.rows;
    let kept = rows.length;
    while (kept > 0 && rows[kept - 1].ts > endMs) kept -= 1;
    if (kept < rows.length) rows.length = kept;
    yield { caseId: caseId(n), customerId: customerId(customer), channel, category, rows };
  }
}

/**
 * The demo journey log as canonical events, case after case in creation order (each case's rows together and in
 * (ts, seq) order). `seq` is the 1-based data row number of the event in the demo CSV. Deterministic for given
 * options; streaming (nothing is built up front).
 */
export function* generateDemoEvents(options: DemoOptions): Generator<JourneyEvent, void, undefined> {
  let seq = 0;
  for (const c of generateDemoCases(options)) {
    for (const row of c.rows) {
      seq += 1;
      yield {
        caseId: c.caseId,
        customerId: c.customerId,
        ts: new Date(row.ts),
        seq,
        event: row.event,
        step: row.step,
        team: row.team === '' ? null : row.team,
        agent: row.agent === '' ? null : row.agent,
        channel: c.channel,
        category: c.category,
        direction: row.direction === '' ? null : row.direction,
        csat: row.event === 'survey' ? row.csat : null,
        csatScale: row.event === 'survey' ? DEMO_CSAT_SCALE : null,
      };
    }
  }
}
