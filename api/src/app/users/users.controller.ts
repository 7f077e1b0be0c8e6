import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { UserSummary, UsersList } from '@relais/contracts';
import { UsersService } from '@relais/server';
import { RequiresRole } from '../auth/public.decorator';
import { UserErrorsFilter } from './user-errors.filter';
import { CreateUserDto, UpdateUserDto } from './users.dto';

@ApiTags('users')
@ApiBearerAuth()
@RequiresRole('admin')
@UseFilters(UserErrorsFilter)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users and their roles (never a password or its hash)' })
  async list(): Promise<UsersList> {
    return { users: await this.users.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Create a user who can log in at once' })
  @ApiCreatedResponse({ description: 'The user, without password' })
  @ApiConflictResponse({ description: 'A user with this e-mail (in any case) exists already' })
  create(@Body() body: CreateUserDto): Promise<UserSummary> {
    return this.users.create(body);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's role and/or password; the last admin keeps the admin role" })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'The change would leave no admin' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserDto): Promise<UserSummary> {
    return this.users.update(id, body);
  }
}
