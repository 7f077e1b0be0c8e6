/**
 * Default step of each ServiceNow `incident_state` label (KPI-DEFINITIONS §1 steps), matched case-insensitively
 * after trimming. A label not listed (the UCI log's `-100`, a customised state) is kept as written, so a source's
 * step mapping can still name it; that mapping applies after this one.
 */
export const SERVICENOW_STATE_STEPS: Readonly<Record<string, string>> = {
  new: 'new',
  active: 'in_progress',
  'in progress': 'in_progress',
  'awaiting user info': 'waiting_customer',
  'awaiting vendor': 'waiting_third_party',
  'awaiting problem': 'waiting_third_party',
  'awaiting evidence': 'waiting_third_party',
  'awaiting change': 'waiting_third_party',
  resolved: 'resolved',
  closed: 'closed',
  canceled: 'closed',
  cancelled: 'closed',
};

export function servicenowStep(state: string): string {
  return SERVICENOW_STATE_STEPS[state.toLowerCase()] ?? state;
}
