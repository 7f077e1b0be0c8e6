import { ArgumentsHost, BadRequestException, Catch, Controller, ExceptionFilter, Get, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WeeklyReview } from '@relais/contracts';
import { InvalidReviewQuery, ReviewService } from '@relais/server';
import { ReviewQueryDto } from './review-query.dto';
import { IndicatorCacheInterceptor } from '../indicator-cache/indicator-cache.interceptor';

/** The service's own check of the week (it may be reached by other doors) answers 400 like the DTO's. */
@Catch(InvalidReviewQuery)
export class InvalidReviewQueryFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: InvalidReviewQuery, host: ArgumentsHost): void {
    super.catch(new BadRequestException(error.message), host);
  }
}

@ApiTags('indicators')
@ApiBearerAuth()
@UseFilters(InvalidReviewQueryFilter)
@UseInterceptors(IndicatorCacheInterceptor)
@Controller('kpis')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get('review')
  @ApiOperation({
    summary: 'Weekly review: each targeted indicator of an ISO week against its target, with trend and sparkline',
    description:
      'Per indicator: value, target, alert level, direction, status (lower is better: ok ≤ target, alert ≥ alert ' +
      'level, warning between; mirrored when higher is better), the week before and the mean of the 4 weeks ' +
      'before with the change against each, the provisional flag, cases (answers for satisfaction) and 12 weeks ' +
      'of values. Built from the weekly indicators of the same filters.',
  })
  get(@Query() query: ReviewQueryDto): Promise<WeeklyReview> {
    return this.review.review(query);
  }
}
