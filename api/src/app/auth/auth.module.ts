import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { RELAIS_CONFIG, RelaisConfig, UsersModule } from '@relais/server';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { LoginThrottle } from './login-throttle';

export const TOKEN_LIFETIME = '8h';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [RELAIS_CONFIG],
      useFactory: (config: RelaisConfig) => ({
        secret: config.secret,
        signOptions: { expiresIn: TOKEN_LIFETIME, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, ThrottlerStorageService, LoginThrottle],
})
export class AuthModule {}
