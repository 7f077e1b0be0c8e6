import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, ImportsModule } from '@relais/server';

/** What the import command needs: the import records and the queue, no processor. */
@Module({ imports: [ConfigModule, DatabaseModule, ImportsModule] })
export class ImportCliModule {}
