import {
  HandoffEdge,
  SatisfactionReport,
  SatisfactionStats,
  StepDurationsResponse,
  TransitionDelay,
  TransitionDelaysResponse,
} from '@relais/contracts';

/** A cycle (N1 ⇄ N2), a one-way edge (N2 → N3) and a pair without transfers: 120 + 30 + 50 = 200 transfers. */
export const EDGES: HandoffEdge[] = [
  { from: 'N1', to: 'N2', transfers: 120, pickupMedianHours: 2.5 },
  { from: 'N2', to: 'N1', transfers: 30, pickupMedianHours: 4 },
  { from: 'N2', to: 'N3', transfers: 50, pickupMedianHours: 1 },
  { from: 'N1', to: 'N3', transfers: 0, pickupMedianHours: 0 },
];

function delay(from: string, to: string, count: number, medianHours: number, p90Hours: number, meanHours: number) {
  return { from, to, count, medianHours, p90Hours, meanHours, totalHours: count * meanHours } satisfies TransitionDelay;
}

const NEW_TRIAGE = delay('new', 'triage', 400, 0.5, 2, 1);
const TRIAGE_PROGRESS = delay('triage', 'in_progress', 300, 3, 30, 8);
const PROGRESS_WAITING = delay('in_progress', 'waiting_customer', 50, 20, 96, 30);

/** 750 passages. By p90: 96, 30, 2. By total hours: 2 400 (300 × 8), 1 500 (50 × 30), 400. */
export const TRANSITIONS: TransitionDelaysResponse = {
  transitions: [NEW_TRIAGE, TRIAGE_PROGRESS, PROGRESS_WAITING],
  bottlenecks: {
    byP90: [PROGRESS_WAITING, TRIAGE_PROGRESS, NEW_TRIAGE],
    byTotalHours: [TRIAGE_PROGRESS, PROGRESS_WAITING, NEW_TRIAGE],
  },
};

export const STEPS: StepDurationsResponse = {
  steps: [
    { step: 'new', count: 400, medianHours: 0.5, p90Hours: 2, meanHours: 1, totalHours: 400 },
    { step: 'triage', count: 300, medianHours: 3, p90Hours: 30, meanHours: 8, totalHours: 2400 },
  ],
  byTeam: [
    { step: 'new', team: null, count: 250, medianHours: 0.4, p90Hours: 2, meanHours: 1, totalHours: 250 },
    { step: 'new', team: 'N1', count: 150, medianHours: 0.6, p90Hours: 2, meanHours: 1, totalHours: 150 },
    { step: 'triage', team: 'N2', count: 100, medianHours: 5, p90Hours: 40, meanHours: 10, totalHours: 1000 },
    { step: 'triage', team: 'N1', count: 200, medianHours: 2, p90Hours: 20, meanHours: 7, totalHours: 1400 },
  ],
};

function stats(responses: number, csatShare: number | null, low = 0, high = 0): SatisfactionStats {
  return {
    responses,
    mean: csatShare === null ? null : 4,
    csatShare,
    scale: 5,
    csatInterval: csatShare === null ? null : { low, high },
  };
}

/** "closed" has 3 answers: under 5, not enough. */
export const SATISFACTION: SatisfactionReport = {
  byStep: [
    { step: 'resolved', ...stats(80, 0.75, 0.6448, 0.8315) },
    { step: 'closed', ...stats(3, null) },
  ],
  byTeam: [],
  byTransfers: [
    { transfers: '0', ...stats(50, 0.8, 0.6696, 0.8876) },
    { transfers: '1', ...stats(20, 0.7, 0.481, 0.8545) },
    { transfers: '2', ...stats(10, 0.5, 0.2366, 0.7634) },
    { transfers: '3+', ...stats(3, null) },
  ],
  byRepeat: [
    { repeated: false, ...stats(70, 0.8, 0.692, 0.8766) },
    { repeated: true, ...stats(13, 0.4615, 0.2321, 0.7086) },
  ],
  repeatWindowDays: 7,
};
