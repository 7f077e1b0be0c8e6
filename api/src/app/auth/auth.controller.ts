import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse } from '@relais/contracts';
import { UsersService } from '@relais/server';
import { LoginDto } from './login.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a bearer token' })
  async login(@Body() body: LoginDto): Promise<LoginResponse> {
    const user = await this.users.authenticate(body.email, body.password);
    if (!user) throw new UnauthorizedException('Wrong e-mail or password');
    return { accessToken: await this.jwt.signAsync({ sub: user.id, email: user.email, role: user.role }) };
  }
}
