import { NestFactory } from '@nestjs/core';
import { boot } from '@relais/server';
import { WorkersModule } from './app/workers.module';

// No HTTP: the workers are an application context hosting the BullMQ processors.
void boot('workers', async () => {
  const app = await NestFactory.createApplicationContext(WorkersModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  console.log('[workers] processing imports');
});
