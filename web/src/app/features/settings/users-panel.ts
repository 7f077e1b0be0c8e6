import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Role, ROLES, USER_PASSWORD_MIN_LENGTH, UserSummary } from '@relais/contracts';
import { apiMessage } from '../../core/api/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { SaveFeedback } from './save-feedback';
import { SettingsApiService } from './settings-api.service';

const ROLE_LABELS: Record<Role, MessageKey> = { viewer: 'role.viewer', analyst: 'role.analyst', admin: 'role.admin' };

/** Users and their roles (GET/POST/PATCH /api/users). The API has no deactivation: a role change is the lever. */
@Component({
  selector: 'app-users-panel',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-panel.html',
  styleUrl: './settings-forms.css',
})
export class UsersPanel {
  private readonly api = inject(SettingsApiService);
  private readonly i18n = inject(I18nService);
  private readonly feedback = inject(SaveFeedback);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly users = rxResource({ stream: () => this.api.users() });
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly minLength = USER_PASSWORD_MIN_LENGTH;
  protected readonly columns = ['email', 'role', 'createdAt'];

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(USER_PASSWORD_MIN_LENGTH)]],
    role: ['viewer' as Role, Validators.required],
  });
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly created = signal<string | null>(null);
  /** Per user: the refusal of a role change (e.g. the last admin), or 'saved'. */
  protected readonly roleStatus = signal<Record<string, string>>({});

  protected createdAt(user: UserSummary): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium' }).format(new Date(user.createdAt));
  }

  protected create(): void {
    if (this.creating()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.creating.set(true);
    this.createError.set(null);
    this.created.set(null);
    const request = { ...this.form.getRawValue(), email: this.form.controls.email.value.trim() };
    this.api
      .createUser(request)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) => {
          this.creating.set(false);
          this.created.set(user.email);
          this.form.reset();
          this.feedback.saved();
          this.users.reload();
        },
        error: (error: unknown) => {
          this.creating.set(false);
          this.createError.set(apiMessage(error, this.i18n.t('settings.saveFailed')));
        },
      });
  }

  protected changeRole(user: UserSummary, role: Role): void {
    if (role === user.role) return;
    this.api
      .updateUser(user.id, { role })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.roleStatus.update((status) => ({ ...status, [user.id]: 'saved' }));
          this.feedback.saved();
          this.users.reload();
        },
        error: (error: unknown) => {
          this.roleStatus.update((status) => ({
            ...status,
            [user.id]: apiMessage(error, this.i18n.t('settings.saveFailed')),
          }));
          // The select shows the refused role until the list is read again.
          this.users.reload();
        },
      });
  }
}
