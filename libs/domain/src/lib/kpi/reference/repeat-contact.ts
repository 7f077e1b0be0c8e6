import { byText } from './stored-event';

export const DAY_MS = 86_400_000;

/** What the repeat rule reads of a case. */
export interface SubjectCase {
  source: string;
  caseId: string;
  customerKey: string | null;
  category: string | null;
  createdTs: Date;
}

/**
 * §4: for each case with a customer, the time (ms) until the next case of the same (customer_key, category) in
 * (created_ts, source, case_id) order; null for the last case of its subject and for a case without customer (it
 * shares a subject with nobody). A missing category is a subject value of its own. Keyed like caseKey().
 */
export function nextSameSubjectGaps(
  cases: readonly SubjectCase[],
  key: (c: SubjectCase) => string,
): Map<string, number | null> {
  const gaps = new Map<string, number | null>(cases.map((c) => [key(c), null]));
  const subjects = new Map<string, SubjectCase[]>();
  for (const c of cases) {
    if (c.customerKey === null) continue;
    const subject = JSON.stringify([c.customerKey, c.category]);
    subjects.set(subject, [...(subjects.get(subject) ?? []), c]);
  }
  for (const chain of subjects.values()) {
    chain.sort(
      (a, b) =>
        a.createdTs.getTime() - b.createdTs.getTime() || byText(a.source, b.source) || byText(a.caseId, b.caseId),
    );
    chain.slice(0, -1).forEach((c, i) => gaps.set(key(c), chain[i + 1].createdTs.getTime() - c.createdTs.getTime()));
  }
  return gaps;
}

/** A case has a repeat contact when the next case of its subject came at most W × 24 h later (inclusive). */
export function isRepeated(nextSameSubjectMs: number | null, windowDays: number): boolean {
  return nextSameSubjectMs !== null && nextSameSubjectMs <= windowDays * DAY_MS;
}

/**
 * Provisional: created less than W days before the latest event of all stored events (created_ts > latest − W),
 * so a repeat may still come.
 */
export function isProvisional(createdTs: Date, latestEventTs: Date | null, windowDays: number): boolean {
  return latestEventTs !== null && createdTs.getTime() > latestEventTs.getTime() - windowDays * DAY_MS;
}
