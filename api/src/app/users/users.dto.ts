import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROLES,
  USER_PASSWORD_MIN_LENGTH,
  type CreateUserRequest,
  type Role,
  type UpdateUserRequest,
} from '@relais/contracts';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const PASSWORD_MESSAGE = `password must hold at least ${USER_PASSWORD_MIN_LENGTH} characters`;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'manager@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: USER_PASSWORD_MIN_LENGTH, maxLength: 200 })
  @IsString()
  @MinLength(USER_PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGE })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES, description: 'Shows in the next token the user gets (next login)' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ minLength: USER_PASSWORD_MIN_LENGTH, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(USER_PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGE })
  @MaxLength(200)
  password?: string;
}
