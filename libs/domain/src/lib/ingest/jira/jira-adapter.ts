import type { DocumentImportAdapter } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import type { JsonElement } from '../json/json-elements';
import {
  ElementError,
  isRecord,
  journeyEvent,
  recordAt,
  requireRecord,
  requiredTimestamp,
  stepChangeEvent,
  text,
  type JsonRecord,
} from '../json/json-values';
import { readJsonDocument, type PendingEvent } from '../json/read-json-document';

/**
 * Jira workflows name their statuses freely: the usual names of Jira Software and Service Management map onto
 * the canonical steps (case-insensitive); any other name is kept as it is for the source's step mapping.
 */
export const JIRA_STEPS: Readonly<Record<string, string>> = {
  open: 'new',
  new: 'new',
  'to do': 'new',
  backlog: 'new',
  'waiting for support': 'new',
  triage: 'triage',
  'in progress': 'in_progress',
  'work in progress': 'in_progress',
  escalated: 'in_progress',
  'waiting for customer': 'waiting_customer',
  pending: 'waiting_third_party',
  'waiting for third party': 'waiting_third_party',
  'on hold': 'waiting_third_party',
  resolved: 'resolved',
  done: 'resolved',
  completed: 'resolved',
  canceled: 'resolved',
  cancelled: 'resolved',
  declined: 'resolved',
  "won't do": 'resolved',
  closed: 'closed',
  reopened: 'reopened',
};

/** Changelog fields read as the team holding the issue, besides the one the mapping names. */
const TEAM_FIELDS = ['team', 'assignment group'];

/** The jira format's `mapping` option: `{ "teamField": "<field name or id>" }`, optional. */
export interface JiraMapping {
  teamField: string | null;
}

export function parseJiraMapping(mapping: unknown): JiraMapping {
  if (mapping === undefined || mapping === null) return { teamField: null };
  const invalid = (message: string) => new ImportFileError(ImportFileErrorCode.INVALID_MAPPING, message);
  if (!isRecord(mapping)) throw invalid('The jira mapping must be an object such as { "teamField": "Team" }.');
  const unknown = Object.keys(mapping).filter((key) => key !== 'teamField');
  if (unknown.length > 0) throw invalid(`The jira mapping knows only teamField, not ${unknown.join(', ')}.`);
  const teamField = mapping['teamField'];
  if (teamField !== undefined && (typeof teamField !== 'string' || teamField.trim() === '')) {
    throw invalid('teamField must be the name or id of a Jira field (e.g. "Team" or "customfield_10001").');
  }
  return { teamField: typeof teamField === 'string' ? teamField.trim() : null };
}

const jiraStep = (status: string) => JIRA_STEPS[status.toLowerCase()] ?? status;

/** A user as an id: Cloud's accountId, else Server's key or name. Display names and e-mails are never used. */
const userId = (user: unknown) =>
  isRecord(user) ? (text(user['accountId']) ?? text(user['key']) ?? text(user['name'])) : null;

/** A team field's current value: a label, or an option / team object with a name. */
const teamValue = (value: unknown) =>
  text(value) ??
  (isRecord(value) ? (text(value['name']) ?? text(value['value']) ?? text(value['title']) ?? text(value['id'])) : null);

interface Change {
  field: 'status' | 'assignee' | 'team';
  item: JsonRecord;
}

interface History {
  ts: Date;
  changes: Change[];
}

function readHistories(issue: JsonRecord, mapping: JiraMapping, timeZone: string): History[] {
  const changelog = recordAt(issue, 'changelog');
  const list = Array.isArray(changelog['histories']) ? (changelog['histories'] as unknown[]) : [];
  const total = Number(text(changelog['total']) ?? list.length);
  if (total > list.length) {
    throw new ElementError(
      'changelog',
      `the changelog holds ${list.length} of ${total} histories (paged): export the issue with its whole changelog`,
    );
  }
  const isTeam = (item: JsonRecord) => {
    const field = text(item['field'])?.toLowerCase() ?? '';
    const configured = mapping.teamField?.toLowerCase();
    return (
      TEAM_FIELDS.includes(field) ||
      (configured !== undefined && [field, text(item['fieldId'])?.toLowerCase()].includes(configured))
    );
  };
  const histories = list.filter(isRecord).map((history, i): History => {
    const ts = requiredTimestamp(history, 'created', timeZone, `changelog.histories[${i}].created`);
    const items = Array.isArray(history['items']) ? (history['items'] as unknown[]).filter(isRecord) : [];
    const changes = items.flatMap((item): Change[] => {
      const field = text(item['field'])?.toLowerCase();
      if (field === 'status' || field === 'assignee') return [{ field, item }];
      return isTeam(item) ? [{ field: 'team', item }] : []; // Workflow, resolution, priority…: no journey step
    });
    return { ts, changes };
  });
  return histories.sort((a, b) => a.ts.getTime() - b.ts.getTime()); // stable: equal times keep document order
}

