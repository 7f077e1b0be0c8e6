import { computed, inject, Signal } from '@angular/core';
import { roleAtLeast } from '@relais/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { NAV_ITEMS } from '../../core/layout/nav-items';

/** The cases page's own role (nav-items), so that the guard and these links never disagree. */
const CASES_ROLE = NAV_ITEMS.find((item) => item.path === '/cases')?.role ?? 'analyst';

/**
 * Whether the signed-in user may open the cases page. Viewers read the indicators but not the cases (API-CONTRACT
 * "Auth"): for them the drill-down links and chart clicks would only bounce back to the overview, so none is shown.
 */
export function injectCanOpenCases(): Signal<boolean> {
  const auth = inject(AuthService);
  return computed(() => {
    const role = auth.role();
    return role !== null && roleAtLeast(role, CASES_ROLE);
  });
}
