import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { KpiApiService } from './kpi-api.service';

describe('KpiApiService', () => {
  let api: KpiApiService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(KpiApiService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('asks for the weekly series without parameters by default', () => {
    api.weekly().subscribe();

    const request = backend.expectOne('/api/kpis/weekly');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys()).toEqual([]);
  });

  it('sends only the filters that are set', () => {
    api.summary({ from: '2025-01-01', team: 'N2', repeatWindowDays: 14, channel: undefined, category: '' }).subscribe();

    const request = backend.expectOne((r) => r.url === '/api/kpis/summary');
    expect(request.request.urlWithParams).toBe('/api/kpis/summary?from=2025-01-01&team=N2&repeatWindowDays=14');
  });
});