/**
 * An issue with its changelog is the whole case: `created` at fields.created in the status the changelog
 * starts from (the first status item's fromString, else the current status), then each history in time order:
 * team and assignee items become one `assigned` event, status items `status_changed` (or `reopened`).
 */
function issueEvents(issue: JsonRecord, mapping: JiraMapping, timeZone: string): PendingEvent[] {
  const caseId = text(issue['key']) ?? text(issue['id']);
  if (caseId === null) throw new ElementError('key', 'key (the issue key) is missing');
  const fields = recordAt(issue, 'fields');
  const created = requiredTimestamp(fields, 'created', timeZone, 'fields.created');
  const histories = readHistories(issue, mapping, timeZone);
  const first = (field: Change['field']) =>
    histories.flatMap((history) => history.changes).find((change) => change.field === field)?.item;

  const firstStatus = first('status');
  const initialStatus = firstStatus ? text(firstStatus['fromString']) : text(recordAt(fields, 'status')['name']);
  if (initialStatus === null) throw new ElementError('fields.status', 'fields.status has no name');
  const firstAssignee = first('assignee');
  const firstTeam = first('team');
  const configured = mapping.teamField === null ? undefined : fields[mapping.teamField];
  const state = {
    step: jiraStep(initialStatus),
    team: firstTeam ? (text(firstTeam['fromString']) ?? text(firstTeam['from'])) : teamValue(configured),
    agent: firstAssignee ? text(firstAssignee['from']) : userId(fields['assignee']),
  };

  const events: PendingEvent[] = [
    journeyEvent({
      caseId,
      ts: created,
      event: 'created',
      ...state,
      customerId: userId(fields['reporter']),
      category: text(recordAt(fields, 'issuetype')['name']),
    }),
  ];
  if (state.team !== null) events.push(journeyEvent({ caseId, ts: created, event: 'assigned', ...state }));
  for (const { ts, changes } of histories) {
    const holders = changes.filter((change) => change.field !== 'status');
    for (const { field, item } of holders) {
      if (field === 'team') state.team = text(item['toString']) ?? text(item['to']);
      else state.agent = text(item['to']);
    }
    if (holders.length > 0) events.push(journeyEvent({ caseId, ts, event: 'assigned', ...state }));
    for (const { item } of changes.filter((change) => change.field === 'status')) {
      const next = text(item['toString']);
      if (next === null) continue;
      const event = stepChangeEvent(state.step, jiraStep(next));
      state.step = jiraStep(next);
      events.push(journeyEvent({ caseId, ts, event, ...state }));
    }
  }
  return events;
}

function jiraEvents({ collection, index, value }: JsonElement, mapping: JiraMapping, timeZone: string) {
  return issueEvents(requireRecord(value, collection, index), mapping, timeZone);
}

/**
 * Jira (Software, Service Management) `search?expand=changelog` responses, or one issue with its changelog.
 * See README.md for the status mapping, the team field and what is ignored.
 */
export const jiraAdapter: DocumentImportAdapter = {
  name: 'jira',
  description: 'Jira search?expand=changelog JSON: status, assignee and team changes of each issue.',
  requiredColumns: [],
  input: 'bytes',
  read(source, { timeZone, mapping }) {
    let parsed: JiraMapping;
    try {
      parsed = parseJiraMapping(mapping);
    } catch (error) {
      void source.close().catch(() => undefined); // no element will be read: release the file now
      throw error;
    }
    const shapes = { collections: ['issues'], rootObject: true, expected: 'issues array or issue' };
    return readJsonDocument(source, timeZone, shapes, (element) => jiraEvents(element, parsed, timeZone));
  },
};
