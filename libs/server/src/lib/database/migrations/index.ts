import { InitialSchema1764100000000 } from './1764100000000-initial-schema';

/** Every migration, in order; bundled apps cannot discover them by glob. */
export const MIGRATIONS = [InitialSchema1764100000000];
