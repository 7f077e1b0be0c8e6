import { ImportFileErrorCode } from '../import-file-error';
import {
  countByType,
  dataset,
  errorsOf,
  eventsOf,
  expectedEvent,
  fileError,
  okFixture,
  readAll,
} from '../json/json-adapters.testing';
import { jiraAdapter, parseJiraMapping } from './jira-adapter';

// Read in place, never copied (datasets/README.md): a Jira Cloud search?expand=changelog response.
const ACTIONABLE_AGILE = dataset('jira-cloud-changelog-actionableagile/jira-search-expand-changelog.json');

describe('parseJiraMapping', () => {
  it('accepts no mapping or a teamField', () => {
    expect(parseJiraMapping(undefined)).toEqual({ teamField: null });
    expect(parseJiraMapping({ teamField: ' customfield_10050 ' })).toEqual({ teamField: 'customfield_10050' });
  });

  it.each([
    [[], 'The jira mapping must be an object such as { "teamField": "Team" }.'],
    [{ team: 'Team' }, 'The jira mapping knows only teamField, not team.'],
    [{ teamField: '' }, 'teamField must be the name or id of a Jira field (e.g. "Team" or "customfield_10001").'],
  ])('refuses %j', (mapping, message) => {
    expect(() => parseJiraMapping(mapping)).toThrow(message);
  });
});

describe('jiraAdapter', () => {
  it('is a document adapter yielding events', () => {
    expect(jiraAdapter).toMatchObject({ name: 'jira', input: 'bytes', requiredColumns: [] });
    expect(jiraAdapter.yields ?? 'events').toBe('events');
  });

  it('replays each changelog in time order, with the configured team field (ok/jira-issues.json)', async () => {
    const all = await readAll(jiraAdapter, okFixture('jira-issues.json'), {
      mapping: { teamField: 'customfield_10050' },
    });
    const tier1 = { team: 'Tier 1', agent: 'agent-1' };
    const tier2 = { team: 'Tier 2', agent: 'agent-2' };
    // Written out by hand: histories sorted by `created` (ids 1, 2, 3, 4, 5); -0500 offsets read as such.
    expect(eventsOf(all)).toEqual([
      // Created in the first status item's fromString (Waiting for support → new), with the team and agent
      // the first team and assignee items started from.
      expectedEvent({
        caseId: 'SUP-1',
        ts: '2024-03-04T14:00:00Z',
        seq: 1,
        event: 'created',
        step: 'new',
        ...tier1,
        customerId: 'cust-555',
        category: 'Service Request',
      }),
      expectedEvent({ caseId: 'SUP-1', ts: '2024-03-04T14:00:00Z', seq: 2, event: 'assigned', step: 'new', ...tier1 }),
      expectedEvent({ caseId: 'SUP-1', ts: '2024-03-04T15:00:00Z', seq: 3, event: 'assigned', step: 'new', ...tier2 }),
      expectedEvent({
        caseId: 'SUP-1',
        ts: '2024-03-04T15:00:00Z',
        seq: 4,
        event: 'status_changed',
        step: 'in_progress',
        ...tier2,
      }),
      expectedEvent({
        caseId: 'SUP-1',
        ts: '2024-03-04T17:00:00Z',
        seq: 5,
        event: 'status_changed',
        step: 'resolved',
        ...tier2,
      }),
      expectedEvent({
        caseId: 'SUP-1',
        ts: '2024-03-05T14:00:00Z',
        seq: 6,
        event: 'reopened',
        step: 'in_progress',
        ...tier2,
      }),
      expectedEvent({
        caseId: 'SUP-1',
        ts: '2024-03-06T14:00:00Z',
        seq: 7,
        event: 'status_changed',
        step: 'closed',
        ...tier2,
      }),
      // No history: created in its current status; a Server reporter is its key.
      expectedEvent({
        caseId: 'SUP-2',
        ts: '2024-03-04T11:00:00Z',
        seq: 8,
        event: 'created',
        step: 'waiting_customer',
        customerId: 'JIRAUSER10100',
        category: 'Incident',
      }),
    ]);
    expect(errorsOf(all)).toEqual([
      {
        line: 3,
        field: 'changelog',
        message: 'the changelog holds 1 of 2 histories (paged): export the issue with its whole changelog',
      },
      {
        line: 4,
        field: 'fields.created',
        message: expect.stringMatching(/^fields\.created "4 March 2024" is not a recognised timestamp/),
      },
    ]);
  });

  it('without a team field, assignee changes are assignments to no team', async () => {
    const events = eventsOf(await readAll(jiraAdapter, okFixture('jira-issues.json')));
    expect(events.filter((e) => e.event === 'assigned').map((e) => [e.ts.toISOString(), e.team, e.agent])).toEqual([
      ['2024-03-04T15:00:00.000Z', null, 'agent-2'],
    ]);
  });

  it('reads a single issue document', async () => {
    const text = '{"key":"SUP-9","fields":{"created":"2024-03-04T09:00:00.000+0100","status":{"name":"To Do"}}}';
    expect(eventsOf(await readAll(jiraAdapter, { text })).map((e) => [e.caseId, e.ts.toISOString(), e.step])).toEqual([
      ['SUP-9', '2024-03-04T08:00:00.000Z', 'new'],
    ]);
  });

  it('fails a malformed document with MALFORMED_DOCUMENT', async () => {
    expect(await fileError(readAll(jiraAdapter, { text: '{"issues": [{"key": "A-1"} {"key": "A-2"}]}' }))).toEqual({
      code: ImportFileErrorCode.MALFORMED_DOCUMENT,
      message: "The file is not valid JSON: expected ',' between bytes 0 and 43 (uncompressed).",
    });
  });

  it('refuses a bad mapping before reading', async () => {
    expect(await fileError(readAll(jiraAdapter, { text: '{"issues": []}' }, { mapping: 'Team' }))).toEqual({
      code: ImportFileErrorCode.INVALID_MAPPING,
      message: 'The jira mapping must be an object such as { "teamField": "Team" }.',
    });
  });

  it('jira-search-expand-changelog.json: 25 issues, 64 status moves, no assignment', async () => {
    const all = await readAll(jiraAdapter, ACTIONABLE_AGILE);
    const events = eventsOf(all);
    // Python over issues[].changelog.histories[].items[]: 64 status items (25 Workflow and 4 resolution items
    // ignored), every issue starting from Backlog; to-statuses Analysis Active 14, Test 11, Done 17, Backlog 6,
    // Dev Active 7, Dev Done 4, Analysis Done 5. No move leaves Done, so no reopening.
    expect(countByType(events)).toEqual({ created: 25, status_changed: 64 });
    const steps: Record<string, number> = {};
    for (const e of events.filter((e) => e.event === 'status_changed'))
      steps[e.step ?? ''] = (steps[e.step ?? ''] ?? 0) + 1;
    expect(steps).toEqual({
      'Analysis Active': 14,
      Test: 11,
      resolved: 17,
      new: 6,
      'Dev Active': 7,
      'Dev Done': 4,
      'Analysis Done': 5,
    });
    expect(new Set(events.filter((e) => e.event === 'created').map((e) => e.step))).toEqual(new Set(['new']));
    expect(errorsOf(all)).toEqual([]);
  });
});
