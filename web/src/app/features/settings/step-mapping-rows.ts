import { MessageKey } from '../../core/i18n/messages.fr';

/** One line of a source's mapping as edited: a raw status and the step it becomes. */
export interface MappingRow {
  raw: string;
  step: string;
}

export const rowsOf = (mappings: Record<string, string>): MappingRow[] =>
  Object.entries(mappings)
    .map(([raw, step]) => ({ raw, step }))
    .sort((a, b) => a.raw.localeCompare(b.raw));

/** Same spelling as an import's source (CreateImportDto, SourceParamDto). */
export const SOURCE_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The PUT body of the edited rows, or the first problem: a row with one side only, or a raw status given twice
 * (values are trimmed; completely empty rows are ignored, so a spare line at the end does no harm).
 */
export function mappingsOf(rows: readonly MappingRow[]): { mappings: Record<string, string> } | { problem: MessageKey } {
  const mappings: Record<string, string> = {};
  for (const row of rows) {
    const raw = row.raw.trim();
    const step = row.step.trim();
    if (!raw && !step) continue;
    if (!raw || !step) return { problem: 'settings.mappings.incompleteRow' };
    if (Object.hasOwn(mappings, raw)) return { problem: 'settings.mappings.duplicateRaw' };
    mappings[raw] = step;
  }
  return { mappings };
}
