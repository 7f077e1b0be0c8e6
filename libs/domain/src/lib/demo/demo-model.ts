import { HOUR, MINUTE, WeekHours } from './demo-calendar';
import { weightedTable, WeightedTable } from './demo-random';

/**
 * Vocabulary of the demo data set. Names are short, French-friendly and never need CSV quoting (no comma,
 * quote or line break), which demo-csv.spec.ts asserts.
 */
export const DEMO_TEAMS = {
  /** Front line: creates, triages and solves the simple cases. */
  frontLine: 'N1 Accueil',
  /** Second line: technical support. */
  secondLine: 'N2 Support',
  /** Specialists: long, heavy-tailed work, often waiting on third parties. */
  specialists: 'Experts',
  /** Back office: billing, delivery, account administration. */
  backOffice: 'Back-office',
} as const;
export type DemoTeam = (typeof DEMO_TEAMS)[keyof typeof DEMO_TEAMS];

export const DEMO_CHANNELS = ['phone', 'email', 'web', 'chat'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export const DEMO_CATEGORIES = [
  'access',
  'account',
  'billing',
  'delivery',
  'hardware',
  'network',
  'software',
  'other',
] as const;
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

export const DEMO_STEPS = [
  'new',
  'triage',
  'in_progress',
  'waiting_customer',
  'waiting_third_party',
  'resolved',
  'closed',
  'reopened',
] as const;
export type DemoStep = (typeof DEMO_STEPS)[number];

export const DEMO_CSAT_SCALE = 5;

const N1 = DEMO_TEAMS.frontLine;
const N2 = DEMO_TEAMS.secondLine;
const EXPERTS = DEMO_TEAMS.specialists;
const BACK_OFFICE = DEMO_TEAMS.backOffice;

/** Agents `agent-001` … `agent-082`, each in exactly one team. */
const AGENT_RANGES: Record<DemoTeam, readonly [number, number]> = {
  [N1]: [1, 36],
  [N2]: [37, 58],
  [EXPERTS]: [59, 68],
  [BACK_OFFICE]: [69, 82],
};
function agentRange(from: number, to: number): readonly string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `agent-${String(from + i).padStart(3, '0')}`);
}
export const DEMO_AGENTS: Readonly<Record<DemoTeam, readonly string[]>> = {
  [N1]: agentRange(...AGENT_RANGES[N1]),
  [N2]: agentRange(...AGENT_RANGES[N2]),
  [EXPERTS]: agentRange(...AGENT_RANGES[EXPERTS]),
  [BACK_OFFICE]: agentRange(...AGENT_RANGES[BACK_OFFICE]),
};

export interface TeamProfile {
  /** Time for an agent of the team to take a case from the team queue (median, log-sigma). */
  pickup: readonly [number, number];
  /** Hands-on work before the case is solved or handed on. */
  work: readonly [number, number];
  /** Time spent waiting on a third party (supplier, carrier, another department). */
  thirdParty: readonly [number, number];
  waitCustomerP: number;
  waitThirdPartyP: number;
  /** Probability that a case handed to the team lands in its queue first (agent empty). */
  queueP: number;
  /** Probability of a change of agent inside the team during the stay. */
  agentChangeP: number;
  /** When the team hands the case on (and it is not its first hold at N1), where it goes. */
  handOn: WeightedTable<DemoTeam>;
  /** Probability to solve the case during this stay (before the per-transfer bonus). */
  resolveP: number;
  hours: WeekHours;
}

const OFFICE: WeekHours = [[6, 19], [6, 19], [6, 19], [6, 19], [6, 19], null, null];
const FRONT_DESK: WeekHours = [[6, 20], [6, 20], [6, 20], [6, 20], [6, 20], [7, 15], null];
/** Customers answer, chase and fill surveys between 05:00 and 21:59 UTC, every day. */
export const CUSTOMER_HOURS: WeekHours = [
  [5, 22],
  [5, 22],
  [5, 22],
  [5, 22],
  [5, 22],
  [5, 22],
  [5, 22],
];

