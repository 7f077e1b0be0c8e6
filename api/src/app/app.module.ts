import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ConfigModule, DatabaseModule } from '@relais/server';
import { join } from 'node:path';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { KpisModule } from './kpis/kpis.module';
import { SettingsModule } from './settings/settings.module';
import { UsersModule } from './users/users.module';

/** Built layout: dist/api/main.js beside dist/web/browser. */
export const WEB_ROOT = join(__dirname, '..', 'web', 'browser');

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    AuthModule,
    HealthModule,
    KpisModule,
    CasesModule,
    ImportsModule,
    SettingsModule,
    UsersModule,
    DemoModule,
    ServeStaticModule.forRoot({ rootPath: WEB_ROOT, exclude: ['/api/{*path}'] }),
  ],
})
export class AppModule {}
