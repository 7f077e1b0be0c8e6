import { HttpErrorResponse } from '@angular/common/http';

/**
 * The message of an API refusal, to show next to the form (Nest answers `{ message }`, a string or, from the
 * validation pipe, a list), else `fallback` (network down, server error without a message).
 */
export function apiMessage(error: unknown, fallback: string): string {
  if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) {
    const message = (error.error as { message?: unknown } | null)?.message;
    if (Array.isArray(message)) return message.join(' ');
    if (typeof message === 'string' && message) return message;
  }
  return fallback;
}
