import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  USER_PASSWORD_MIN_LENGTH,
  type CreateUserRequest,
  type Role,
  type UpdateUserRequest,
  type UserSummary,
} from '@relais/contracts';
import { hash, verify } from 'argon2';
import { Repository } from 'typeorm';
import { UserEntity } from './user.entity';
import { UserError, UserErrorCode } from './users.errors';

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

  /** Every user, by e-mail; never a password hash. */
  async list(): Promise<UserSummary[]> {
    return (await this.users.find({ order: { email: 'ASC' } })).map(toSummary);
  }

  /** E-mails are unique whatever their case; the password is stored as an argon2id hash only. */
  async create(request: CreateUserRequest): Promise<UserSummary> {
    checkPassword(request.password);
    const email = request.email.trim().toLowerCase();
    const passwordHash = await hash(request.password);
    // ON CONFLICT rather than a caught unique violation: a failed statement is logged with its parameters, hash included.
    const [row] = await this.users.query(
      `INSERT INTO app_user (email, password_hash, role) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO NOTHING RETURNING id, email, role, created_at`,
      [email, passwordHash, request.role],
    );
    if (!row) throw new UserError(UserErrorCode.DuplicateEmail, `A user with the e-mail ${email} exists already`);
    return toSummary({ id: row.id, email: row.email, role: row.role, createdAt: row.created_at });
  }

  /** Changes role and/or password. The last admin keeps the admin role. */
  async update(id: string, change: UpdateUserRequest): Promise<UserSummary> {
    if (change.password !== undefined) checkPassword(change.password);
    const passwordHash = change.password === undefined ? null : await hash(change.password);
    return this.users.manager.transaction(async (m) => {
      // Locks the admins, so two demotions at once cannot both pass the check.
      const admins: Array<{ id: string }> = await m.query(`SELECT id FROM app_user WHERE role = 'admin' FOR UPDATE`);
      const user = await m.findOneBy(UserEntity, { id });
      if (!user) throw new UserError(UserErrorCode.NotFound, `No user ${id}`);
      if (change.role && change.role !== 'admin' && user.role === 'admin' && admins.length <= 1) {
        throw new UserError(UserErrorCode.LastAdmin, `${user.email} is the last admin and keeps the admin role`);
      }
      if (change.role) user.role = change.role;
      if (passwordHash) user.passwordHash = passwordHash;
      return toSummary(await m.save(user));
    });
  }
}

function checkPassword(password: string): void {
  if (typeof password !== 'string' || password.length < USER_PASSWORD_MIN_LENGTH) {
    throw new UserError(
      UserErrorCode.WeakPassword,
      `password must hold at least ${USER_PASSWORD_MIN_LENGTH} characters`,
    );
  }
}

function toSummary(user: Pick<UserEntity, 'id' | 'email' | 'role' | 'createdAt'>): UserSummary {
  return { id: user.id, email: user.email, role: user.role, createdAt: user.createdAt.toISOString() };
}
