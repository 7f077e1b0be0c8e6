import { Route } from '@angular/router';
import { authGuard, guestGuard, roleGuard } from './core/auth/auth.guard';
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
      {
        path: 'bottlenecks',
        title: 'title.bottlenecks' satisfies MessageKey,
        canActivate: [roleGuard],
        data: { role: 'viewer' },
        loadComponent: () => import('./features/bottlenecks/bottlenecks-page').then((m) => m.BottlenecksPage),
      },
      {
        path: 'cases',
        title: 'title.cases' satisfies MessageKey,
        canActivate: [roleGuard],
        data: { role: 'analyst' },
        loadComponent: () => import('./features/cases/cases-page').then((m) => m.CasesPage),
      },
      {
        path: 'cases/:source/:caseId',
        title: 'title.caseTimeline' satisfies MessageKey,
        canActivate: [roleGuard],
        data: { role: 'analyst' },
        loadComponent: () => import('./features/case-timeline/case-timeline-page').then((m) => m.CaseTimelinePage),
      },
      {
        path: 'review',
        title: 'review.title' satisfies MessageKey,
        canActivate: [roleGuard],
        data: { role: 'viewer' },
        loadComponent: () => import('./features/review/review-page').then((m) => m.ReviewPage),
      },
      {
        path: 'trends',
        title: 'trends.title' satisfies MessageKey,
        canActivate: [roleGuard],
        data: { role: 'viewer' },
        loadComponent: () => import('./features/trends/trends-page').then((m) => m.TrendsPage),
      },
      {
        path: 'imports',
        title: 'imports.title' satisfies MessageKey,
        canActivate: [roleGuard],
        data: { role: 'admin' },
        loadComponent: () => import('./features/imports/imports-page').then((m) => m.ImportsPage),
      },
      {
        path: 'settings',
        title: 'settings.title' satisfies MessageKey,
        canActivate: [roleGuard],
        data: { role: 'admin' },
        loadComponent: () => import('./features/settings/settings-page').then((m) => m.SettingsPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
