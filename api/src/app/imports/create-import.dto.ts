import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateImportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The export (.gz accepted)' })
  file?: unknown;

  @ApiProperty({ example: 'canonical' })
  @IsString()
  format!: string;

  @ApiPropertyOptional({ description: 'Import source id; default: the format name' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'source may hold letters, digits, ".", "_" and "-" (64 at most)' })
  source?: string;

  @ApiPropertyOptional({ description: 'IANA time zone of timestamps without offset', example: 'Europe/Paris' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({ description: 'JSON column mapping (format=eventlog)' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  mapping?: string;
}
