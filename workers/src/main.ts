import { NestFactory } from '@nestjs/core';
import { boot } from '@relais/server';
import { applyJobTiming } from './app/imports/import.processor';
import { WorkersModule } from './app/workers.module';
import { runGenerateCommand } from './cli/generate-command';
import { runImportCommand } from './cli/import-command';
import { importInfo } from './cli/import-usage';
import { runRefreshCommand } from './cli/refresh-command';

const importHelp = process.argv[2] === 'import' ? importInfo(process.argv.slice(3)) : null;

// `generate`, `import --formats` and `import --help` need neither PostgreSQL nor Redis.
if (process.argv[2] === 'generate') {
  void runGenerateCommand(process.argv.slice(3)).then((code) => (process.exitCode = code));
} else if (importHelp !== null) {
  console.log(importHelp);
} else {
  void boot('workers', async (config) => {
    if (process.argv[2] === 'import') {
      process.exitCode = await runImportCommand(process.argv.slice(3), config);
      return;
    }
    if (process.argv[2] === 'refresh') {
      process.exitCode = await runRefreshCommand(config);
      return;
    }
    // No HTTP: the workers are an application context hosting the BullMQ processors.
    applyJobTiming(config);
    const app = await NestFactory.createApplicationContext(WorkersModule, { logger: ['error', 'warn', 'log'] });
    app.enableShutdownHooks();
    console.log('[workers] processing imports');
  });
}
