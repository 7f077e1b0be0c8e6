export * from './lib/journey/journey-event';
export * from './lib/journey/pseudonymise';
export * from './lib/kpi/transfers';
