import { InitialSchema1764100000000 } from './1764100000000-initial-schema';
import { JourneyFacts1764200000000 } from './1764200000000-journey-facts';
import { Settings1764300000000 } from './1764300000000-settings';
import { VendorCounters1764500000000 } from './1764500000000-vendor-counters';
import { ByteOrderKeys1764600000000 } from './1764600000000-byte-order-keys';
import { EventImportWithoutFk1764700000000 } from './1764700000000-event-import-without-fk';
import { FactsVersion1764800000000 } from './1764800000000-facts-version';

/** Every migration, in order; bundled apps cannot discover them by glob. */
export const MIGRATIONS = [
  InitialSchema1764100000000,
  JourneyFacts1764200000000,
  Settings1764300000000,
  VendorCounters1764500000000,
  ByteOrderKeys1764600000000,
  EventImportWithoutFk1764700000000,
  FactsVersion1764800000000,
];
