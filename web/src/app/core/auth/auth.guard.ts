import { Role, roleAtLeast } from '@relais/contracts';
import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { AuthService } from './auth.service';

export const LOGIN_PATH = '/login';

/** The login page, remembering where to come back to (never to the login page itself). */
export function loginRedirect(router: Router, returnUrl: string): UrlTree {
  const keep = returnUrl !== '/' && !returnUrl.startsWith(LOGIN_PATH);
  return router.createUrlTree([LOGIN_PATH], { queryParams: keep ? { returnUrl } : {} });
}

/** Only same-app paths: a crafted `returnUrl=//evil.example` must not send users off-site after login. */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  if (auth.isAuthenticated()) {
    return true;
  }
  auth.logout();
  return loginRedirect(inject(Router), state.url);
};

export const guestGuard: CanActivateFn = () =>
  inject(AuthService).isAuthenticated() ? inject(Router).createUrlTree(['/']) : true;

/** A page for `role` and above (route data `role`): a lower role lands on the overview instead of a 403 page. */
export const roleGuard: CanActivateFn = (route) => {
  const required = route.data['role'] as Role | undefined;
  const role = inject(AuthService).role();
  if (!required || (role && roleAtLeast(role, required))) return true;
  return inject(Router).createUrlTree(['/']);
};
