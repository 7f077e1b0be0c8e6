/** Source dictionary: its keys define `MessageKey`, so every other language must translate all of them. */
export const fr = {
  'app.name': 'Relais',
  'app.tagline': 'Indicateurs de continuité de service',
  'app.skipToContent': 'Aller au contenu',

  'lang.group': 'Langue',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'title.login': 'Connexion · Relais',
  'title.overview': 'Vue d’ensemble · Relais',

  'role.viewer': 'Lecteur',
  'role.analyst': 'Analyste',
  'role.admin': 'Administrateur',

  'nav.label': 'Navigation principale',
  'nav.overview': 'Vue d’ensemble',
  'nav.review': 'Revue hebdomadaire',
  'nav.trends': 'Tendances',
  'nav.bottlenecks': 'Goulots d’étranglement',
  'nav.cases': 'Dossiers',
  'nav.imports': 'Imports',
  'nav.settings': 'Paramètres',

  'header.account': 'Compte',
  'header.role': 'Rôle',
  'header.logout': 'Se déconnecter',

  'login.heading': 'Connexion',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.emailRequired': 'Saisissez votre adresse e-mail.',
  'login.emailInvalid': 'Cette adresse e-mail n’est pas valide.',
  'login.passwordRequired': 'Saisissez votre mot de passe.',
  'login.invalidCredentials': 'Identifiants incorrects',
  'login.unavailable': 'Le serveur ne répond pas. Réessayez dans un instant.',
  'login.demoTitle': 'Comptes de démonstration',
  'login.demoPassword': 'Mot de passe pour les trois comptes :',

  'overview.heading': 'Vue d’ensemble',
  'state.loading': 'Chargement des indicateurs…',
  'state.empty': 'Aucune donnée pour l’instant — un import est peut-être en cours',
  'state.error': 'Impossible de charger les indicateurs.',
  'state.retry': 'Réessayer',

  'summary.heading': 'Indicateurs clés',
  'summary.caption': 'Sur {cases} dossiers.',
  'summary.cases': 'Dossiers',
  'summary.casesUnit': 'dossiers créés',
  'summary.transfers': 'Transferts moyens',
  'summary.transfersUnit': 'transferts par dossier',
  'summary.pingPong': 'Ping-pong',
  'summary.pingPongUnit': 'des dossiers revenus à une équipe déjà passée',
  'summary.repeat': 'Recontact',
  'summary.repeatUnit': 'des dossiers suivis d’un nouveau contact sous {days} jours',
  'summary.repeatProvisional': 'dont {count} dossiers encore provisoires',

  'weekly.heading': 'Activité hebdomadaire',
  'weekly.caption':
    'Barres : nombre de dossiers par semaine ISO (axe gauche). Ligne : transferts moyens par dossier (axe droit). {cases} dossiers au total.',
  'weekly.axisCases': 'Dossiers',
  'weekly.axisTransfers': 'Transferts / dossier',
  'weekly.seriesCases': 'Dossiers',
  'weekly.seriesProvisional': 'Dossiers (semaine provisoire)',
  'weekly.seriesTransfers': 'Transferts / dossier',
  'weekly.provisionalNote':
    'Barres claires et pointillées : semaines provisoires ({weeks}). La fenêtre de recontact n’est pas close, les chiffres peuvent encore évoluer.',
  'weekly.chartLabel': 'Graphique : dossiers et transferts moyens par semaine ISO, {count} semaines, {cases} dossiers.',
  'weekly.showData': 'Afficher les données du graphique',
  'weekly.colWeek': 'Semaine',
  'weekly.colCases': 'Dossiers',
  'weekly.colTransfers': 'Transferts / dossier',
  'weekly.colStatus': 'Statut',
  'weekly.provisional': 'provisoire',
  'weekly.final': 'définitif',
};

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
