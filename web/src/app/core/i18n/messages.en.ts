import type { Messages } from './messages.fr';

export const en: Messages = {
  'app.name': 'Relais',
  'app.tagline': 'Service continuity indicators',
  'app.skipToContent': 'Skip to content',

  'lang.group': 'Language',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'title.login': 'Sign in · Relais',
  'title.overview': 'Overview · Relais',

  'role.viewer': 'Viewer',
  'role.analyst': 'Analyst',
  'role.admin': 'Administrator',

  'header.account': 'Account',
  'header.role': 'Role',
  'header.logout': 'Sign out',

  'login.heading': 'Sign in',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.emailRequired': 'Enter your email address.',
  'login.emailInvalid': 'This email address is not valid.',
  'login.passwordRequired': 'Enter your password.',
  'login.invalidCredentials': 'Incorrect email or password',
  'login.unavailable': 'The server is not responding. Try again in a moment.',
  'login.demoTitle': 'Demo accounts',
  'login.demoPassword': 'Password for all three accounts:',

  'overview.heading': 'Overview',
  'state.loading': 'Loading indicators…',
  'state.empty': 'No data yet — an import may be in progress',
  'state.error': 'The indicators could not be loaded.',
  'state.retry': 'Try again',

  'summary.heading': 'Key figures',
  'summary.caption': 'Based on {cases} cases.',
  'summary.cases': 'Cases',
  'summary.casesUnit': 'cases created',
  'summary.transfers': 'Mean transfers',
  'summary.transfersUnit': 'transfers per case',
  'summary.pingPong': 'Ping-pong',
  'summary.pingPongUnit': 'of cases returned to a team they had already left',
  'summary.repeat': 'Repeat contact',
  'summary.repeatUnit': 'of cases followed by a new contact within {days} days',
  'summary.repeatProvisional': 'including {count} cases still provisional',

  'weekly.heading': 'Weekly activity',
  'weekly.caption':
    'Bars: number of cases per ISO week (left axis). Line: mean transfers per case (right axis). {cases} cases in total.',
  'weekly.axisCases': 'Cases',
  'weekly.axisTransfers': 'Transfers / case',
  'weekly.seriesCases': 'Cases',
  'weekly.seriesProvisional': 'Cases (provisional week)',
  'weekly.seriesTransfers': 'Transfers / case',
  'weekly.provisionalNote':
    'Light dashed bars: provisional weeks ({weeks}). The repeat-contact window is still open, figures may still change.',
  'weekly.chartLabel': 'Chart: cases and mean transfers per ISO week, {count} weeks, {cases} cases.',
  'weekly.showData': 'Show the chart data',
  'weekly.colWeek': 'Week',
  'weekly.colCases': 'Cases',
  'weekly.colTransfers': 'Transfers / case',
  'weekly.colStatus': 'Status',
  'weekly.provisional': 'provisional',
  'weekly.final': 'final',
};
