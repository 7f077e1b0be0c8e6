import { Module } from '@nestjs/common';
import { ImportsModule, UsersModule } from '@relais/server';
import { DemoLoader } from './demo-loader';

@Module({ imports: [UsersModule, ImportsModule], providers: [DemoLoader] })
export class DemoModule {}
