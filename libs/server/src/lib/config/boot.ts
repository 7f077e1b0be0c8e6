import { ServiceUnreachableError } from '../database/database-setup';
import { ConfigError, loadConfig, RelaisConfig } from './relais-config';
import { preflight } from './preflight';

/**
 * Shared start-up of the api and the workers: a bad setting or an unreachable service ends the process with one
 * readable line instead of a stack trace.
 */
export async function boot(app: string, start: (config: RelaisConfig) => Promise<void>): Promise<void> {
  try {
    const config = loadConfig();
    await preflight(config);
    await start(config);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ServiceUnreachableError) {
      console.error(`[${app}] ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
