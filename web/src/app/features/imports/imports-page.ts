import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { EventLogMappingColumn, ImportFormat, ImportReport } from '@relais/contracts';
import { Subscription, switchMap, tap } from 'rxjs';
import { apiMessage } from '../../core/api/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ianaTimeZoneValidator, suggestTimeZones } from '../../core/time-zone/time-zone';
import { FileHeader, readFileHeader } from './file-header';
import {
  emptySelection,
  guessSelection,
  isRequiredField,
  MAPPING_FIELDS,
  MappingSelection,
  mappingJson,
  missingRequired,
} from './eventlog-mapping-form';
import { ImportReportView } from './import-report';
import { ImportsApiService, isFinished } from './imports-api.service';
import { ImportsHistory } from './imports-history';

/** Same rule as the server's (CreateImportDto). */
export const SOURCE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Where the chosen upload is: sending the bytes, then the import job running on the server. */
export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; sent: number | null }
  | { phase: 'importing'; report: ImportReport | null }
  | { phase: 'error'; message: string };

/** Header of the chosen file, while it is read. */
type HeaderState = { kind: 'none' } | { kind: 'reading' } | FileHeader;

const FIELD_LABELS: Record<EventLogMappingColumn, MessageKey> = {
  caseId: 'imports.mapping.caseId',
  timestamp: 'imports.mapping.timestamp',
  step: 'imports.mapping.step',
  team: 'imports.mapping.team',
  agent: 'imports.mapping.agent',
  customer: 'imports.mapping.customer',
  channel: 'imports.mapping.channel',
  category: 'imports.mapping.category',
  csat: 'imports.mapping.csat',
  csatScale: 'imports.mapping.csatScale',
};

const FORMAT_DESCRIPTIONS: Partial<Record<string, MessageKey>> = {
  canonical: 'imports.format.canonical',
  eventlog: 'imports.format.eventlog',
  servicenow: 'imports.format.servicenow',
};

