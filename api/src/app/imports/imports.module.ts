import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ImportsModule as ImportQueueModule, RELAIS_CONFIG, RelaisConfig } from '@relais/server';
import { join } from 'node:path';
import { ImportsController } from './imports.controller';

@Module({
  imports: [
    ImportQueueModule,
    // Uploads stream to disk: an export is never held in memory.
    MulterModule.registerAsync({
      inject: [RELAIS_CONFIG],
      useFactory: (config: RelaisConfig) => ({
        dest: join(config.dataDir, 'uploads'),
        limits: { fileSize: config.uploadLimitBytes, files: 1 },
      }),
    }),
  ],
  controllers: [ImportsController],
})
export class ImportsModule {}
