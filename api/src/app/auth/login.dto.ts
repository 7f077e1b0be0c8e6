import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@relais/contracts';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'analyst@relais.local' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'relais-demo' })
  @IsString()
  @MaxLength(200)
  password!: string;
}
