import { ApiPropertyOptional } from '@nestjs/swagger';
import { REPEAT_WINDOW_DAYS, type KpiFilters } from '@relais/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const REPEAT_WINDOWS: readonly number[] = REPEAT_WINDOW_DAYS;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class KpiQueryDto implements KpiFilters {
  @ApiPropertyOptional({
    description: 'First day (YYYY-MM-DD, organisation time zone), included',
    example: '2025-01-06',
  })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a valid calendar date' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (YYYY-MM-DD), excluded', example: '2025-04-07' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a valid calendar date' })
  to?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) source?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) team?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) channel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) category?: string;

  @ApiPropertyOptional({
    enum: REPEAT_WINDOWS,
    description: 'Repeat-contact window in days (default: the organisation setting, 7 at first)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsIn(REPEAT_WINDOWS, { message: `repeatWindowDays must be one of ${REPEAT_WINDOWS.join(', ')}` })
  repeatWindowDays?: number;
}
