import { Module } from '@nestjs/common';
import { UsersModule as UserAccountsModule } from '@relais/server';
import { UsersController } from './users.controller';

@Module({ imports: [UserAccountsModule], controllers: [UsersController] })
export class UsersModule {}
