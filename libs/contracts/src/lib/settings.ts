import type { Role } from './auth';

/** Repeat-contact windows an organisation may choose (KPI-DEFINITIONS §4). */
export const REPEAT_WINDOW_DAYS = [2, 3, 7, 14, 30] as const;
export type RepeatWindowDays = (typeof REPEAT_WINDOW_DAYS)[number];

/** GET /api/settings. */
export interface OrganisationSettings {
  /** IANA time zone weeks and days are counted in (§2). */
  timeZone: string;
  /** `environment` until an admin sets one: RELAIS_TIMEZONE applies. */
  timeZoneSource: 'setting' | 'environment';
  /** Window used when a request gives no repeatWindowDays. */
  repeatWindowDays: RepeatWindowDays;
  /** Last change by an admin; null: never changed. */
  updatedAt: string | null;
}

/** PUT /api/settings: fields left out keep their value. */
export interface UpdateSettingsRequest {
  timeZone?: string;
  repeatWindowDays?: RepeatWindowDays;
}

/** Indicators of the weekly review that carry a target. */
export const TARGET_INDICATORS = [
  'transfersMean',
  'pingPongShare',
  'repeatRate',
  'reopenRate',
  'csatMean',
  'csatShare',
] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];

/** Which way is better: `lower` (transfers, repeats…) or `higher` (satisfaction). */
export type TargetDirection = 'lower' | 'higher';

/**
 * Target and alert level of one indicator. The alert level lies on the bad side of the target (≥ target when
 * lower is better, ≤ target when higher is better); statuses are defined in WeeklyReview.
 */
export interface KpiTarget {
  indicator: TargetIndicator;
  target: number;
  alertLevel: number;
  direction: TargetDirection;
  updatedAt: string;
}

/** GET /api/targets. */
export interface KpiTargets {
  targets: KpiTarget[];
}

/** PUT /api/targets/:indicator; direction left out keeps the current one. */
export interface UpdateTargetRequest {
  target: number;
  alertLevel: number;
  direction?: TargetDirection;
}

/**
 * Raw status of a source → step (KPI-DEFINITIONS §1). Applied by imports that run after the change; events
 * already stored keep the step they were imported with.
 */
export interface StepMapping {
  source: string;
  /** raw value → step; a raw value not listed is kept as it is. */
  mappings: Record<string, string>;
}

/** GET /api/step-mappings: every source that has a mapping. */
export interface StepMappings {
  sources: StepMapping[];
}

/** PUT /api/step-mappings/:source: replaces the whole mapping of the source. */
export interface UpdateStepMappingRequest {
  mappings: Record<string, string>;
}

/** A user as the admin sees it: never a password or its hash. */
export interface UserSummary {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
}

/** GET /api/users. */
export interface UsersList {
  users: UserSummary[];
}

export const USER_PASSWORD_MIN_LENGTH = 10;

/** POST /api/users. */
export interface CreateUserRequest {
  email: string;
  /** At least USER_PASSWORD_MIN_LENGTH characters. */
  password: string;
  role: Role;
}

/** PATCH /api/users/:id. A new role shows in the user's next token (next login). */
export interface UpdateUserRequest {
  role?: Role;
  password?: string;
}
