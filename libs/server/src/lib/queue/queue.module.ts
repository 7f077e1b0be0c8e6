import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';
import { IMPORT_QUEUE } from './queue.constants';
import { redisOptions } from './redis-connection';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [RELAIS_CONFIG],
      useFactory: (config: RelaisConfig) => ({
        connection: redisOptions(config.redisUrl),
        prefix: config.queuePrefix,
      }),
    }),
    BullModule.registerQueue({ name: IMPORT_QUEUE }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
