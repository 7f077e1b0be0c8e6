import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { firstValueFrom, of } from 'rxjs';
import type { DataSource } from 'typeorm';
import { cacheKey, IndicatorCacheInterceptor } from './indicator-cache.interceptor';

/** readDataVersion's own behaviour is tested on PostgreSQL (libs/server data-version.spec.ts); here, the caching. */
function setUp() {
  let version = 'v1';
  const db = { query: async () => [{ version }] } as unknown as DataSource;
  const interceptor = new IndicatorCacheInterceptor(db);
  let computed = 0;
  const handler: CallHandler = { handle: () => of({ answer: ++computed }) };
  const context = (method: string, path: string, query: Record<string, unknown>) =>
    ({ switchToHttp: () => ({ getRequest: () => ({ method, path, query }) }) }) as unknown as ExecutionContext;
  const ask = (path: string, query: Record<string, unknown> = {}, method = 'GET') =>
    firstValueFrom(interceptor.intercept(context(method, path, query), handler));
  return { ask, setVersion: (v: string) => (version = v), computed: () => computed };
}

describe('IndicatorCacheInterceptor', () => {
  it('answers a repeated query from its cache while the data version holds', async () => {
    const { ask, computed } = setUp();
    expect(await ask('/api/kpis/summary', { team: 'N1', source: 'x' })).toEqual({ answer: 1 });
    expect(await ask('/api/kpis/summary', { source: 'x', team: 'N1' })).toEqual({ answer: 1 });
    expect(computed()).toBe(1);
  });

  it('computes again once the version moves, and keeps other queries apart', async () => {
    const { ask, setVersion, computed } = setUp();
    await ask('/api/kpis/summary');
    expect(await ask('/api/kpis/weekly')).toEqual({ answer: 2 });
    setVersion('v2');
    expect(await ask('/api/kpis/summary')).toEqual({ answer: 3 });
    expect(computed()).toBe(3);
  });

  it('never caches anything but GET', async () => {
    const { ask, computed } = setUp();
    await ask('/api/kpis/summary', {}, 'POST');
    await ask('/api/kpis/summary', {}, 'POST');
    expect(computed()).toBe(2);
  });

  it('keys a query by its path and sorted parameters', () => {
    expect(cacheKey('/api/cases', { page: '2', minTransfers: '1' })).toBe('/api/cases?minTransfers="1"&page="2"');
  });
});
