import { Role } from '@relais/contracts';
import { MessageKey } from '../i18n/messages.fr';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Lowest role that sees the page (API-CONTRACT roles): the route guard and the menu use the same value. */
  role: Role;
  testId: string;
}

/** The dashboard's pages in menu order, one per audience task. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.overview', role: 'viewer', testId: 'nav-overview' },
  { path: '/review', label: 'nav.review', role: 'viewer', testId: 'nav-review' },
  { path: '/trends', label: 'nav.trends', role: 'viewer', testId: 'nav-trends' },
  { path: '/bottlenecks', label: 'nav.bottlenecks', role: 'viewer', testId: 'nav-bottlenecks' },
  { path: '/cases', label: 'nav.cases', role: 'analyst', testId: 'nav-cases' },
  { path: '/imports', label: 'nav.imports', role: 'admin', testId: 'nav-imports' },
  { path: '/settings', label: 'nav.settings', role: 'admin', testId: 'nav-settings' },
];
