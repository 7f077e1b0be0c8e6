import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  BreakdownDimension,
  BreakdownResponse,
  KpiFilters,
  ReviewQuery,
  TransitionDelaysResponse,
  WeeklyReview,
} from '@relais/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../../core/api/kpi-api.service';

/** The indicator endpoints the weekly review and the trends read besides summary/weekly. */
@Injectable({ providedIn: 'root' })
export class ReviewApiService {
  private readonly http = inject(HttpClient);

  review(query: ReviewQuery = {}): Observable<WeeklyReview> {
    return this.http.get<WeeklyReview>('/api/kpis/review', { params: toParams(query) });
  }

  breakdown(by: BreakdownDimension, filters: KpiFilters = {}): Observable<BreakdownResponse> {
    const params: HttpParams = toParams(filters).set('by', by);
    return this.http.get<BreakdownResponse>('/api/kpis/breakdown', { params });
  }

  transitions(filters: KpiFilters = {}): Observable<TransitionDelaysResponse> {
    return this.http.get<TransitionDelaysResponse>('/api/kpis/transitions', { params: toParams(filters) });
  }
}
