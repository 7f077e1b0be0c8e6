import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  HandoffsResponse,
  KpiFilters,
  SatisfactionReport,
  StepDurationsResponse,
  TransitionDelaysResponse,
} from '@relais/contracts';
import { Observable } from 'rxjs';

function toParams(filters: KpiFilters): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params = params.set(name, String(value));
  }
  return params;
}

/** The indicators of the bottlenecks page (viewer): handoffs, transitions, steps and satisfaction. */
@Injectable({ providedIn: 'root' })
export class BottlenecksApiService {
  private readonly http = inject(HttpClient);

  handoffs(filters: KpiFilters): Observable<HandoffsResponse> {
    return this.http.get<HandoffsResponse>('/api/kpis/handoffs', { params: toParams(filters) });
  }

  transitions(filters: KpiFilters): Observable<TransitionDelaysResponse> {
    return this.http.get<TransitionDelaysResponse>('/api/kpis/transitions', { params: toParams(filters) });
  }

  steps(filters: KpiFilters): Observable<StepDurationsResponse> {
    return this.http.get<StepDurationsResponse>('/api/kpis/steps', { params: toParams(filters) });
  }

  satisfaction(filters: KpiFilters): Observable<SatisfactionReport> {
    return this.http.get<SatisfactionReport>('/api/kpis/satisfaction', { params: toParams(filters) });
  }
}
