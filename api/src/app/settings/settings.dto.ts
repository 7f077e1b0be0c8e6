import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REPEAT_WINDOW_DAYS,
  type RepeatWindowDays,
  type TargetDirection,
  type UpdateSettingsRequest,
  type UpdateStepMappingRequest,
  type UpdateTargetRequest,
} from '@relais/contracts';
import { IsIn, IsNumber, IsObject, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class UpdateSettingsDto implements UpdateSettingsRequest {
  @ApiPropertyOptional({
    description: 'IANA time zone; every case moves to its ISO week in that zone',
    example: 'Europe/Paris',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ enum: REPEAT_WINDOW_DAYS, description: 'Default repeat-contact window in days' })
  @IsOptional()
  @IsIn(REPEAT_WINDOW_DAYS, { message: `repeatWindowDays must be one of ${REPEAT_WINDOW_DAYS.join(', ')}` })
  repeatWindowDays?: RepeatWindowDays;
}

const NUMBER = { allowNaN: false, allowInfinity: false } as const;

export class UpdateTargetDto implements UpdateTargetRequest {
  @ApiProperty({ example: 0.5, description: 'Value to reach (shares from 0 to 1)' })
  @IsNumber(NUMBER)
  @Min(0)
  target!: number;

  @ApiProperty({ example: 1, description: 'Alerting value, on the bad side of the target' })
  @IsNumber(NUMBER)
  @Min(0)
  alertLevel!: number;

  @ApiPropertyOptional({ enum: ['lower', 'higher'], description: 'Which way is better; default: unchanged' })
  @IsOptional()
  @IsIn(['lower', 'higher'])
  direction?: TargetDirection;
}

export class UpdateStepMappingDto implements UpdateStepMappingRequest {
  @ApiProperty({
    description: 'raw status → step; raw values not listed are imported as they are',
    example: { 'En cours': 'in_progress', Résolu: 'resolved' },
    additionalProperties: { type: 'string' },
  })
  @IsObject()
  mappings!: Record<string, string>;
}

/** Same spelling as an import's source. */
export class SourceParamDto {
  @ApiProperty({ example: 'servicenow' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'source may hold letters, digits, ".", "_" and "-" (64 at most)' })
  source!: string;
}
