import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { ImportStatus } from '@relais/contracts';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

const LABELS: Record<ImportStatus, MessageKey> = {
  queued: 'imports.status.queued',
  running: 'imports.status.running',
  succeeded: 'imports.status.succeeded',
  failed: 'imports.status.failed',
};

/** Status of an import as a chip; the colour repeats the word, never replaces it. */
@Component({
  selector: 'app-import-status-chip',
  imports: [MatChipsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<mat-chip-set
    ><mat-chip [disableRipple]="true" [class]="'status-' + status()" [attr.data-status]="status()">{{
      labels[status()] | t
    }}</mat-chip></mat-chip-set
  >`,
  styles: `
    :host {
      display: inline-block;
      font-size: 0.875rem;
      font-weight: 400;
    }
    .status-succeeded {
      --mat-chip-elevated-container-color: #e3f1e6;
      --mat-chip-label-text-color: #1e5b2c;
    }
    .status-failed {
      --mat-chip-elevated-container-color: var(--danger-soft);
      --mat-chip-label-text-color: var(--danger);
    }
    .status-running,
    .status-queued {
      --mat-chip-elevated-container-color: var(--accent-soft);
      --mat-chip-label-text-color: var(--accent-strong);
    }
  `,
})
export class ImportStatusChip {
  readonly status = input.required<ImportStatus>();
  protected readonly labels = LABELS;
}
