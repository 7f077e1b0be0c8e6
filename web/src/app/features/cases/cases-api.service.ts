import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CaseDetail, CaseListQuery, CasesPage } from '@relais/contracts';
import { Observable } from 'rxjs';

function toParams(query: CaseListQuery): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params = params.set(name, String(value));
  }
  return params;
}

/** The analyst's drill-down: GET /api/cases and GET /api/cases/:source/:caseId. */
@Injectable({ providedIn: 'root' })
export class CasesApiService {
  private readonly http = inject(HttpClient);

  list(query: CaseListQuery): Observable<CasesPage> {
    return this.http.get<CasesPage>('/api/cases', { params: toParams(query) });
  }

  detail(source: string, caseId: string): Observable<CaseDetail> {
    return this.http.get<CaseDetail>(`/api/cases/${encodeURIComponent(source)}/${encodeURIComponent(caseId)}`);
  }
}
