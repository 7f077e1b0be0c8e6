import { createTestDatabase, TestDatabase } from '../../testing';
import { DataSource } from 'typeorm';
import { eventsOf, importFixture } from '../cases/cases.testing';
import { dataSourceOptions } from '../database/data-source-options';
import { handoffs } from './handoffs.queries';

/**
 * Hand-computed handoff matrix (KPI-DEFINITIONS §3), organisation time zone Europe/Paris. Each case: created in a
 * team, assigned to it at 09:01, then transfers; the pickup is the time to the next event.
 *
 *   M1 N1 billing 03-03  N1→N2 10:00, next 11:00 → 1 h
 *   M2 N1 billing 03-04  N1→N2 10:00, next 13:00 → 3 h
 *   M3 N1 access  03-05  N1→N2 10:00, next 10:30 → 0.5 h; N2→N1 12:00, next 12:20 → 1200 s = 0.3333 h
 *   M5 N1 billing 03-06  N1→N2 10:00, next 15:00 → 5 h
 *   M4 N3 billing 03-10  N3→N2 10:00, next 20:00 → 10 h; N2→N1 21:00, latest event → no pickup yet
 *   M6 N2 billing 03-11  N2→N3 10:00, next 11:30 → 1.5 h
 *   M7 N4 billing 03-12  N4→N5 10:00, latest event → no pickup yet
 */
const ev = eventsOf('matrix');

function journey(caseId: string, day: string, team: string, category: string, steps: Array<[string, string]>) {
  return [
    ev(caseId, `2025-03-${day}T09:00:00Z`, 'created', { step: 'new', team, category, channel: 'phone' }),
    ev(caseId, `2025-03-${day}T09:01:00Z`, 'assigned', { team }),
    ...steps.map(([time, to]) =>
      to.startsWith('N')
        ? ev(caseId, `2025-03-${day}T${time}:00Z`, 'assigned', { team: to })
        : ev(caseId, `2025-03-${day}T${time}:00Z`, 'status_changed', { step: to }),
    ),
  ];
}

const FIXTURE = [
  ...journey('M1', '03', 'N1', 'billing', [
    ['10:00', 'N2'],
    ['11:00', 'in_progress'],
  ]),
  ...journey('M2', '04', 'N1', 'billing', [
    ['10:00', 'N2'],
    ['13:00', 'in_progress'],
  ]),
  ...journey('M3', '05', 'N1', 'access', [
    ['10:00', 'N2'],
    ['10:30', 'in_progress'],
    ['12:00', 'N1'],
    ['12:20', 'resolved'],
  ]),
  ...journey('M5', '06', 'N1', 'billing', [
    ['10:00', 'N2'],
    ['15:00', 'in_progress'],
  ]),
  ...journey('M4', '10', 'N3', 'billing', [
    ['10:00', 'N2'],
    ['20:00', 'in_progress'],
    ['21:00', 'N1'],
  ]),
  ...journey('M6', '11', 'N2', 'billing', [
    ['10:00', 'N3'],
    ['11:30', 'in_progress'],
  ]),
  ...journey('M7', '12', 'N4', 'billing', [['10:00', 'N5']]),
];

describe('handoff matrix (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('server_handoffs');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await importFixture(dataSource, FIXTURE);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts transfers per edge, most first then by names, with the median pickup', async () => {
    expect(await handoffs(dataSource, {}, 'Europe/Paris')).toEqual({
      edges: [
        // Pickups 0.5, 1, 3, 5 h: an even count, so the median interpolates (1 + 3) / 2 = 2 h.
        { from: 'N1', to: 'N2', transfers: 4, pickupMedianHours: 2 },
        // M4's transfer has no pickup yet: it counts, but the median is M3's 1200 s alone.
        { from: 'N2', to: 'N1', transfers: 2, pickupMedianHours: 0.3333 },
        { from: 'N2', to: 'N3', transfers: 1, pickupMedianHours: 1.5 },
        { from: 'N3', to: 'N2', transfers: 1, pickupMedianHours: 10 },
        // No transfer of the edge picked up yet: the contract's number reads 0.
        { from: 'N4', to: 'N5', transfers: 1, pickupMedianHours: 0 },
      ],
    });
  });

  it.each([
    [
      // The case's team at creation, not a side of the edge: M4's N2 → N1 is not a case of N1.
      'team N1',
      { team: 'N1' },
      [
        { from: 'N1', to: 'N2', transfers: 4, pickupMedianHours: 2 },
        { from: 'N2', to: 'N1', transfers: 1, pickupMedianHours: 0.3333 },
      ],
    ],
    [
      'team N3',
      { team: 'N3' },
      [
        { from: 'N2', to: 'N1', transfers: 1, pickupMedianHours: 0 },
        { from: 'N3', to: 'N2', transfers: 1, pickupMedianHours: 10 },
      ],
    ],
    [
      'category access',
      { category: 'access' },
      [
        { from: 'N1', to: 'N2', transfers: 1, pickupMedianHours: 0.5 },
        { from: 'N2', to: 'N1', transfers: 1, pickupMedianHours: 0.3333 },
      ],
    ],
    [
      'cases created from 10 March',
      { from: '2025-03-10' },
      [
        { from: 'N2', to: 'N1', transfers: 1, pickupMedianHours: 0 },
        { from: 'N2', to: 'N3', transfers: 1, pickupMedianHours: 1.5 },
        { from: 'N3', to: 'N2', transfers: 1, pickupMedianHours: 10 },
        { from: 'N4', to: 'N5', transfers: 1, pickupMedianHours: 0 },
      ],
    ],
    ['another source', { source: 'elsewhere' }, []],
  ])('filters the cases: %s', async (_label, filters, edges) => {
    expect(await handoffs(dataSource, filters, 'Europe/Paris')).toEqual({ edges });
  });
});
