import { redisOptions } from './redis-connection';

describe('redisOptions', () => {
  it.each([
    ['redis://127.0.0.1:6379', { host: '127.0.0.1', port: 6379, db: 0, password: undefined, tls: undefined }],
    ['redis://cache:6380/3', { host: 'cache', port: 6380, db: 3 }],
    ['redis://:p%40ss@cache/2', { host: 'cache', port: 6379, db: 2, password: 'p@ss' }],
    ['rediss://user:pw@cache:6390', { host: 'cache', port: 6390, username: 'user', password: 'pw', tls: {} }],
  ])('%s', (url, expected) => {
    expect(redisOptions(url)).toMatchObject({ ...expected, maxRetriesPerRequest: null });
  });
});
