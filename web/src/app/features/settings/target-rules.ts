import { KpiTarget, TargetDirection, TargetIndicator } from '@relais/contracts';
import { MessageKey } from '../../core/i18n/messages.fr';

/** Indicators that are shares (0..1 in the API): edited as percentages, like the review shows them. */
export const SHARE_INDICATORS: ReadonlySet<TargetIndicator> = new Set([
  'pingPongShare',
  'repeatRate',
  'reopenRate',
  'csatShare',
]);

export const TARGET_LABELS: Record<TargetIndicator, MessageKey> = {
  transfersMean: 'settings.targets.transfersMean',
  pingPongShare: 'settings.targets.pingPongShare',
  repeatRate: 'settings.targets.repeatRate',
  reopenRate: 'settings.targets.reopenRate',
  csatMean: 'settings.targets.csatMean',
  csatShare: 'settings.targets.csatShare',
};

/** A target as edited: percentages for shares, plain numbers otherwise. */
export interface TargetDraft {
  target: number | null;
  alertLevel: number | null;
  direction: TargetDirection;
}

const round = (value: number) => Number(value.toFixed(6));

export function toDraft(target: KpiTarget): TargetDraft {
  const scale = SHARE_INDICATORS.has(target.indicator) ? 100 : 1;
  return { target: round(target.target * scale), alertLevel: round(target.alertLevel * scale), direction: target.direction };
}

/**
 * The same rules as the server's (TargetsService): numbers ≥ 0, shares at most 100 %, the alert level on the bad
 * side of the target. Returns the first problem, or null when the draft can be sent.
 */
export function targetProblem(indicator: TargetIndicator, draft: TargetDraft): MessageKey | null {
  const { target, alertLevel, direction } = draft;
  if (target === null || alertLevel === null || !Number.isFinite(target) || !Number.isFinite(alertLevel)) {
    return 'settings.targets.required';
  }
  if (target < 0 || alertLevel < 0) return 'settings.targets.negative';
  if (SHARE_INDICATORS.has(indicator) && (target > 100 || alertLevel > 100)) return 'settings.targets.sharePercent';
  if (direction === 'lower' && alertLevel < target) return 'settings.targets.alertBelowTarget';
  if (direction === 'higher' && alertLevel > target) return 'settings.targets.alertAboveTarget';
  return null;
}

/** The PUT /api/targets/:indicator body of a valid draft. */
export function toRequest(indicator: TargetIndicator, draft: TargetDraft) {
  const scale = SHARE_INDICATORS.has(indicator) ? 100 : 1;
  return {
    target: round((draft.target ?? 0) / scale),
    alertLevel: round((draft.alertLevel ?? 0) / scale),
    direction: draft.direction,
  };
}
