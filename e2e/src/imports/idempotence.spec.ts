import { join } from 'node:path';
import { Client } from 'pg';
import { kpiSummary, login, stack, uploadImport, waitForImport } from '../support/api-client';

/**
 * An overlapping export through the real api and workers (KPI-DEFINITIONS §1: "an overlapping export changes
 * nothing"). Source and customers of this suite only (idem-cust-*), so no other suite's numbers move; every
 * timestamp lies before the other suites' latest event (2025-03-10), so their provisional flags do not move either.
 *
 * fixtures/overlap-a.csv (7 rows):
 *   IX  idem-cust-1, billing, created 02-03 08:00; assigned N1 → N2 (1 transfer); resolved
 *   IY  idem-cust-2, access,  created 02-03 10:00; assigned N1 → N2 (1 transfer)
 * fixtures/overlap-b.csv (7 rows), the next export, overlapping the first:
 *   IZ  idem-cust-1, billing, created 02-05 09:00; assigned N2 (0 transfers)                  3 new rows
 *   IY  its 3 rows of overlap-a.csv, byte for byte but at other positions (seq is not identity) 3 duplicates
 *       + assigned back to N1 on 02-04 08:00: N1 → N2 → N1 = 2 transfers, a ping-pong          1 new row
 *
 * After A: 2 cases, transfers 1 + 1 → mean 1, distribution {1: 2}, no ping-pong, no repeat contact.
 * After B: 3 cases (IX, IY, IZ), transfers 1 + 2 + 0 → mean 1, distribution {0: 1, 1: 1, 2: 1},
 *   ping-pong 1/3 (IY: 3 team entries, 2 distinct teams). idem-cust-1 comes back on billing 2 d 1 h after IX
 *   (IZ, ≤ 7 days) → IX has a repeat contact: 1 of 3 cases.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const SOURCE = 'e2e-idempotence';

describe('an overlapping export adds only its new rows', () => {
  let admin: string;

  const importFile = async (file: string) => {
    const id = await uploadImport(admin, join(FIXTURES, file), { source: SOURCE });
    return waitForImport(admin, id);
  };

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
  });

  it('file A (cases IX, IY) is stored whole', async () => {
    expect(await importFile('overlap-a.csv')).toMatchObject({
      status: 'succeeded',
      source: SOURCE,
      rowsRead: 7,
      eventsStored: 7,
      duplicates: 0,
      rejected: 0,
      errors: [],
    });
    const summary = await kpiSummary(admin, SOURCE);
    expect(summary.cases).toBe(2);
    expect(summary.transfers).toEqual({
      mean: 1,
      distribution: { '0': 0, '1': 2, '2': 0, '3': 0, '4+': 0 },
      pingPongShare: 0,
    });
    expect(summary.repeatContact).toMatchObject({ rate: 0, repeatedCases: 0 });
  });

  it("file B (cases IY, IZ) stores IZ and IY's new event only; IY's repeated rows are duplicates", async () => {
    expect(await importFile('overlap-b.csv')).toMatchObject({
      status: 'succeeded',
      source: SOURCE,
      rowsRead: 7,
      eventsStored: 4,
      duplicates: 3,
      rejected: 0,
      errors: [],
    });
    const summary = await kpiSummary(admin, SOURCE);
    expect(summary.cases).toBe(3);
    expect(summary.transfers).toEqual({
      mean: 1,
      distribution: { '0': 1, '1': 1, '2': 1, '3': 0, '4+': 0 },
      pingPongShare: 0.333333,
    });
    expect(summary.repeatContact).toMatchObject({ rate: 0.333333, repeatedCases: 1 });
  });

  it('the log holds each event once: 7 + 4 rows, IY with its 4 events in (ts, seq) order', async () => {
    const client = new Client({ connectionString: stack().databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ case_id: string; events: string[] }>(
        `SELECT case_id, array_agg(event || ':' || coalesce(team, '-') ORDER BY ts, seq) AS events
         FROM journey_event WHERE source = $1 GROUP BY case_id ORDER BY case_id`,
        [SOURCE],
      );
      expect(rows).toEqual([
        { case_id: 'IX', events: ['created:N1', 'assigned:N1', 'assigned:N2', 'status_changed:N2'] },
        { case_id: 'IY', events: ['created:N1', 'assigned:N1', 'assigned:N2', 'assigned:N1'] },
        { case_id: 'IZ', events: ['created:N2', 'assigned:N2', 'status_changed:N2'] },
      ]);
    } finally {
      await client.end();
    }
  });

  it('file B again changes nothing: every row is a duplicate', async () => {
    expect(await importFile('overlap-b.csv')).toMatchObject({
      status: 'succeeded',
      rowsRead: 7,
      eventsStored: 0,
      duplicates: 7,
      rejected: 0,
    });
    const summary = await kpiSummary(admin, SOURCE);
    expect(summary.cases).toBe(3);
    expect(summary.transfers.distribution).toEqual({ '0': 1, '1': 1, '2': 1, '3': 0, '4+': 0 });
  });
});
