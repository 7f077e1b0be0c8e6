import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateUserRequest,
  KpiTarget,
  KpiTargets,
  OrganisationSettings,
  StepMapping,
  StepMappings,
  TargetIndicator,
  UpdateSettingsRequest,
  UpdateTargetRequest,
  UpdateUserRequest,
  UserSummary,
  UsersList,
} from '@relais/contracts';
import { Observable } from 'rxjs';

/** The admin endpoints behind the settings page (API-CONTRACT: settings, targets, step mappings, users). */
@Injectable({ providedIn: 'root' })
export class SettingsApiService {
  private readonly http = inject(HttpClient);

  settings(): Observable<OrganisationSettings> {
    return this.http.get<OrganisationSettings>('/api/settings');
  }

  updateSettings(change: UpdateSettingsRequest): Observable<OrganisationSettings> {
    return this.http.put<OrganisationSettings>('/api/settings', change);
  }

  targets(): Observable<KpiTargets> {
    return this.http.get<KpiTargets>('/api/targets');
  }

  updateTarget(indicator: TargetIndicator, change: UpdateTargetRequest): Observable<KpiTarget> {
    return this.http.put<KpiTarget>(`/api/targets/${indicator}`, change);
  }

  stepMappings(): Observable<StepMappings> {
    return this.http.get<StepMappings>('/api/step-mappings');
  }

  replaceStepMapping(source: string, mappings: Record<string, string>): Observable<StepMapping> {
    return this.http.put<StepMapping>(`/api/step-mappings/${encodeURIComponent(source)}`, { mappings });
  }

  deleteStepMapping(source: string): Observable<void> {
    return this.http.delete<void>(`/api/step-mappings/${encodeURIComponent(source)}`);
  }

  users(): Observable<UsersList> {
    return this.http.get<UsersList>('/api/users');
  }

  createUser(user: CreateUserRequest): Observable<UserSummary> {
    return this.http.post<UserSummary>('/api/users', user);
  }

  updateUser(id: string, change: UpdateUserRequest): Observable<UserSummary> {
    return this.http.patch<UserSummary>(`/api/users/${encodeURIComponent(id)}`, change);
  }
}
