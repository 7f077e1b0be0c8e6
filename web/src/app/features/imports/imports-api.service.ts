import { HttpClient, HttpEvent, HttpEventType } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ImportAccepted, ImportFormats, ImportReport, OrganisationSettings } from '@relais/contracts';
import { exhaustMap, filter, map, Observable, takeWhile, timer } from 'rxjs';

export const IMPORTS_URL = '/api/imports';

/** What an upload needs besides the file; empty strings are left out (the server's defaults apply). */
export interface ImportRequest {
  format: string;
  source: string;
  timezone: string;
  /** JSON of the eventlog mapping, '' for other formats. */
  mapping: string;
}

/** Upload progress (share of the bytes sent, null while unknown), then the accepted import. */
export type UploadStep = { kind: 'progress'; sent: number | null } | { kind: 'accepted'; accepted: ImportAccepted };

/** How often a running import is asked for its progress. */
export const POLL_INTERVAL_MS = 1000;

export const isFinished = (report: ImportReport) => report.status === 'succeeded' || report.status === 'failed';

export function importForm(file: File, request: ImportRequest): FormData {
  const form = new FormData();
  form.set('format', request.format);
  for (const name of ['source', 'timezone', 'mapping'] as const) {
    const value = request[name].trim();
    if (value) form.set(name, value);
  }
  form.set('file', file, file.name);
  return form;
}

function toUploadStep(event: HttpEvent<ImportAccepted>): UploadStep | null {
  if (event.type === HttpEventType.UploadProgress) {
    return { kind: 'progress', sent: event.total ? event.loaded / event.total : null };
  }
  if (event.type === HttpEventType.Response && event.body) return { kind: 'accepted', accepted: event.body };
  return null;
}

@Injectable({ providedIn: 'root' })
export class ImportsApiService {
  private readonly http = inject(HttpClient);

  formats(): Observable<ImportFormats> {
    return this.http.get<ImportFormats>(`${IMPORTS_URL}/formats`);
  }

  list(): Observable<ImportReport[]> {
    return this.http.get<ImportReport[]>(IMPORTS_URL);
  }

  find(id: string): Observable<ImportReport> {
    return this.http.get<ImportReport>(`${IMPORTS_URL}/${encodeURIComponent(id)}`);
  }

  /** The organisation's time zone, the default of an upload. */
  settings(): Observable<OrganisationSettings> {
    return this.http.get<OrganisationSettings>('/api/settings');
  }

  upload(file: File, request: ImportRequest): Observable<UploadStep> {
    return this.http
      .post<ImportAccepted>(IMPORTS_URL, importForm(file, request), { reportProgress: true, observe: 'events' })
      .pipe(
        map(toUploadStep),
        filter((step): step is UploadStep => step !== null),
      );
  }

  /** The import's report now and every POLL_INTERVAL_MS until it has succeeded or failed (that report included). */
  follow(id: string): Observable<ImportReport> {
    return timer(0, POLL_INTERVAL_MS).pipe(
      // A slow answer is waited for, not cancelled by the next tick.
      exhaustMap(() => this.find(id)),
      takeWhile((report) => !isFinished(report), true),
    );
  }
}
