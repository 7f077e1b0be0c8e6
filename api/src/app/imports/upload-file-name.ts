/** Longest name kept for the report; a longer one is cut before its extension. */
export const MAX_FILE_NAME_LENGTH = 200;

/** Control characters (NUL included) and the bidirectional marks that make `…vsc.exe` show as `…exe.csv`. */
function invisible(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * The name an upload is reported under: the client's base name only (after the last `/` or `\`), invisible
 * characters dropped, at most MAX_FILE_NAME_LENGTH characters. Display only: the file itself is stored under a
 * generated name inside the data directory, never under a name the client chose.
 */
export function uploadFileName(original: string): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => !invisible(char))
    .join('')
    .trim();
  if (clean === '' || /^\.+$/.test(clean)) return 'upload';
  const chars = [...clean];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return clean;
  const extension = /(\.[A-Za-z0-9]{1,8}){1,2}$/.exec(clean)?.[0] ?? '';
  return chars.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('') + extension;
}
