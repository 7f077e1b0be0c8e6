import type { KpiSummary, SatisfactionCell } from '@relais/contracts';
import { caseStates } from './case-state';
import { byText, type StoredJourneyEvent } from './stored-event';
import { roundRate, roundScore } from './rounding';

/** Fewer answers than this: "not enough answers", never a number (§6). */
export const MIN_SURVEY_RESPONSES = 5;

/** One survey answer (§6) and where it belongs. */
export interface SurveyAnswer {
  ts: Date;
  seq: number;
  csat: number;
  scale: number;
  /** (csat − 1) / (scale − 1): 0–1 whatever the scale. */
  normalised: number;
  /** In the top two of its scale (4–5 of 5, 9–10 of 10). */
  topTwo: boolean;
  /** Step and team the case was in when it was answered (caseStates); null when none was named before. */
  step: string | null;
  team: string | null;
}

/**
 * §6 over the events of one case in (ts, seq) order: every `survey` event with an answer. It belongs to the state
 * after the latest earlier event of the case, strictly earlier in (ts, seq), earlier answers included: the step and
 * the holder of caseStates, so an answer after an assignment without team belongs to no team, while one after a
 * status change or contact recorded without team stays with the team that held the case. The answer's own step
 * and team are ignored.
 */
export function surveyAnswers(caseEvents: readonly StoredJourneyEvent[]): SurveyAnswer[] {
  const states = caseStates(caseEvents);
  const answers: SurveyAnswer[] = [];
  caseEvents.forEach((e, i) => {
    if (e.event !== 'survey' || e.csat === null || e.csatScale === null) return;
    const { step, team } = states[i].before;
    answers.push({
      ts: e.ts,
      seq: e.seq,
      csat: e.csat,
      scale: e.csatScale,
      normalised: (e.csat - 1) / (e.csatScale - 1),
      topTwo: e.csat >= e.csatScale - 1,
      step,
      team,
    });
  });
  return answers;
}

/**
 * Responses, mean and CSAT % of a group of answers (§6): the mean on the original scale when every answer uses the
 * same one, else on the normalised 0–1 score (4 decimals); CSAT % = share in the top two (6 decimals). Both null
 * below MIN_SURVEY_RESPONSES.
 */
export function satisfactionCell(answers: readonly SurveyAnswer[]): SatisfactionCell {
  const responses = answers.length;
  if (responses < MIN_SURVEY_RESPONSES) return { responses, mean: null, csatShare: null };
  const uniform = answers.every((a) => a.scale === answers[0].scale);
  const total = answers.reduce((sum, a) => sum + (uniform ? a.csat : a.normalised), 0);
  return {
    responses,
    mean: roundScore(total / responses),
    csatShare: roundRate(answers.filter((a) => a.topTwo).length / responses),
  };
}

/** §6 per step and per team over the given cases, each list ordered by name; unattributed answers are left out. */
export function satisfactionByStepAndTeam(
  cases: ReadonlyArray<{ surveys: readonly SurveyAnswer[] }>,
): KpiSummary['satisfaction'] {
  const answers = cases.flatMap((c) => c.surveys);
  const grouped = (name: (a: SurveyAnswer) => string | null) => {
    const groups = new Map<string, SurveyAnswer[]>();
    for (const a of answers) {
      const key = name(a);
      if (key !== null) groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    return [...groups.entries()].sort(([a], [b]) => byText(a, b));
  };
  return {
    byStep: grouped((a) => a.step).map(([step, group]) => ({ step, ...satisfactionCell(group) })),
    byTeam: grouped((a) => a.team).map(([team, group]) => ({ team, ...satisfactionCell(group) })),
  };
}
