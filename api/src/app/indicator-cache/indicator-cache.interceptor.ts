import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readDataVersion } from '@relais/server';
import type { Request } from 'express';
import { LRUCache } from 'lru-cache';
import { from, Observable, of, switchMap, tap } from 'rxjs';
import { DataSource } from 'typeorm';

interface CachedAnswer {
  version: string;
  body: unknown;
}

/** The same query with its parameters in any order is the same answer. */
export function cacheKey(path: string, query: Record<string, unknown>): string {
  const params = Object.keys(query)
    .sort()
    .map((name) => `${name}=${JSON.stringify(query[name])}`);
  return `${path}?${params.join('&')}`;
}

/**
 * Indicators change only when facts, settings or targets do (readDataVersion), while a dashboard asks the same
 * questions over and over (every user of the weekly review opens the same week). A GET answer is kept per query and
 * served again while the version it was computed under still holds: one small query instead of aggregating every
 * case. Guards and the role checks run before this; an answer that failed is never kept.
 */
@Injectable()
export class IndicatorCacheInterceptor implements NestInterceptor {
  private readonly answers = new LRUCache<string, CachedAnswer>({ max: 1000, ttl: 15 * 60_000 });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'GET') return next.handle();
    const key = cacheKey(request.path, request.query as Record<string, unknown>);
    return from(readDataVersion(this.db)).pipe(
      switchMap((version) => {
        const cached = this.answers.get(key);
        if (cached?.version === version) return of(cached.body);
        return next.handle().pipe(tap((body) => this.answers.set(key, { version, body })));
      }),
    );
  }
}
