import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { Role } from '@relais/contracts';
import { AuthService } from '../auth/auth.service';
import { LanguageToggle } from '../i18n/language-toggle';
import { MessageKey } from '../i18n/messages.fr';
import { TranslatePipe } from '../i18n/translate.pipe';

const ROLE_LABELS: Record<Role, MessageKey> = {
  viewer: 'role.viewer',
  analyst: 'role.analyst',
  admin: 'role.admin',
};

/** Frame of every signed-in page: header with account and language, then the routed feature. */
@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, LanguageToggle, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.css',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly email = this.auth.email;
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABELS[role] : null;
  });

  protected logout(): void {
    this.auth.logout();
    void this.router.navigateByUrl('/login');
  }
}
