import {
  EVENTLOG_MAPPING_OPTIONAL,
  EVENTLOG_MAPPING_REQUIRED,
  type EventLogMappingColumn,
} from '@relais/contracts';

/** Mapping fields in form order, from the contract: required first. */
export const MAPPING_FIELDS: readonly EventLogMappingColumn[] = [...EVENTLOG_MAPPING_REQUIRED, ...EVENTLOG_MAPPING_OPTIONAL];

export const isRequiredField = (field: EventLogMappingColumn) =>
  (EVENTLOG_MAPPING_REQUIRED as readonly string[]).includes(field);

/** What the user picked: a column name per field ('' = not mapped) and the optional timestamp format. */
export interface MappingSelection {
  columns: Partial<Record<EventLogMappingColumn, string>>;
  timestampFormat: string;
}

export const emptySelection = (): MappingSelection => ({ columns: {}, timestampFormat: '' });

/** Header names (lower case, spaces/_/- removed) that usually hold a field, from Disco, Celonis and PM4Py exports. */
const USUAL_NAMES: Record<EventLogMappingColumn, readonly string[]> = {
  caseId: ['caseid', 'case', 'caseconceptname', 'ticket', 'ticketid', 'incident', 'number'],
  timestamp: ['timestamp', 'completetimestamp', 'timetimestamp', 'time', 'ts', 'date', 'eventtime'],
  step: ['activity', 'conceptname', 'step', 'status', 'state'],
  team: ['team', 'group', 'resource', 'orgresource', 'assignmentgroup', 'queue'],
  agent: ['agent', 'user', 'assignee', 'assignedto', 'owner'],
  customer: ['customer', 'customerid', 'client', 'caller', 'requester'],
  channel: ['channel', 'origin', 'contacttype', 'source'],
  category: ['category', 'type'],
  csat: ['csat', 'satisfaction', 'rating', 'score'],
  csatScale: ['csatscale', 'scale'],
};

const squash = (name: string) => name.toLowerCase().replace(/[\s_\-:.]+/g, '');

/**
 * A first guess from the header, so a usual export needs no clicks: each field takes the first column whose name
 * is one of its usual names, and a column is used by one field at most. The user reviews it before uploading.
 */
export function guessSelection(columns: readonly string[]): MappingSelection {
  const taken = new Set<string>();
  const selection = emptySelection();
  for (const field of MAPPING_FIELDS) {
    const column = USUAL_NAMES[field]
      .map((usual) => columns.find((name) => !taken.has(name) && squash(name) === usual))
      .find((name) => name !== undefined);
    if (column !== undefined) {
      selection.columns[field] = column;
      taken.add(column);
    }
  }
  return selection;
}

/** Required fields still without a column. */
export function missingRequired(selection: MappingSelection): EventLogMappingColumn[] {
  return EVENTLOG_MAPPING_REQUIRED.filter((field) => !selection.columns[field]?.trim());
}

/** The `mapping` field of POST /api/imports: mapped fields only, names as picked, the format when given. */
export function mappingJson(selection: MappingSelection): string {
  const mapping: Record<string, string> = {};
  for (const field of MAPPING_FIELDS) {
    const column = selection.columns[field]?.trim();
    if (column) mapping[field] = column;
  }
  const format = selection.timestampFormat.trim();
  if (format) mapping['timestampFormat'] = format;
  return JSON.stringify(mapping);
}
