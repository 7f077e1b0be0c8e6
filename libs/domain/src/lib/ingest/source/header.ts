import { ImportFileError, ImportFileErrorCode } from '../import-file-error';

/**
 * Column names as adapters see them: trimmed, an empty name becomes `column_<position>`, and a repeated name gets
 * `_2`, `_3`… in file order (the Italian help-desk log has `Variant` twice). A suffix never reuses a name that
 * the file already has (`a,a,a_2` → `a, a_3, a_2`), so every name stays unique and keyed records lose nothing.
 */
export function normaliseHeader(names: readonly string[]): string[] {
  const trimmed = names.map((name, i) => name.trim() || `column_${i + 1}`);
  const taken = new Set(trimmed);
  const used = new Set<string>();
  return trimmed.map((name) => {
    let unique = name;
    for (let k = 2; used.has(unique) || (unique !== name && taken.has(unique)); k++) unique = `${name}_${k}`;
    used.add(unique);
    return unique;
  });
}

/**
 * A fixed-column format's header check, before any row is read: every required column present (MISSING_COLUMNS,
 * listing expected and found), no known column twice (DUPLICATE_COLUMNS: which copy holds the value is ambiguous).
 * `optionalLabel` says how the format treats the other known columns, e.g. "optional" or "read when present".
 */
export function checkKnownColumns(
  originalHeader: readonly string[],
  required: readonly string[],
  optional: readonly string[],
  optionalLabel: string,
): void {
  const expected = `Expected: ${required.join(', ')} (${optionalLabel}: ${optional.join(', ')}).`;
  const found = `Found: ${originalHeader.join(', ')}.`;
  const missing = required.filter((column) => !originalHeader.includes(column));
  if (missing.length > 0) {
    throw new ImportFileError(
      ImportFileErrorCode.MISSING_COLUMNS,
      `Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. ${expected} ${found}`,
    );
  }
  const repeated = [...required, ...optional].filter(
    (column) => originalHeader.filter((name) => name === column).length > 1,
  );
  if (repeated.length > 0) {
    throw new ImportFileError(
      ImportFileErrorCode.DUPLICATE_COLUMNS,
      `Column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')} appear${repeated.length > 1 ? '' : 's'} more than once: which one holds the value is ambiguous. ${found}`,
    );
  }
}
