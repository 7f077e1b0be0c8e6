import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@relais/contracts';
import { hash, verify } from 'argon2';
import { Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export const DEMO_PASSWORD = 'relais-demo';
export const DEMO_USERS: ReadonlyArray<{ email: string; role: Role }> = [
  { email: 'admin@relais.local', role: 'admin' },
  { email: 'analyst@relais.local', role: 'analyst' },
  { email: 'viewer@relais.local', role: 'viewer' },
];

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Creates the user, or resets its password and role: the configured admin always matches the environment. */
  async ensure(email: string, password: string, role: Role): Promise<void> {
    const passwordHash = await hash(password);
    await this.users.upsert({ email: email.toLowerCase(), passwordHash, role }, ['email']);
  }

  /** Null for an unknown e-mail or a wrong password: callers must not tell the two apart. */
  async authenticate(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findOneBy({ email: email.trim().toLowerCase() });
    if (!user) {
      await hash(password); // same cost whether or not the e-mail exists
      return null;
    }
    return (await verify(user.passwordHash, password)) ? user : null;
  }
}