export const TEAM_PROFILES: Record<DemoTeam, TeamProfile> = {
  [N1]: {
    pickup: [20 * MINUTE, 1],
    work: [25 * MINUTE, 1],
    thirdParty: [20 * HOUR, 1],
    waitCustomerP: 0.15,
    waitThirdPartyP: 0.03,
    queueP: 0.6,
    agentChangeP: 0.06,
    handOn: weightedTable([
      [N2, 0.6],
      [BACK_OFFICE, 0.4],
    ]),
    resolveP: 0.7,
    hours: FRONT_DESK,
  },
  [N2]: {
    pickup: [90 * MINUTE, 1],
    work: [3 * HOUR, 1.1],
    thirdParty: [30 * HOUR, 1.1],
    waitCustomerP: 0.25,
    waitThirdPartyP: 0.1,
    queueP: 0.55,
    agentChangeP: 0.1,
    handOn: weightedTable([
      [EXPERTS, 0.55],
      [BACK_OFFICE, 0.15],
      [N1, 0.3],
    ]),
    resolveP: 0.66,
    hours: OFFICE,
  },
  [EXPERTS]: {
    pickup: [4 * HOUR, 1.1],
    work: [8 * HOUR, 1.3],
    thirdParty: [50 * HOUR, 1.1],
    waitCustomerP: 0.2,
    waitThirdPartyP: 0.3,
    queueP: 0.5,
    agentChangeP: 0.12,
    handOn: weightedTable([
      [N2, 0.7],
      [BACK_OFFICE, 0.1],
      [N1, 0.2],
    ]),
    resolveP: 0.55,
    hours: OFFICE,
  },
  [BACK_OFFICE]: {
    pickup: [3 * HOUR, 1],
    work: [6 * HOUR, 1.2],
    thirdParty: [40 * HOUR, 1.2],
    waitCustomerP: 0.15,
    waitThirdPartyP: 0.3,
    queueP: 0.6,
    agentChangeP: 0.08,
    handOn: weightedTable([
      [N1, 0.6],
      [N2, 0.4],
    ]),
    resolveP: 0.78,
    hours: OFFICE,
  },
};

export interface CategoryProfile {
  weight: number;
  /** Probability that the front line solves the case on first hold. */
  frontLineResolveP: number;
  /** Where the front line sends the case when it cannot solve it. */
  escalation: WeightedTable<DemoTeam>;
}

export const CATEGORY_PROFILES: Record<DemoCategory, CategoryProfile> = {
  access: {
    weight: 18,
    frontLineResolveP: 0.7,
    escalation: weightedTable([
      [N2, 0.7],
      [EXPERTS, 0.2],
      [BACK_OFFICE, 0.1],
    ]),
  },
  account: {
    weight: 12,
    frontLineResolveP: 0.55,
    escalation: weightedTable([
      [BACK_OFFICE, 0.6],
      [N2, 0.4],
    ]),
  },
  billing: {
    weight: 14,
    frontLineResolveP: 0.45,
    escalation: weightedTable([
      [BACK_OFFICE, 0.85],
      [N2, 0.15],
    ]),
  },
  delivery: {
    weight: 8,
    frontLineResolveP: 0.35,
    escalation: weightedTable([
      [BACK_OFFICE, 0.8],
      [N2, 0.2],
    ]),
  },
  hardware: {
    weight: 12,
    frontLineResolveP: 0.3,
    escalation: weightedTable([
      [N2, 0.7],
      [EXPERTS, 0.3],
    ]),
  },
  network: {
    weight: 10,
    frontLineResolveP: 0.25,
    escalation: weightedTable([
      [N2, 0.5],
      [EXPERTS, 0.5],
    ]),
  },
  software: {
    weight: 16,
    frontLineResolveP: 0.4,
    escalation: weightedTable([
      [N2, 0.8],
      [EXPERTS, 0.2],
    ]),
  },
  other: {
    weight: 10,
    frontLineResolveP: 0.55,
    escalation: weightedTable([
      [N2, 0.5],
      [BACK_OFFICE, 0.5],
    ]),
  },
};

export const CATEGORY_TABLE = weightedTable(DEMO_CATEGORIES.map((c) => [c, CATEGORY_PROFILES[c].weight] as const));

export const CHANNEL_TABLE = weightedTable<DemoChannel>([
  ['phone', 38],
  ['email', 27],
  ['web', 25],
  ['chat', 10],
]);
/** Weekend and night arrivals come in writing more often. */
export const OFF_HOURS_CHANNEL_TABLE = weightedTable<DemoChannel>([
  ['phone', 15],
  ['email', 35],
  ['web', 40],
  ['chat', 10],
]);
/** A customer coming back about the same problem calls more often. */
export const REPEAT_CHANNEL_TABLE = weightedTable<DemoChannel>([
  ['phone', 55],
  ['email', 20],
  ['web', 15],
  ['chat', 10],
]);
