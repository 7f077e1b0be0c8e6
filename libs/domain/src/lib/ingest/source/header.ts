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
