import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { ImportReport } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ImportStatusChip } from './import-status-chip';

/** The report of one import: its counts, why it failed if it did, and the rejected lines. */
@Component({
  selector: 'app-import-report',
  imports: [MatTableModule, TranslatePipe, ImportStatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-report.html',
  styleUrl: './import-report.css',
})
export class ImportReportView {
  private readonly i18n = inject(I18nService);

  readonly report = input.required<ImportReport>();

  protected readonly errorColumns = ['line', 'field', 'message'];
  protected readonly counts = computed(() => {
    const r = this.report();
    const n = (value: number) => this.i18n.formatNumber(value);
    return [
      { testId: 'report-rows-read', label: 'imports.report.rowsRead', value: n(r.rowsRead) },
      { testId: 'report-events-stored', label: 'imports.report.eventsStored', value: n(r.eventsStored) },
      { testId: 'report-duplicates', label: 'imports.report.duplicates', value: n(r.duplicates) },
      { testId: 'report-rejected', label: 'imports.report.rejected', value: n(r.rejected) },
    ] as const;
  });
  /** The server keeps the first 100 rejected lines only. */
  protected readonly unlisted = computed(() => this.report().rejected - this.report().errors.length);
}
