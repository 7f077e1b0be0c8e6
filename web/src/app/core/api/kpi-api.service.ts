import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { KpiFilters, KpiSummary, WeeklyKpis } from '@relais/contracts';
import { Observable } from 'rxjs';

/** Query parameters of the filters that are set (empty strings count as unset). */
export function toParams(filters: KpiFilters): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') {
      params = params.set(name, String(value));
    }
  }
  return params;
}

@Injectable({ providedIn: 'root' })
export class KpiApiService {
  private readonly http = inject(HttpClient);

  summary(filters: KpiFilters = {}): Observable<KpiSummary> {
    return this.http.get<KpiSummary>('/api/kpis/summary', { params: toParams(filters) });
  }

  weekly(filters: KpiFilters = {}): Observable<WeeklyKpis> {
    return this.http.get<WeeklyKpis>('/api/kpis/weekly', { params: toParams(filters) });
  }
}
