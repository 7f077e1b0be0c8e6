import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@relais/contracts';
import { AuthGuard } from './auth.guard';
import { Public, RequiresRole } from './public.decorator';

class Endpoints {
  @Public() health() {
    return 'health';
  }
  read() {
    return 'read';
  }
  @RequiresRole('analyst') drill() {
    return 'drill';
  }
  @RequiresRole('admin') upload() {
    return 'upload';
  }
}

describe('AuthGuard', () => {
  const jwt = new JwtService({ secret: 'unit-test-secret-unit-test-secret', signOptions: { expiresIn: '1h' } });
  const guard = new AuthGuard(jwt, new Reflector());
  const context = (handler: keyof Endpoints, authorization?: string) =>
    ({
      getHandler: () => Endpoints.prototype[handler],
      getClass: () => Endpoints,
      switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }),
    }) as unknown as ExecutionContext;
  const bearer = async (role: Role) => `Bearer ${await jwt.signAsync({ sub: 'u1', email: 'u@relais.local', role })}`;

  it('lets anyone reach a public endpoint', async () => {
    await expect(guard.canActivate(context('health'))).resolves.toBe(true);
  });

  it.each([undefined, 'Bearer', 'Basic abc', 'Bearer not-a-jwt'])('refuses %p with 401', async (header) => {
    await expect(guard.canActivate(context('read', header))).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new JwtService({ secret: 'another-secret-another-secret' }).signAsync({ role: 'admin' });
    await expect(guard.canActivate(context('read', `Bearer ${forged}`))).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it.each<[keyof Endpoints, Role, boolean]>([
    ['read', 'viewer', true],
    ['drill', 'viewer', false],
    ['drill', 'analyst', true],
    ['upload', 'analyst', false],
    ['upload', 'admin', true],
  ])('%s as %s → allowed %p', async (handler, role, allowed) => {
    const run = guard.canActivate(context(handler, await bearer(role)));
    if (allowed) await expect(run).resolves.toBe(true);
    else await expect(run).rejects.toBeInstanceOf(ForbiddenException);
  });
});
