export * from './lib/journey/journey-event';
export * from './lib/journey/pseudonymise';
export * from './lib/kpi/transfers';
export * from './lib/journey/time-zone';
export * from './lib/demo';
export * from './lib/ingest';
export * from './lib/kpi/wilson';
export * from './lib/kpi/reference';
