export { DEMO_AGENTS, DEMO_CATEGORIES, DEMO_CHANNELS, DEMO_CSAT_SCALE, DEMO_STEPS, DEMO_TEAMS } from './demo-model';
export type { DemoCategory, DemoChannel, DemoStep, DemoTeam } from './demo-model';
export { DEMO_DEFAULTS, demoPeriod, generateDemoCases, generateDemoEvents } from './demo-generator';
export type { DemoCase, DemoOptions, DemoPeriod, DemoRow } from './demo-generator';
export { DEMO_CSV_COLUMNS, demoCsvChunks, demoCsvReadable, writeDemoCsv } from './demo-csv';
export type { DemoCsvSummary } from './demo-csv';
