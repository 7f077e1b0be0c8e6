import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Role, roleAtLeast, TokenClaims } from '@relais/contracts';
import type { Request } from 'express';
import { IS_PUBLIC, REQUIRED_ROLE } from './public.decorator';

export type AuthenticatedRequest = Request & { user: TokenClaims };

/** Global guard: every endpoint needs a valid token unless marked @Public(), and the role it declares. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = request.headers.authorization?.split(' ') ?? [];
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('A bearer token is required');
    try {
      request.user = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    const required = this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ?? 'viewer';
    if (!roleAtLeast(request.user.role, required)) throw new ForbiddenException(`This needs the ${required} role`);
    return true;
  }
}
