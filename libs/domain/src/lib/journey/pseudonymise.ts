import { createHmac } from 'node:crypto';

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
