import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { ImportReport } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ImportStatusChip } from './import-status-chip';

/** Past imports as the API lists them (newest first), each opening its report. */
@Component({
  selector: 'app-imports-history',
  imports: [MatButtonModule, MatTableModule, TranslatePipe, ImportStatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-scroll">
      <table mat-table [dataSource]="imports()" data-testid="imports-history">
        <ng-container matColumnDef="startedAt">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'imports.history.startedAt' | t }}</th>
          <td mat-cell *matCellDef="let item">{{ when(item) }}</td>
        </ng-container>
        <ng-container matColumnDef="source">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'imports.history.source' | t }}</th>
          <td mat-cell *matCellDef="let item">
            <code>{{ item.source }}</code> <span class="format">({{ item.format }})</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'imports.history.status' | t }}</th>
          <td mat-cell *matCellDef="let item"><app-import-status-chip [status]="item.status" /></td>
        </ng-container>
        <ng-container matColumnDef="counts">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'imports.history.counts' | t }}</th>
          <td mat-cell *matCellDef="let item">
            {{ 'imports.history.countsValue' | t: { stored: number(item.eventsStored), rejected: number(item.rejected) } }}
          </td>
        </ng-container>
        <ng-container matColumnDef="open">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">{{ 'imports.history.open' | t }}</span></th>
          <td mat-cell *matCellDef="let item">
            <button
              matButton="outlined"
              type="button"
              [attr.aria-current]="item.id === selected() ? 'true' : null"
              [attr.data-testid]="'open-report-' + item.id"
              (click)="reportOpened.emit(item.id)"
            >
              {{ 'imports.history.open' | t }}
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns" [class.selected]="row.id === selected()"></tr>
      </table>
    </div>
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .format {
      margin-left: 0.35em;
      color: var(--text-muted);
    }
    tr.selected {
      background: var(--accent-soft);
    }
    @media print {
      .mat-column-open {
        display: none;
      }
    }
  `,
})
export class ImportsHistory {
  private readonly i18n = inject(I18nService);

  readonly imports = input.required<readonly ImportReport[]>();
  readonly selected = input<string | undefined>();
  readonly reportOpened = output<string>();

  protected readonly columns = ['startedAt', 'source', 'status', 'counts', 'open'];

  protected when(item: ImportReport): string {
    const at = item.startedAt ?? item.finishedAt;
    if (!at) return this.i18n.t('imports.history.notStarted');
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  }

  protected number(value: number): string {
    return this.i18n.formatNumber(value);
  }
}
