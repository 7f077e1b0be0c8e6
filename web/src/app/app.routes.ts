import { Route } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guard';
import { MessageKey } from './core/i18n/messages.fr';

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'title.login' satisfies MessageKey,
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'title.overview' satisfies MessageKey,
        loadComponent: () => import('./features/overview/overview-page').then((m) => m.OverviewPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
