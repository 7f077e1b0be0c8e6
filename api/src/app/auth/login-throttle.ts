import { Injectable } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

/**
 * Failed logins allowed per client address and e-mail within the window; the next one blocks that pair for
 * `blockMs`. Successful logins are not counted: a team behind one address logs in as often as it likes.
 */
export const LOGIN_THROTTLE = { failures: 10, windowMs: 15 * 60_000, blockMs: 15 * 60_000 } as const;

export interface LoginAttempt {
  ip: string;
  email: string;
}

const THROTTLER_NAME = 'login';

/** The key only: neither the address nor the e-mail is kept in memory as written. */
const keyOf = ({ ip, email }: LoginAttempt) =>
  createHash('sha256').update(`${ip}\n${email.trim().toLowerCase()}`).digest('hex');

/** Brute-force brake on POST /api/auth/login, on @nestjs/throttler's in-memory storage (one api process). */
@Injectable()
export class LoginThrottle {
  constructor(private readonly storage: ThrottlerStorageService) {}

  /** Seconds before this address may try this e-mail again; 0 when it may now. */
  retryAfter(attempt: LoginAttempt): number {
    const record = this.storage.storage.get(keyOf(attempt));
    const left = record?.isBlocked ? record.blockExpiresAt - Date.now() : 0;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Counts a failed attempt; returns the seconds to wait when it crossed the limit, else 0. */
  async failed(attempt: LoginAttempt): Promise<number> {
    const { failures, windowMs, blockMs } = LOGIN_THROTTLE;
    const record = await this.storage.increment(keyOf(attempt), windowMs, failures, blockMs, THROTTLER_NAME);
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : 0;
  }
}
