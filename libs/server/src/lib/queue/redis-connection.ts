import type { RedisOptions } from 'ioredis';

/** REDIS_URL → ioredis options; the `/N` database index is honoured (API-CONTRACT). */
export function redisOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: db ? Number(db) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; it requires this to be null.
    maxRetriesPerRequest: null,
  };
}

export const REDIS_HINT =
  'Start it (e.g. `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`) or set REDIS_URL.';
