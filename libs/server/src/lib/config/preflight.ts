import Redis from 'ioredis';
import { Client } from 'pg';
import { POSTGRES_HINT, ServiceUnreachableError } from '../database/database-setup';
import { REDIS_HINT, redisOptions } from '../queue/redis-connection';
import { RelaisConfig } from './relais-config';

/** Fails fast with one clear message naming the unreachable service, its URL and how to start it. */
export async function preflight(config: RelaisConfig): Promise<void> {
  const pg = new Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    // A missing database is not an outage: the migrate step creates it.
    if ((error as { code?: string }).code === '3D000') return checkRedis(config);
    throw new ServiceUnreachableError('PostgreSQL', config.databaseUrl, POSTGRES_HINT, error);
  } finally {
    await pg.end().catch(() => undefined);
  }
  await checkRedis(config);
}

async function checkRedis(config: RelaisConfig): Promise<void> {
  const redis = new Redis({
    ...redisOptions(config.redisUrl),
    lazyConnect: true,
    connectTimeout: 5000,
    retryStrategy: () => null,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new ServiceUnreachableError('Redis', config.redisUrl, REDIS_HINT, error);
  } finally {
    redis.disconnect();
  }
}
