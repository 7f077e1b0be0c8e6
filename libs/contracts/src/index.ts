export * from './lib/auth';
export * from './lib/cases';
export * from './lib/health';
export * from './lib/imports';
export * from './lib/kpis';
export * from './lib/delays';
export * from './lib/satisfaction';
