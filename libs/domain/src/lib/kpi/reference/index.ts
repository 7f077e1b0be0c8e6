/**
 * TypeScript reference of KPI-DEFINITIONS §2–§7 over an in-memory journey log: the numbers the SQL indicators
 * must equal (libs/server parity tests), computed the plain way, one rule per file.
 */
export {
  byTsSeq,
  caseKey,
  eventIdentity,
  eventsByCase,
  storeEvents,
  type ReferenceFilters,
  type ReferenceOptions,
  type StoredJourneyEvent,
} from './stored-event';
export { percentileCont, roundHours, roundRate, roundScore, roundTo } from './rounding';
export { isoWeekOf, matchesFilters, startOfLocalDay, type FilterableCase, type IsoWeek } from './periods';
export { caseStates, statesTeam, type CaseState, type StateAround } from './case-state';
export { teamHistory, wholeSeconds, type TeamHistory, type Transfer } from './team-history';
export { caseTransitions, stepDelays, type Transition } from './transitions';
export {
  MIN_SURVEY_RESPONSES,
  satisfactionByStepAndTeam,
  satisfactionCell,
  surveyAnswers,
  type SurveyAnswer,
} from './satisfaction';
export { handoffEdges } from './handoffs';
export { isProvisional, isRepeated, nextSameSubjectGaps, type SubjectCase } from './repeat-contact';
export {
  casesWithoutCreated,
  countChasers,
  latestEventTs,
  referenceCases,
  selectCases,
  type CaseOptions,
  type ReferenceCase,
} from './cases';
export { filteredCases, referenceHandoffs, referenceSummary, referenceWeekly, transferBucket } from './indicators';
export {
  formatJourneyEvents,
  JOURNEY_ANCHORS,
  JOURNEY_CATEGORIES,
  JOURNEY_CHANNELS,
  JOURNEY_SOURCES,
  JOURNEY_STEPS,
  JOURNEY_TEAMS,
  journeySetOf,
  journeySets,
  referenceFilterSets,
  type FastCheckModule,
  type JourneySet,
  type JourneySetOptions,
} from './journey-arbitrary';
