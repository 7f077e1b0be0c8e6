import { ApiProperty } from '@nestjs/swagger';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, type BreakdownQuery } from '@relais/contracts';
import { IsIn } from 'class-validator';
import { KpiQueryDto } from './kpi-query.dto';

export class BreakdownQueryDto extends KpiQueryDto implements BreakdownQuery {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS, description: 'Dimension of the case to group by', example: 'team' })
  @IsIn(BREAKDOWN_DIMENSIONS, { message: `by must be one of ${BREAKDOWN_DIMENSIONS.join(', ')}` })
  by!: BreakdownDimension;
}
