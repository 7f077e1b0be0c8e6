import type { CaseDetail, ImportReport } from '@relais/contracts';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { api, login, stack, waitForImport } from '../support/api-client';

/**
 * Hostile uploads through the real api and workers (issue 9). Files are built in the test; sources e2e-hostile-*
 * are this suite's own. Events are dated January 2025, before the other suites' latest event (2025-03-10), with
 * customers of this suite only: no other suite's indicator moves.
 */
const HEADER = 'case_id,customer_id,ts,event,step,team,agent,channel,category,csat';

/** Teams and agents a spreadsheet would run as formulas; they must come back exactly as written. */
const FORMULAS = ['=1+1', '+33 6 00', '-2+3', '@SUM(A1:A9)', '=HYPERLINK("http://x")', "=cmd|' /C calc'!A0"];

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

async function upload(
  token: string,
  fileName: string,
  content: string,
  source: string,
): Promise<{ status: number; body: string }> {
  const form = new FormData();
  form.set('file', new Blob([content]), fileName);
  form.set('format', 'canonical');
  form.set('source', source);
  const res = await api('/imports', { method: 'POST', body: form, token });
  return { status: res.status, body: await res.text() };
}

async function importsOf(token: string, prefix: string): Promise<ImportReport[]> {
  const all = (await (await api('/imports', { token })).json()) as ImportReport[];
  return all.filter((report) => report.source.startsWith(prefix));
}

/** Every file name under `dir`, depth first (directories included). */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? [entry.name, ...walk(join(dir, entry.name))] : [entry.name],
  );
}

/** A multipart form with these text fields, and a small valid CSV under `fileField` when given. */
function form(fields: Record<string, string>, fileField?: string): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  if (fileField) data.set(fileField, new Blob([`${HEADER}\nT1,,2025-01-15T08:00:00Z,created,new,N1,,,,`]), 'x.csv');
  return data;
}

describe('hostile uploads', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
  });

  it('stores formula-like cells as the text they are', async () => {
    // One case per value: created in team <formula>, then assigned to agent <formula>.
    const rows = FORMULAS.flatMap((value, i) => [
      `F${i + 1},hostile-f${i + 1}@e2e.example,2025-01-13T08:0${i}:00Z,created,new,${quote(value)},,email,billing,`,
      `F${i + 1},,2025-01-13T09:0${i}:00Z,assigned,triage,N1,${quote(value)},,,`,
    ]);
    const sent = await upload(admin, 'formulas.csv', [HEADER, ...rows, ''].join('\n'), 'e2e-hostile-formulas');
    expect(sent.status).toBe(202);
    const report = await waitForImport(admin, JSON.parse(sent.body).id);
    // 6 values × 2 rows.
    expect(report).toMatchObject({ status: 'succeeded', rowsRead: 12, eventsStored: 12, rejected: 0 });
    const stored: string[] = [];
    for (let i = 1; i <= FORMULAS.length; i++) {
      const detail = (await (await api(`/cases/e2e-hostile-formulas/F${i}`, { token: admin })).json()) as CaseDetail;
      stored.push(`${detail.events[0].team} | ${detail.events[1].agent}`);
    }
    expect(stored).toEqual(FORMULAS.map((value) => `${value} | ${value}`));
  });

  describe('path-like file names', () => {
    const csv = [HEADER, 'P1,hostile-p1@e2e.example,2025-01-14T08:00:00Z,created,new,N1,,email,billing,', ''].join(
      '\n',
    );
    const dataDir = () => stack().workers?.env['RELAIS_DATA_DIR'] ?? '';

    it.each([
      ['../../etc/passwd', '../../etc/passwd', 'passwd'],
      ['..\\..\\x.csv', '..\\..\\x.csv', 'x.csv'],
      ['a 300-character name', `${'y'.repeat(300)}.csv`, `${'y'.repeat(196)}.csv`],
    ])('accepts %s, reporting its base name, at most 200 characters', async (_, name, expected) => {
      const source = `e2e-hostile-name-${expected.length}`;
      const sent = await upload(admin, name, csv, source);
      expect(sent.status).toBe(202);
      const report = await waitForImport(admin, JSON.parse(sent.body).id);
      expect(report).toMatchObject({ status: 'succeeded', fileName: expected, eventsStored: 1 });
    });

    it('never reports a NUL in a file name', async () => {
      const sent = await upload(admin, 'nul\u0000name.csv', csv, 'e2e-hostile-name-nul');
      // busboy refuses a NUL inside a quoted header value: the whole request is malformed, nothing is stored.
      expect(sent).toEqual({ status: 400, body: expect.stringContaining('Multipart: Malformed part header') });
      expect(await importsOf(admin, 'e2e-hostile-name-nul')).toEqual([]);
    });

    it('writes only generated names, and only inside RELAIS_DATA_DIR', () => {
      const dir = dataDir();
      expect(dir).not.toBe('');
      // multer names an upload with 32 random hex digits; the import moves it to imports/<import id>.
      const generated = /^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
      const stored = ['uploads', 'imports'].flatMap((sub) => walk(join(dir, sub)));
      expect(stored.filter((name) => !generated.test(name))).toEqual([]);
      expect(walk(dir).filter((name) => /passwd|x\.csv|yyyy|nul/.test(name))).toEqual([]);
      // Nothing landed beside the data directory either (uploads named ../../x would end up there).
      expect(readdirSync(dirname(dir)).filter((name) => /^(passwd|x\.csv|etc)$/.test(name))).toEqual([]);
    });
  });

  describe('a request that is not a multipart upload with a file', () => {
    it.each<[string, RequestInit]>([
      [
        'JSON',
        {
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ format: 'canonical', source: 'e2e-hostile-ct-json' }),
        },
      ],
      [
        'text/plain',
        { headers: { 'Content-Type': 'text/plain' }, body: `${HEADER}\nT1,,2025-01-15T08:00:00Z,created` },
      ],
      ['multipart without a file', { body: form({ format: 'canonical', source: 'e2e-hostile-ct-nofile' }) }],
      [
        'multipart with the file under another field',
        { body: form({ format: 'canonical', source: 'e2e-hostile-ct-field' }, 'document') },
      ],
    ])('refuses %s with 400 or 415 and a message, creating no import', async (_, init) => {
      const res = await api('/imports', { method: 'POST', token: admin, ...init });
      expect([400, 415]).toContain(res.status);
      const body = (await res.json()) as { message?: unknown };
      expect(JSON.stringify(body.message ?? '')).not.toBe('""');
      expect(await importsOf(admin, 'e2e-hostile-ct')).toEqual([]);
    });
  });
});
