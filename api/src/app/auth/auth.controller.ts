import { Body, Controller, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerException } from '@nestjs/throttler';
import type { LoginResponse } from '@relais/contracts';
import { UsersService } from '@relais/server';
import type { Request, Response } from 'express';
import { LOGIN_THROTTLE, LoginThrottle } from './login-throttle';
import { LoginDto } from './login.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a bearer token' })
  @ApiTooManyRequestsResponse({
    description: `After ${LOGIN_THROTTLE.failures} failed attempts for one e-mail from one address within ${LOGIN_THROTTLE.windowMs / 60_000} minutes; Retry-After says when to try again`,
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const attempt = { ip: request.ip ?? request.socket.remoteAddress ?? '', email: body.email };
    const blocked = this.throttle.retryAfter(attempt);
    if (blocked) throw tooManyAttempts(response, blocked);
    const user = await this.users.authenticate(body.email, body.password);
    if (!user) {
      const wait = await this.throttle.failed(attempt);
      throw wait ? tooManyAttempts(response, wait) : new UnauthorizedException('Wrong e-mail or password');
    }
    return { accessToken: await this.jwt.signAsync({ sub: user.id, email: user.email, role: user.role }) };
  }
}

/** 429 with Retry-After: while blocked, even the right password is refused (it would confirm a guess). */
function tooManyAttempts(response: Response, seconds: number): ThrottlerException {
  response.setHeader('Retry-After', String(seconds));
  return new ThrottlerException(`Too many failed logins for this e-mail: try again in ${seconds} s`);
}
