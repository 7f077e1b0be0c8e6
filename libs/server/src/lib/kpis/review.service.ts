import { Injectable } from '@nestjs/common';
import type { KpiFilters, ReviewQuery, WeeklyReview } from '@relais/contracts';
import { TargetsService } from '../targets/targets.service';
import { isoWeekStart, shiftWeek } from './iso-week';
import { KpiService } from './kpi.service';
import { buildReview, REVIEW_SERIES_WEEKS } from './review';

/** A review query the service refuses (the api answers 400 with the message). */
export class InvalidReviewQuery extends Error {
  override name = 'InvalidReviewQuery';
}

/** The dashboard's weekly review: targets held against KpiService.weekly's points (no query of its own). */
@Injectable()
export class ReviewService {
  constructor(
    private readonly kpis: KpiService,
    private readonly targets: TargetsService,
  ) {}

  async review(query: ReviewQuery): Promise<WeeklyReview> {
    const { week, ...filters } = query;
    const start = week === undefined ? undefined : isoWeekStart(week);
    if (start === null) throw new InvalidReviewQuery(`week must be an ISO week such as 2025-W02 (got "${week}")`);
    // A given week needs its 12 weeks only; without one, the latest week with cases decides.
    const asked =
      start === undefined ? filters : within(filters, shiftWeek(start, 1 - REVIEW_SERIES_WEEKS), shiftWeek(start, 1));
    const [{ weeks, repeatWindowDays }, targets] = await Promise.all([
      this.kpis.weeklyDetail(asked),
      this.targets.list(),
    ]);
    return buildReview(weeks, targets, start ?? weeks.at(-1)?.start ?? null, repeatWindowDays);
  }
}

/** The filters narrowed to the days [from, to): both are organisation-local dates, like the weeks' Mondays. */
function within(filters: KpiFilters, from: string, to: string): KpiFilters {
  return {
    ...filters,
    from: filters.from && filters.from > from ? filters.from : from,
    to: filters.to && filters.to < to ? filters.to : to,
  };
}
