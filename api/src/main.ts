import { boot, migrate } from '@relais/server';
import { createApp } from './app/create-app';

// `main.js migrate` is the explicit schema step run before the api and the workers start.
void boot('api', async (config) => {
  if (process.argv[2] === 'migrate') {
    const applied = await migrate(config.databaseUrl);
    console.log(`[api] migrations: ${applied.length ? applied.join(', ') : 'up to date'}`);
    return;
  }
  const app = await createApp();
  await app.listen(config.port);
  console.log(`[api] listening on http://localhost:${config.port} (API under /api)`);
});
