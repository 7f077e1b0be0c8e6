import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { RELAIS_CONFIG, type RelaisConfig } from '@relais/server';
import helmet from 'helmet';
import { AppModule } from './app.module';

/** The api as the tests and main.ts both build it. */
export async function createApp(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn', 'log'] });
  app.use(
    helmet({
      // The dashboard's ECharts canvases and Angular styles need inline styles; scripts stay same-origin.
      contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"] } },
    }),
  );
  // Closed unless origins are named (RELAIS_CORS_ORIGINS): the dashboard is served from the api's own origin.
  const { corsOrigins } = app.get<RelaisConfig>(RELAIS_CONFIG);
  if (corsOrigins.length) app.enableCors({ origin: corsOrigins, allowedHeaders: ['Authorization', 'Content-Type'] });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Relais API')
      .setDescription('Continuity KPIs of service journeys: transfers, repeat contacts, delays between steps, satisfaction.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
