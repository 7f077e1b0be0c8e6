import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { CASES_PAGE_SIZE_DEFAULT, CASES_PAGE_SIZE_MAX, type CaseListQuery } from '@relais/contracts';
import { Transform, Type } from 'class-transformer';
import { isoWeekStart } from '@relais/server';
import { IsBoolean, IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { KpiQueryDto } from '../kpis/kpi-query.dto';

/** Two steps (or teams) joined by ">", each with something besides spaces; names themselves may hold spaces. */
const TRANSITION = /^[^>]*[^>\s][^>]*>[^>]*[^>\s][^>]*$/;

export class CaseQueryDto extends KpiQueryDto implements CaseListQuery {
  @ApiPropertyOptional({ description: 'Only cases with at least this many transfers', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minTransfers must be a whole number' })
  @Min(0, { message: 'minTransfers must be 0 or more' })
  @Max(1_000_000)
  minTransfers?: number;

  @ApiPropertyOptional({
    description: 'true: only cases with a repeat contact within repeatWindowDays; false: without',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'repeated must be true or false' })
  repeated?: boolean;

  @ApiPropertyOptional({
    description: 'Only cases that went through this step transition: from>to',
    example: 'triage>in_progress',
  })
  @IsOptional()
  @MaxLength(400)
  @Matches(TRANSITION, { message: 'transition must be two steps joined by ">", e.g. triage>in_progress' })
  transition?: string;

  @ApiPropertyOptional({
    description: 'Only cases with at least one transfer from one team to another (KPI-DEFINITIONS §3): from>to',
    example: 'N1>N2',
  })
  @IsOptional()
  @MaxLength(400)
  @Matches(TRANSITION, { message: 'handoff must be two teams joined by ">", e.g. N1>N2' })
  handoff?: string;

  @ApiPropertyOptional({
    description: 'Only cases created in this ISO week (organisation time zone)',
    example: '2025-W02',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isIsoWeek',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isoWeekStart(value) !== null,
      defaultMessage: () => 'week must be an ISO week such as 2025-W02',
    },
  })
  week?: string;

  @ApiPropertyOptional({ description: 'Page number, from 1', default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  @Max(1_000_000, { message: 'page must be 1000000 at most' })
  page?: number;

  @ApiPropertyOptional({
    description: 'Cases per page',
    default: CASES_PAGE_SIZE_DEFAULT,
    minimum: 1,
    maximum: CASES_PAGE_SIZE_MAX,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: `pageSize must be from 1 to ${CASES_PAGE_SIZE_MAX}` })
  @Max(CASES_PAGE_SIZE_MAX, { message: `pageSize must be from 1 to ${CASES_PAGE_SIZE_MAX}` })
  pageSize?: number;
}

/** The detail judges `repeated` with the same window as the list. */
export class CaseDetailQueryDto extends PickType(KpiQueryDto, ['repeatWindowDays'] as const) {}
