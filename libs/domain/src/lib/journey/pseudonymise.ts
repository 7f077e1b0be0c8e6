import { createHmac } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Customer identifiers are stored only as HMAC-SHA256(secret, normalised id), so cases of the same customer can
 * be linked (repeat contacts) without the raw value ever being kept. Normalised = trimmed, inner whitespace
 * collapsed, lower-cased: exports disagree on case and spacing of the same e-mail or id.
 */
export function pseudonymise(secret: string, customerId: string | null | undefined): string | null {
  const normalised = (customerId ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  if (normalised === '') return null;
  return createHmac('sha256', secret).update(normalised).digest('hex');
}

/**
 * pseudonymise() for one import: an export repeats each customer on every row of every case, and an HMAC costs more
 * than parsing the row, so recent results are kept (bounded: memory stays flat whatever the file). The cache holds
 * raw ids only for the lifetime of the returned function, in memory, never logged.
 */
export function createPseudonymiser(secret: string, max = 50_000): (customerId: string | null | undefined) => string | null {
  const keys = new LRUCache<string, string>({ max });
  return (customerId) => {
    if (customerId === null || customerId === undefined) return null;
    let key = keys.get(customerId);
    if (key === undefined) {
      const computed = pseudonymise(secret, customerId);
      if (computed === null) return null;
      keys.set(customerId, (key = computed));
    }
    return key;
  };
}
