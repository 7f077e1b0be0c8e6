import { ImportFileError, ImportFileErrorCode } from '../import-file-error';

/** Keys of the optional `mapping` JSON of an xes import, each naming an XES attribute key (event or trace level). */
export const XES_MAPPING_KEYS = ['team', 'agent', 'customer', 'channel', 'category'] as const;
export type XesMappingKey = (typeof XES_MAPPING_KEYS)[number];

/** Attribute key per field; null = not read. */
export type XesMapping = Record<XesMappingKey, string | null>;

/** The XES standard extensions' keys (Organizational: org:group, org:resource); no standard key for the others. */
export const XES_DEFAULT_MAPPING: XesMapping = {
  team: 'org:group',
  agent: 'org:resource',
  customer: null,
  channel: null,
  category: null,
};

const invalid = (message: string) => new ImportFileError(ImportFileErrorCode.INVALID_MAPPING, message);
const isKnownKey = (key: string): key is XesMappingKey => XES_MAPPING_KEYS.some((known) => known === key);

/**
 * Checks the optional `mapping` of an xes import and merges it over XES_DEFAULT_MAPPING: a key absent keeps its
 * default, null stops reading that field (e.g. `agent: null`), a string names another attribute key (the Italian
 * help-desk log has no org:group: `{ "team": "org:resource" }`). Throws INVALID_MAPPING naming the bad key.
 */
export function parseXesMapping(mapping: unknown): XesMapping {
  if (mapping === undefined || mapping === null) return { ...XES_DEFAULT_MAPPING };
  if (typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw invalid('The mapping must be a JSON object naming XES attribute keys, e.g. {"team": "org:resource"}.');
  }
  const entries = Object.entries(mapping);
  const unknown = entries.map(([key]) => key).filter((key) => !isKnownKey(key));
  if (unknown.length > 0) {
    throw invalid(
      `Unknown mapping key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}; ` +
        `known keys: ${XES_MAPPING_KEYS.join(', ')}.`,
    );
  }
  const parsed: XesMapping = { ...XES_DEFAULT_MAPPING };
  for (const [key, value] of entries) {
    if (!isKnownKey(key)) continue;
    if (value === null) parsed[key] = null;
    else if (typeof value === 'string' && value.trim() !== '') parsed[key] = value.trim();
    else throw invalid(`mapping.${key} must be an XES attribute key (a non-empty string) or null.`);
  }
  return parsed;
}
