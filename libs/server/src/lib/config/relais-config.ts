import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isTimeZone } from '@relais/domain';
import { z } from 'zod';

/** Typed configuration (API-CONTRACT "Configuration"); nothing else in the code reads process.env. */
export interface RelaisConfig {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  secret: string;
  timeZone: string;
  demo: boolean;
  admin: { email: string; password: string } | null;
  /** Prefix of every BullMQ key: lets test runs share one Redis without seeing each other's jobs. */
  queuePrefix: string;
  /** Where uploaded and generated export files wait for their import job. */
  dataDir: string;
  /** Largest accepted upload, in bytes. */
  uploadLimitBytes: number;
  /** Share of rejected rows above which an import fails as a whole (0.01 = 1 %). */
  rejectThreshold: number;
  /** A gzip export stops with TOO_LARGE once it has inflated past this many bytes (a gzip bomb). */
  maxInflatedBytes: number;
  /** Origins (scheme://host[:port]) another site may call the API from; empty: CORS closed. */
  corsOrigins: string[];
  /**
   * BullMQ lock duration of an import job, also the interval of the stalled-job check: how long a job whose
   * worker died waits before another worker runs it again (and the reconciler's period).
   */
  jobLockMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

const urlWithProtocol = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const schema = z.object({
  DATABASE_URL: urlWithProtocol(['postgres:', 'postgresql:']).default('postgres://root@127.0.0.1:5432/relais'),
  REDIS_URL: urlWithProtocol(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1)
    .max(65535)
    .default(3000),
  RELAIS_SECRET: z.string().min(16, 'must hold at least 16 characters').optional(),
  RELAIS_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .default('Europe/Paris'),
  RELAIS_DEMO: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  RELAIS_ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
  RELAIS_ADMIN_PASSWORD: z.string().min(8, 'must hold at least 8 characters').optional(),
  RELAIS_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'may hold letters, digits, - and _ only')
    .default('relais'),
  RELAIS_DATA_DIR: z.string().default('var'),
  RELAIS_UPLOAD_LIMIT_MB: z.coerce
    .number({ error: 'must be a number of megabytes' })
    .int('must be a whole number of megabytes')
    .min(1)
    .default(4096),
  RELAIS_IMPORT_REJECT_THRESHOLD: z.coerce
    .number({ error: 'must be a share between 0 and 1' })
    .min(0, 'must be a share between 0 and 1')
    .max(1, 'must be a share between 0 and 1')
    .default(0.01),
  RELAIS_IMPORT_MAX_INFLATED_MB: z.coerce
    .number({ error: 'must be a number of megabytes' })
    .int('must be a whole number of megabytes')
    .min(1)
    .default(20480),
  RELAIS_CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((origin) => origin.trim()))
    .refine(
      (origins) => origins.every((origin) => /^https?:\/\/[^/\s*]+$/.test(origin)),
      'must be a comma-separated list of origins such as https://dashboard.example.org (no path, no wildcard)',
    )
    .default([]),
  RELAIS_JOB_LOCK_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(1000, 'must be at least 1000 milliseconds')
    .default(30_000),
});

type Env = Record<string, string | undefined>;

/** Reads and validates the environment once; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): RelaisConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const v = parsed.data;
  if (Boolean(v.RELAIS_ADMIN_EMAIL) !== Boolean(v.RELAIS_ADMIN_PASSWORD)) {
    const missing = v.RELAIS_ADMIN_EMAIL ? 'RELAIS_ADMIN_PASSWORD' : 'RELAIS_ADMIN_EMAIL';
    throw new ConfigError(missing, 'must be set together with the other admin variable');
  }
  const dataDir = resolve(cwd, v.RELAIS_DATA_DIR);
  return {
    databaseUrl: v.DATABASE_URL,
    redisUrl: v.REDIS_URL,
    port: v.PORT,
    secret: v.RELAIS_SECRET ?? localSecret(resolve(cwd, '.relais-secret')),
    timeZone: v.RELAIS_TIMEZONE,
    demo: v.RELAIS_DEMO === 'true',
    admin:
      v.RELAIS_ADMIN_EMAIL && v.RELAIS_ADMIN_PASSWORD
        ? { email: v.RELAIS_ADMIN_EMAIL, password: v.RELAIS_ADMIN_PASSWORD }
        : null,
    queuePrefix: v.RELAIS_QUEUE_PREFIX,
    dataDir,
    uploadLimitBytes: v.RELAIS_UPLOAD_LIMIT_MB * 1024 * 1024,
    rejectThreshold: v.RELAIS_IMPORT_REJECT_THRESHOLD,
    maxInflatedBytes: v.RELAIS_IMPORT_MAX_INFLATED_MB * 1024 * 1024,
    corsOrigins: v.RELAIS_CORS_ORIGINS,
    jobLockMs: v.RELAIS_JOB_LOCK_MS,
  };
}

/** Generated once and kept: pseudonyms and tokens must survive restarts, and api and workers must agree. */
function localSecret(file: string): string {
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
