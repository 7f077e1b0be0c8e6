import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TargetDirection, TargetIndicator } from '@relais/contracts';
import { apiMessage } from '../../core/api/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { SaveFeedback } from './save-feedback';
import { SettingsApiService } from './settings-api.service';
import { SHARE_INDICATORS, TARGET_LABELS, TargetDraft, targetProblem, toDraft, toRequest } from './target-rules';

/** What a row shows under its fields: a problem found here, the server's refusal, or the saved confirmation. */
type RowStatus = { kind: 'problem'; key: MessageKey } | { kind: 'refused'; message: string } | { kind: 'saved' };

/** Target, alert level and better direction of each indicator of the weekly review (GET/PUT /api/targets). */
@Component({
  selector: 'app-targets-panel',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './targets-panel.html',
  styleUrl: './settings-forms.css',
})
export class TargetsPanel {
  private readonly api = inject(SettingsApiService);
  private readonly i18n = inject(I18nService);
  private readonly feedback = inject(SaveFeedback);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly targets = rxResource({ stream: () => this.api.targets() });
  protected readonly drafts = signal<Partial<Record<TargetIndicator, TargetDraft>>>({});
  protected readonly statuses = signal<Partial<Record<TargetIndicator, RowStatus>>>({});
  protected readonly saving = signal<TargetIndicator | null>(null);
  protected readonly labels = TARGET_LABELS;

  constructor() {
    effect(() => {
      const list = this.targets.value()?.targets ?? [];
      this.drafts.set(Object.fromEntries(list.map((target) => [target.indicator, toDraft(target)])));
    });
  }

  protected isShare(indicator: TargetIndicator): boolean {
    return SHARE_INDICATORS.has(indicator);
  }

  protected edit(indicator: TargetIndicator, field: 'target' | 'alertLevel', text: string): void {
    const value = text.trim() === '' ? null : Number(text.replace(',', '.'));
    this.patch(indicator, { [field]: value });
  }

  protected setDirection(indicator: TargetIndicator, direction: TargetDirection): void {
    this.patch(indicator, { direction });
  }

  private patch(indicator: TargetIndicator, change: Partial<TargetDraft>): void {
    const current = this.drafts()[indicator];
    if (!current) return;
    this.drafts.update((drafts) => ({ ...drafts, [indicator]: { ...current, ...change } }));
    this.setStatus(indicator, undefined);
  }

  private setStatus(indicator: TargetIndicator, status: RowStatus | undefined): void {
    this.statuses.update((statuses) => ({ ...statuses, [indicator]: status }));
  }

  protected save(indicator: TargetIndicator): void {
    const draft = this.drafts()[indicator];
    if (!draft || this.saving()) return;
    const problem = targetProblem(indicator, draft);
    if (problem) {
      this.setStatus(indicator, { kind: 'problem', key: problem });
      return;
    }
    this.saving.set(indicator);
    this.api
      .updateTarget(indicator, toRequest(indicator, draft))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.saving.set(null);
          this.drafts.update((drafts) => ({ ...drafts, [indicator]: toDraft(saved) }));
          this.setStatus(indicator, { kind: 'saved' });
          this.feedback.saved();
        },
        error: (error: unknown) => {
          this.saving.set(null);
          this.setStatus(indicator, { kind: 'refused', message: apiMessage(error, this.i18n.t('settings.saveFailed')) });
        },
      });
  }
}
