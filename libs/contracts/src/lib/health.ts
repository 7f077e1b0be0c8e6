export type ComponentState = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'error';
  database: ComponentState;
  queue: ComponentState;
}