@Component({
  selector: 'app-imports-page',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ImportReportView,
    ImportsHistory,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './imports-page.html',
  styleUrl: './imports-page.css',
})
export class ImportsPage {
  private readonly api = inject(ImportsApiService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** Bound from the `report` query parameter: the import whose report is shown. */
  readonly report = input<string | undefined>(undefined);

  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly formats = rxResource({ stream: () => this.api.formats() });
  private readonly settings = rxResource({ stream: () => this.api.settings() });
  protected readonly history = rxResource({ stream: () => this.api.list() });
  protected readonly shownReport = rxResource({
    params: () => this.report(),
    stream: ({ params: id }) => this.api.find(id),
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    format: ['', Validators.required],
    source: ['', Validators.pattern(SOURCE_PATTERN)],
    timezone: ['', [Validators.required, ianaTimeZoneValidator]],
  });
  private readonly formatValue = toSignal(this.form.controls.format.valueChanges, { initialValue: '' });
  private readonly timezoneValue = toSignal(this.form.controls.timezone.valueChanges, { initialValue: '' });

  protected readonly file = signal<File | null>(null);
  protected readonly fileTouched = signal(false);
  protected readonly header = signal<HeaderState>({ kind: 'none' });
  protected readonly selection = signal<MappingSelection>(emptySelection());
  protected readonly submitted = signal(false);
  protected readonly upload = signal<UploadState>({ phase: 'idle' });

  protected readonly mappingFields = MAPPING_FIELDS;
  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly isRequired = isRequiredField;

  protected readonly chosenFormat = computed<ImportFormat | undefined>(() =>
    this.formats.value()?.formats.find((format) => format.name === this.formatValue()),
  );
  protected readonly needsMapping = computed(() => this.chosenFormat()?.needsMapping ?? false);
  /** Columns to pick from, or null when the mapping has to be typed (gzip without DecompressionStream…). */
  protected readonly columns = computed(() => {
    const header = this.header();
    return header.kind === 'columns' ? header.columns : null;
  });
  protected readonly missing = computed(() => (this.needsMapping() ? missingRequired(this.selection()) : []));
  protected readonly timeZoneSuggestions = computed(() => suggestTimeZones(this.timezoneValue()));
  protected readonly busy = computed(() => {
    const phase = this.upload().phase;
    return phase === 'uploading' || phase === 'importing';
  });
  /** 0..100 for the progress bar; null = indeterminate (size unknown, or the job still queued). */
  protected readonly progress = computed<number | null>(() => {
    const state = this.upload();
    if (state.phase === 'uploading') return state.sent === null ? null : Math.round(state.sent * 100);
    if (state.phase === 'importing' && state.report && state.report.status !== 'queued') {
      return Math.round(state.report.progress * 100);
    }
    return null;
  });

  private job: Subscription | null = null;

  constructor() {
    // The organisation's zone is the default; a value the user typed is kept.
    effect(() => {
      const zone = this.settings.value()?.timeZone;
      const control = this.form.controls.timezone;
      if (zone && !control.dirty && control.value === '') control.setValue(zone);
    });
    this.destroyRef.onDestroy(() => this.job?.unsubscribe());
  }

  /** Known formats are translated; one added since shows the server's English line. */
  protected describe(format: ImportFormat): string {
    const key = FORMAT_DESCRIPTIONS[format.name];
    return key ? this.i18n.t(key) : format.description;
  }

  protected chooseFile(): void {
    this.fileInput().nativeElement.click();
  }

  protected async fileChosen(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    this.fileTouched.set(true);
    this.header.set(file ? { kind: 'reading' } : { kind: 'none' });
    this.selection.set(emptySelection());
    if (!file) return;
    let header: FileHeader;
    try {
      header = await readFileHeader(file);
    } catch {
      header = { kind: 'no-header' };
    }
    // Another file may have been chosen while this one was read.
    if (this.file() !== file) return;
    this.header.set(header);
    if (header.kind === 'columns') this.selection.set(guessSelection(header.columns));
  }

  protected mapColumn(field: EventLogMappingColumn, column: string): void {
    this.selection.update((current) => ({ ...current, columns: { ...current.columns, [field]: column } }));
  }

  protected setTimestampFormat(value: string): void {
    this.selection.update((current) => ({ ...current, timestampFormat: value }));
  }

  protected submit(): void {
    if (this.busy()) return;
    this.submitted.set(true);
    this.fileTouched.set(true);
    this.form.markAllAsTouched();
    const file = this.file();
    if (this.form.invalid || !file || this.missing().length > 0) return;
    const { format, source, timezone } = this.form.getRawValue();
    const request = { format, source, timezone, mapping: this.needsMapping() ? mappingJson(this.selection()) : '' };

    this.upload.set({ phase: 'uploading', sent: 0 });
    this.job?.unsubscribe();
    this.job = this.api
      .upload(file, request)
      .pipe(
        tap((step) => {
          if (step.kind === 'progress') this.upload.set({ phase: 'uploading', sent: step.sent });
          else this.upload.set({ phase: 'importing', report: null });
        }),
        switchMap((step) => (step.kind === 'accepted' ? this.api.follow(step.accepted.id) : [])),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (report) => {
          this.upload.set({ phase: 'importing', report });
          if (isFinished(report)) this.finish(report.id);
        },
        error: (error: unknown) =>
          this.upload.set({ phase: 'error', message: apiMessage(error, this.i18n.t('imports.uploadFailed')) }),
      });
  }

  /** The finished import's report replaces the progress, and the list shows it at the top. */
  private finish(id: string): void {
    this.upload.set({ phase: 'idle' });
    this.submitted.set(false);
    this.history.reload();
    this.openReport(id);
  }

  /** Through the URL, so a report can be linked to and the back button closes it. */
  protected openReport(id: string): void {
    if (this.report() === id) this.shownReport.reload();
    else void this.router.navigate([], { queryParams: { report: id } });
  }
}
