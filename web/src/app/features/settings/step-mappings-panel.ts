import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Observable } from 'rxjs';
import { apiMessage } from '../../core/api/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { SaveFeedback } from './save-feedback';
import { SettingsApiService } from './settings-api.service';
import { MappingRow, mappingsOf, rowsOf, SOURCE_NAME } from './step-mapping-rows';

type PanelStatus = { kind: 'problem'; key: MessageKey } | { kind: 'refused'; message: string } | { kind: 'saved' };

/** Raw statuses → steps, per source (GET /api/step-mappings, PUT/DELETE /api/step-mappings/:source). */
@Component({
  selector: 'app-step-mappings-panel',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './step-mappings-panel.html',
  styleUrl: './settings-forms.css',
})
export class StepMappingsPanel {
  private readonly api = inject(SettingsApiService);
  private readonly i18n = inject(I18nService);
  private readonly feedback = inject(SaveFeedback);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly mappings = rxResource({ stream: () => this.api.stepMappings() });
  protected readonly sources = computed(() => (this.mappings.value()?.sources ?? []).map((mapping) => mapping.source));
  /** The source being edited ('' = none) and its rows, a spare empty one at the end to add a line. */
  protected readonly source = signal('');
  protected readonly newSource = signal('');
  protected readonly rows = signal<MappingRow[]>([]);
  protected readonly status = signal<PanelStatus | null>(null);
  protected readonly busy = signal(false);
  protected readonly isSaved = computed(() => this.sources().includes(this.source()));

  protected edit(source: string): void {
    const saved = this.mappings.value()?.sources.find((mapping) => mapping.source === source);
    this.source.set(source);
    this.rows.set([...rowsOf(saved?.mappings ?? {}), { raw: '', step: '' }]);
    this.status.set(null);
  }

  protected startNew(): void {
    const name = this.newSource().trim();
    if (!SOURCE_NAME.test(name)) {
      this.status.set({ kind: 'problem', key: 'settings.mappings.sourceInvalid' });
      return;
    }
    this.newSource.set('');
    this.edit(name);
  }

  protected setRow(index: number, field: keyof MappingRow, value: string): void {
    this.rows.update((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    this.status.set(null);
  }

  protected addRow(): void {
    this.rows.update((rows) => [...rows, { raw: '', step: '' }]);
  }

  protected removeRow(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected save(): void {
    const result = mappingsOf(this.rows());
    if ('problem' in result) {
      this.status.set({ kind: 'problem', key: result.problem });
      return;
    }
    this.run(this.api.replaceStepMapping(this.source(), result.mappings));
  }

  protected remove(): void {
    this.run(this.api.deleteStepMapping(this.source()), true);
  }

  private run(request: Observable<unknown>, closes = false): void {
    if (this.busy()) return;
    this.busy.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(false);
        this.status.set({ kind: 'saved' });
        this.feedback.saved();
        if (closes) this.source.set('');
        this.mappings.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.status.set({ kind: 'refused', message: apiMessage(error, this.i18n.t('settings.saveFailed')) });
      },
    });
  }
}
