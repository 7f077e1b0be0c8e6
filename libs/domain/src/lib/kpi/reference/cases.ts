import { isoWeekOf, matchesFilters } from './periods';
import { isProvisional, isRepeated, nextSameSubjectGaps } from './repeat-contact';
import { surveyAnswers, type SurveyAnswer } from './satisfaction';
import { byText, caseKey, eventsByCase, type ReferenceFilters, type StoredJourneyEvent } from './stored-event';
import { teamHistory, type Transfer } from './team-history';
import { caseTransitions, type Transition } from './transitions';

/** A case (§1) with every per-case fact the indicators read. */
export interface ReferenceCase {
  source: string;
  caseId: string;
  /** Attributes of the first `created` event in (ts, seq) order. */
  customerKey: string | null;
  createdTs: Date;
  channel: string | null;
  category: string | null;
  /**
   * The team holding the case at creation (§2 filters): the team of `created`, else the first team the case was
   * assigned to (a case created in no team's hands is counted for the team it was first routed to).
   */
  team: string | null;
  /** ISO week of created_ts in the organisation's time zone (§2). */
  week: string;
  weekStart: string;
  /** Every event of the case in (ts, seq) order, those before `created` included. */
  events: StoredJourneyEvent[];
  transfers: Transfer[];
  teamEntries: number;
  distinctTeams: number;
  /** A transfer back to a team that held the case before: entries − distinct teams > 0. */
  pingPong: boolean;
  reopened: boolean;
  chasers: number;
  surveys: SurveyAnswer[];
  transitions: Transition[];
  /** §4: ms to the next case of the same (customer, category); null when none. */
  nextSameSubjectMs: number | null;
  /** The next case of the subject came within the window. */
  repeated: boolean;
  /** Created less than W days before the latest stored event. */
  provisional: boolean;
}

export interface CaseOptions {
  timeZone: string;
  repeatWindowDays: number;
}

/**
 * Every case of the stored events (§1: a `(source, case_id)` with a `created` event), unfiltered and ordered by
 * (source, case_id). The repeat rule (§4) looks across all cases of a customer, whatever filter is applied later.
 */
export function referenceCases(events: readonly StoredJourneyEvent[], options: CaseOptions): ReferenceCase[] {
  const latest = latestEventTs(events);
  const cases: Array<Omit<ReferenceCase, 'nextSameSubjectMs' | 'repeated' | 'provisional'>> = [];
  for (const caseEvents of eventsByCase(events).values()) {
    const created = caseEvents.find((e) => e.event === 'created');
    if (!created) continue;
    const history = teamHistory(caseEvents);
    const firstTeam = caseEvents.find((e) => e.event === 'assigned' && e.team !== null && e.team !== '')?.team;
    cases.push({
      source: created.source,
      caseId: created.caseId,
      customerKey: created.customerKey,
      createdTs: created.ts,
      channel: created.channel,
      category: created.category,
      team: created.team ?? firstTeam ?? null,
      ...weekFields(created.ts, options.timeZone),
      events: caseEvents,
      transfers: history.transfers,
      teamEntries: history.teamEntries,
      distinctTeams: history.distinctTeams,
      pingPong: history.teamEntries > history.distinctTeams,
      reopened: caseEvents.some((e) => e.event === 'reopened'),
      chasers: countChasers(caseEvents),
      surveys: surveyAnswers(caseEvents),
      transitions: caseTransitions(caseEvents),
    });
  }
  const key = (c: { source: string; caseId: string }) => caseKey(c.source, c.caseId);
  const gaps = nextSameSubjectGaps(cases, key);
  return cases
    .map((c) => {
      const nextSameSubjectMs = gaps.get(key(c)) ?? null;
      return {
        ...c,
        nextSameSubjectMs,
        repeated: isRepeated(nextSameSubjectMs, options.repeatWindowDays),
        provisional: isProvisional(c.createdTs, latest, options.repeatWindowDays),
      };
    })
    .sort((a, b) => byText(a.source, b.source) || byText(a.caseId, b.caseId));
}

/** The cases the filters keep (§2). */
export function selectCases<C extends ReferenceCase>(
  cases: readonly C[],
  filters: ReferenceFilters | undefined,
  timeZone: string,
): C[] {
  return filters ? cases.filter((c) => matchesFilters(c, filters, timeZone)) : [...cases];
}

/** `(source, case_id)` pairs that have events but no `created`: kept and reported, never counted (§1). */
export function casesWithoutCreated(events: readonly StoredJourneyEvent[]): Array<{ source: string; caseId: string }> {
  return [...eventsByCase(events).values()]
    .filter((caseEvents) => !caseEvents.some((e) => e.event === 'created'))
    .map(([e]) => ({ source: e.source, caseId: e.caseId }))
    .sort((a, b) => byText(a.source, b.source) || byText(a.caseId, b.caseId));
}

/** The latest event of all stored events, cases without `created` included; null when there is none. */
export function latestEventTs(events: readonly StoredJourneyEvent[]): Date | null {
  return events.reduce<Date | null>((latest, e) => (latest === null || e.ts > latest ? e.ts : latest), null);
}

/**
 * §4 chasers: inbound `contact` events after the case's first one and before it is resolved — before the first
 * event, in (ts, seq) order, that leaves the case in step `resolved` or `closed`.
 */
export function countChasers(caseEvents: readonly StoredJourneyEvent[]): number {
  const resolvedAt = caseEvents.findIndex((e) => e.step === 'resolved' || e.step === 'closed');
  const beforeResolution = resolvedAt < 0 ? caseEvents : caseEvents.slice(0, resolvedAt);
  const inbound = beforeResolution.filter((e) => e.event === 'contact' && e.direction === 'inbound');
  return Math.max(inbound.length - 1, 0);
}

function weekFields(ts: Date, timeZone: string): { week: string; weekStart: string } {
  const { week, start } = isoWeekOf(ts, timeZone);
  return { week, weekStart: start };
}
