import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { OrganisationSettings, REPEAT_WINDOW_DAYS, RepeatWindowDays, UpdateSettingsRequest } from '@relais/contracts';
import { apiMessage } from '../../core/api/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ianaTimeZoneValidator, suggestTimeZones } from '../../core/time-zone/time-zone';
import { SaveFeedback } from './save-feedback';
import { SettingsApiService } from './settings-api.service';

/** The fields that differ from what the server has: an unchanged zone is not sent (it would re-compute every week). */
export function settingsChange(
  saved: OrganisationSettings,
  form: { timeZone: string; repeatWindowDays: RepeatWindowDays },
): UpdateSettingsRequest {
  const change: UpdateSettingsRequest = {};
  if (form.timeZone.trim() !== saved.timeZone) change.timeZone = form.timeZone.trim();
  if (form.repeatWindowDays !== saved.repeatWindowDays) change.repeatWindowDays = form.repeatWindowDays;
  return change;
}

/** Organisation time zone and default repeat window (GET/PUT /api/settings). */
@Component({
  selector: 'app-organisation-settings-form',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisation-settings-form.html',
  styleUrl: './settings-forms.css',
})
export class OrganisationSettingsForm {
  private readonly api = inject(SettingsApiService);
  private readonly i18n = inject(I18nService);
  private readonly feedback = inject(SaveFeedback);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly settings = rxResource({ stream: () => this.api.settings() });
  protected readonly windows = REPEAT_WINDOW_DAYS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    timeZone: ['', [Validators.required, ianaTimeZoneValidator]],
    repeatWindowDays: [7 as RepeatWindowDays, Validators.required],
  });
  private readonly zoneValue = toSignal(this.form.controls.timeZone.valueChanges, { initialValue: '' });
  protected readonly zoneSuggestions = computed(() => suggestTimeZones(this.zoneValue()));
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal(false);

  constructor() {
    // The form shows what the server has, each time it arrives (first load, retry, after a save).
    effect(() => {
      const value = this.settings.value();
      if (value) untracked(() => this.form.reset({ timeZone: value.timeZone, repeatWindowDays: value.repeatWindowDays }));
    });
  }

  protected save(): void {
    const current = this.settings.value();
    if (this.saving() || !current) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const change = settingsChange(current, this.form.getRawValue());
    this.error.set(null);
    this.saved.set(false);
    if (Object.keys(change).length === 0) {
      this.saved.set(true);
      return;
    }
    this.saving.set(true);
    this.api
      .updateSettings(change)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.saving.set(false);
          this.saved.set(true);
          this.settings.set(updated);
          this.feedback.saved();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(apiMessage(error, this.i18n.t('settings.saveFailed')));
        },
      });
  }
}
