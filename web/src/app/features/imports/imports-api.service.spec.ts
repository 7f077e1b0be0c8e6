import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ImportReport } from '@relais/contracts';
import { importForm, ImportsApiService, POLL_INTERVAL_MS } from './imports-api.service';

const report = (status: ImportReport['status'], progress: number): ImportReport => ({
  id: 'i-1',
  format: 'canonical',
  source: 'helpdesk',
  status,
  rowsRead: 0,
  eventsStored: 0,
  duplicates: 0,
  rejected: 0,
  errors: [],
  progress,
  startedAt: null,
  finishedAt: null,
});

describe('ImportsApiService', () => {
  it('puts the non-empty fields and the file in the form', () => {
    const file = new File(['case_id\n'], 'week.csv');
    const form = importForm(file, { format: 'eventlog', source: ' ', timezone: 'Europe/Paris', mapping: '{"caseId":"id"}' });
    expect([...form.keys()]).toEqual(['format', 'timezone', 'mapping', 'file']);
    expect(form.get('format')).toBe('eventlog');
    expect(form.get('mapping')).toBe('{"caseId":"id"}');
    expect((form.get('file') as File).name).toBe('week.csv');
  });

  describe('following an import', () => {
    let api: ImportsApiService;
    let backend: HttpTestingController;

    beforeEach(() => {
      jest.useFakeTimers();
      TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
      api = TestBed.inject(ImportsApiService);
      backend = TestBed.inject(HttpTestingController);
    });

    afterEach(() => {
      backend.verify();
      jest.useRealTimers();
    });

    it('asks at once, then every interval, and stops after the finished report', () => {
      const seen: string[] = [];
      let complete = false;
      api.follow('i-1').subscribe({
        next: (r) => seen.push(`${r.status} ${r.progress}`),
        complete: () => (complete = true),
      });

      jest.advanceTimersByTime(0);
      backend.expectOne('/api/imports/i-1').flush(report('queued', 0));
      jest.advanceTimersByTime(POLL_INTERVAL_MS);
      backend.expectOne('/api/imports/i-1').flush(report('running', 0.4));
      jest.advanceTimersByTime(POLL_INTERVAL_MS);
      backend.expectOne('/api/imports/i-1').flush(report('succeeded', 1));
      jest.advanceTimersByTime(5 * POLL_INTERVAL_MS);

      expect(seen).toEqual(['queued 0', 'running 0.4', 'succeeded 1']);
      expect(complete).toBe(true);
      backend.expectNone('/api/imports/i-1');
    });

    it('waits for a slow answer instead of stacking requests', () => {
      api.follow('i-1').subscribe();
      jest.advanceTimersByTime(3 * POLL_INTERVAL_MS);
      // Three ticks went by, one request is pending: the ticks during it were skipped.
      const pending = backend.match('/api/imports/i-1');
      expect(pending).toHaveLength(1);
      pending[0].flush(report('failed', 0.2));
    });
  });
});
