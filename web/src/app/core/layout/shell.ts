import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Role, roleAtLeast } from '@relais/contracts';
import { AuthService } from '../auth/auth.service';
import { LanguageToggle } from '../i18n/language-toggle';
import { MessageKey } from '../i18n/messages.fr';
import { TranslatePipe } from '../i18n/translate.pipe';
import { NAV_ITEMS } from './nav-items';

const ROLE_LABELS: Record<Role, MessageKey> = {
  viewer: 'role.viewer',
  analyst: 'role.analyst',
  admin: 'role.admin',
};

/** Frame of every signed-in page: header with account and language, then the routed feature. */
@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, LanguageToggle, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.css',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly email = this.auth.email;
  /** Only the pages the signed-in role may open. */
  protected readonly navItems = computed(() => {
    const role = this.auth.role();
    return role ? NAV_ITEMS.filter((item) => roleAtLeast(role, item.role)) : [];
  });
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABELS[role] : null;
  });

  protected logout(): void {
    this.auth.logout();
    void this.router.navigateByUrl('/login');
  }
}
