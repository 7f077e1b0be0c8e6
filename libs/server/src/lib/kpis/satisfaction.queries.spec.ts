import { createTestDatabase, TestDatabase } from '../../testing';
import { DataSource } from 'typeorm';
import { eventsOf, FixtureEvent, importFixture } from '../cases/cases.testing';
import { dataSourceOptions } from '../database/data-source-options';
import { satisfaction, satisfactionReport } from './satisfaction.queries';

const ev = eventsOf('fixture');
const created = (caseId: string, ts: string, customerKey: string, category: string, team = 'N1') =>
  ev(caseId, ts, 'created', { customerKey, category, channel: 'phone', step: 'new', team });
const assigned = (caseId: string, ts: string, team: string) => ev(caseId, ts, 'assigned', { team });
const status = (caseId: string, ts: string, step: string) => ev(caseId, ts, 'status_changed', { step });
const answers = (caseId: string, day: string, csats: number[], csatScale = 5) =>
  csats.map((csat, i) => ev(caseId, `${day}T1${i}:00:00Z`, 'survey', { csat, csatScale }));

/**
 * Hand-computed fixture for KPI-DEFINITIONS §6 (answers attributed to the step and team after the latest earlier
 * event; normalised score (csat − 1) / (scale − 1); top two = csat ≥ scale − 1; numbers only from 5 answers).
 *
 * case  created (team)   customer  transfers  answers: step / team
 * C1    01-06 09:00 N1   k1 billing   0       resolved / N1: 5 4 4 3 5 of 5
 * C2    01-09 09:00 N1   k1 billing   1       waiting_customer / N2: 9 6 of 10; resolved / N2: 2 of 5
 * C3    01-07 09:00 N1   k2 access    4 (3+)  resolved / N2: 1 2 2 1 5 of 5
 * C4    01-08 09:00 N1   k3 access    2       waiting_customer / N1: 3 5 4 of 5, 10 of 10
 * C5    01-10 09:00 N3   k4 access    0       in_progress / N3: 4 4 5 5 of 5
 *
 * Normalised sums: C1 1+.75+.75+.5+1 = 4; C2 8/9 + 5/9 = 13/9 and .25; C3 0+.25+.25+0+1 = 1.5;
 * C4 .5+1+.75+1 = 3.25; C5 .75+.75+1+1 = 3.5. Top two: C1 4, C2 1 (the 9), C3 1, C4 3, C5 4.
 * C1 has a repeat contact (C2, same customer and category, 3 days later); no other case has.
 */
const FIXTURE: FixtureEvent[] = [
  created('C1', '2025-01-06T09:00:00Z', 'k1', 'billing'),
  assigned('C1', '2025-01-06T09:05:00Z', 'N1'),
  status('C1', '2025-01-06T09:30:00Z', 'resolved'),
  ...answers('C1', '2025-01-06', [5, 4, 4, 3, 5]),

  // Waiting for the customer after a transfer to N2: the status change names no team, N2 still holds the case.
  created('C2', '2025-01-09T09:00:00Z', 'k1', 'billing'),
  assigned('C2', '2025-01-09T09:05:00Z', 'N1'),
  assigned('C2', '2025-01-09T09:10:00Z', 'N2'),
  status('C2', '2025-01-09T09:30:00Z', 'waiting_customer'),
  ...answers('C2', '2025-01-09', [9, 6], 10),
  status('C2', '2025-01-10T09:00:00Z', 'resolved'),
  ...answers('C2', '2025-01-10', [2]),

  created('C3', '2025-01-07T09:00:00Z', 'k2', 'access'),
  ...['N1', 'N2', 'N3', 'N1', 'N2'].map((team, i) => assigned('C3', `2025-01-07T09:0${i}:00Z`, team)),
  status('C3', '2025-01-07T09:30:00Z', 'resolved'),
  ...answers('C3', '2025-01-07', [1, 2, 2, 1, 5]),

  created('C4', '2025-01-08T09:00:00Z', 'k3', 'access'),
  ...['N1', 'N2', 'N1'].map((team, i) => assigned('C4', `2025-01-08T09:0${i}:00Z`, team)),
  status('C4', '2025-01-08T09:30:00Z', 'waiting_customer'),
  ...answers('C4', '2025-01-08', [3, 5, 4]),
  ev('C4', '2025-01-08T13:00:00Z', 'survey', { csat: 10, csatScale: 10 }),

  created('C5', '2025-01-10T09:00:00Z', 'k4', 'access', 'N3'),
  assigned('C5', '2025-01-10T09:05:00Z', 'N3'),
  status('C5', '2025-01-10T09:30:00Z', 'in_progress'),
  ...answers('C5', '2025-01-10', [4, 4, 5, 5]),
];

const noAnswers = { responses: 0, mean: null, csatShare: null, scale: null, csatInterval: null };

