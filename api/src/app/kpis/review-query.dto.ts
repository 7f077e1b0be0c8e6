import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ReviewQuery } from '@relais/contracts';
import { isoWeekStart } from '@relais/server';
import { IsOptional, ValidateBy } from 'class-validator';
import { KpiQueryDto } from './kpi-query.dto';

export class ReviewQueryDto extends KpiQueryDto implements ReviewQuery {
  @ApiPropertyOptional({ description: 'ISO week to review; default: the latest week with cases', example: '2025-W02' })
  @IsOptional()
  @ValidateBy({
    name: 'isIsoWeek',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isoWeekStart(value) !== null,
      defaultMessage: () => 'week must be an ISO week such as 2025-W02',
    },
  })
  week?: string;
}