describe('satisfaction (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('server_satisfaction');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await importFixture(dataSource, FIXTURE);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('reports per step and per team, mean on the scale when uniform, else normalised', async () => {
    const report = await satisfactionReport(dataSource, {}, 'Europe/Paris');
    expect(report.byStep).toEqual([
      // C5 only: 4 answers → not enough answers.
      { step: 'in_progress', responses: 4, mean: null, csatShare: null, scale: 5, csatInterval: null },
      // C1 + C2 (2 of 5) + C3, all of 5: (21 + 2 + 11) / 11 = 3.0909 on the 5-point scale; top two 4 + 0 + 1 = 5/11.
      {
        step: 'resolved',
        responses: 11,
        mean: 3.0909,
        csatShare: 0.454545,
        scale: 5,
        csatInterval: { low: 0.212713, high: 0.719908 },
      },
      // C2 (of 10) + C4 (mixed): normalised (13/9 + 3.25) / 6 = 169/216 = 0.7824; top two 1 + 3 = 4/6.
      {
        step: 'waiting_customer',
        responses: 6,
        mean: 0.7824,
        csatShare: 0.666667,
        scale: null,
        csatInterval: { low: 0.299993, high: 0.903229 },
      },
    ]);
    expect(report.byTeam).toEqual([
      // C1 + C4: (4 + 3.25) / 9 = 0.8056; top two 4 + 3 = 7/9.
      {
        team: 'N1',
        responses: 9,
        mean: 0.8056,
        csatShare: 0.777778,
        scale: null,
        csatInterval: { low: 0.452589, high: 0.936775 },
      },
      // C2 + C3: (13/9 + .25 + 1.5) / 8 = 115/288 = 0.3993; top two 1 + 1 = 2/8.
      {
        team: 'N2',
        responses: 8,
        mean: 0.3993,
        csatShare: 0.25,
        scale: null,
        csatInterval: { low: 0.071479, high: 0.590725 },
      },
      { team: 'N3', responses: 4, mean: null, csatShare: null, scale: 5, csatInterval: null },
    ]);
  });

  it('shows the seam: satisfaction by transfers and by repeat contact', async () => {
    const report = await satisfactionReport(dataSource, {}, 'Europe/Paris');
    expect(report.byTransfers).toEqual([
      // C1 + C5, all of 5: (21 + 18) / 9 = 4.3333; top two 4 + 4 = 8/9.
      {
        transfers: '0',
        responses: 9,
        mean: 4.3333,
        csatShare: 0.888889,
        scale: 5,
        csatInterval: { low: 0.565, high: 0.980109 },
      },
      { transfers: '1', responses: 3, mean: null, csatShare: null, scale: null, csatInterval: null },
      { transfers: '2', responses: 4, mean: null, csatShare: null, scale: null, csatInterval: null },
      // C3 (4 transfers): exactly 5 answers → numbers: 11 / 5 = 2.2; top two 1/5.
      {
        transfers: '3+',
        responses: 5,
        mean: 2.2,
        csatShare: 0.2,
        scale: 5,
        csatInterval: { low: 0.036224, high: 0.624465 },
      },
    ]);
    expect(report.repeatWindowDays).toBe(7);
    expect(report.byRepeat).toEqual([
      // C2–C5: (13/9 + .25 + 1.5 + 3.25 + 3.5) / 16 = 179/288 = 0.6215; top two 1 + 1 + 3 + 4 = 9/16.
      {
        repeated: false,
        responses: 16,
        mean: 0.6215,
        csatShare: 0.5625,
        scale: null,
        csatInterval: { low: 0.331786, high: 0.769013 },
      },
      // C1: 21 / 5 = 4.2 on the 5-point scale; top two 4/5.
      {
        repeated: true,
        responses: 5,
        mean: 4.2,
        csatShare: 0.8,
        scale: 5,
        csatInterval: { low: 0.375535, high: 0.963776 },
      },
    ]);
  });

  it('honours the repeat window: at 2 days C1 (next case after 3 days) has no repeat', async () => {
    const report = await satisfactionReport(dataSource, { repeatWindowDays: 2 }, 'Europe/Paris');
    expect(report.repeatWindowDays).toBe(2);
    expect(report.byRepeat).toEqual([
      // All 21 answers: (4 + 13/9 + .25 + 1.5 + 3.25 + 3.5) / 21 = 251/378 = 0.6640; top two 13/21.
      {
        repeated: false,
        responses: 21,
        mean: 0.664,
        csatShare: 0.619048,
        scale: null,
        csatInterval: { low: 0.408787, high: 0.79249 },
      },
      { repeated: true, ...noAnswers },
    ]);
  });

  it('answers over the filtered cases only', async () => {
    // Team filter = team at creation: C5 alone, 4 answers.
    const report = await satisfactionReport(dataSource, { team: 'N3' }, 'Europe/Paris');
    const fourOf5 = { responses: 4, mean: null, csatShare: null, scale: 5, csatInterval: null };
    expect(report).toEqual({
      byStep: [{ step: 'in_progress', ...fourOf5 }],
      byTeam: [{ team: 'N3', ...fourOf5 }],
      byTransfers: [
        { transfers: '0', ...fourOf5 },
        { transfers: '1', ...noAnswers },
        { transfers: '2', ...noAnswers },
        { transfers: '3+', ...noAnswers },
      ],
      byRepeat: [
        { repeated: false, ...fourOf5 },
        { repeated: true, ...noAnswers },
      ],
      repeatWindowDays: 7,
    });
    // Cases created in [01-08, 01-10) Paris: C2 (01-09) and C4 (01-08).
    const period = await satisfaction(dataSource, { from: '2025-01-08', to: '2025-01-10' }, 'Europe/Paris');
    expect(period.byStep.map(({ step, responses }) => [step, responses])).toEqual([
      ['resolved', 1],
      ['waiting_customer', 6],
    ]);
  });

  it('gives the summary the contract shape: responses, mean, csatShare', async () => {
    expect(await satisfaction(dataSource, {}, 'Europe/Paris')).toEqual({
      byStep: [
        { step: 'in_progress', responses: 4, mean: null, csatShare: null },
        { step: 'resolved', responses: 11, mean: 3.0909, csatShare: 0.454545 },
        { step: 'waiting_customer', responses: 6, mean: 0.7824, csatShare: 0.666667 },
      ],
      byTeam: [
        { team: 'N1', responses: 9, mean: 0.8056, csatShare: 0.777778 },
        { team: 'N2', responses: 8, mean: 0.3993, csatShare: 0.25 },
        { team: 'N3', responses: 4, mean: null, csatShare: null },
      ],
    });
  });
});
