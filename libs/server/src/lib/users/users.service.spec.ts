import { verify } from 'argon2';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { dataSourceOptions } from '../database/data-source-options';
import { UserEntity } from './user.entity';
import { UserError, UserErrorCode } from './users.errors';
import { UsersService } from './users.service';

describe('users (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let users: UsersService;

  const storedHash = async (email: string) =>
    (await dataSource.query(`SELECT password_hash FROM app_user WHERE email = $1`, [email]))[0].password_hash as string;

  beforeAll(async () => {
    database = await createTestDatabase('server_users');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    users = new UsersService(dataSource.getRepository(UserEntity));
    await users.ensure('boss@relais.local', 'boss-password', 'admin');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('creates a user with an argon2id hash, and never answers the hash', async () => {
    const created = await users.create({ email: ' Ana@Example.COM ', password: 'ten-chars!', role: 'analyst' });
    expect(created).toEqual({
      id: expect.any(String),
      email: 'ana@example.com',
      role: 'analyst',
      createdAt: expect.any(String),
    });
    const hash = await storedHash('ana@example.com');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('ten-chars!');
    expect(await verify(hash, 'ten-chars!')).toBe(true);
    expect((await users.authenticate('ana@example.com', 'ten-chars!'))?.id).toBe(created.id);
  });

  it('lists users with id, e-mail, role and creation time only', async () => {
    const list = await users.list();
    expect(list.map((u) => u.email)).toEqual(['ana@example.com', 'boss@relais.local']);
    for (const user of list) expect(Object.keys(user).sort()).toEqual(['createdAt', 'email', 'id', 'role']);
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
  });

  it('refuses a second user with the same e-mail, whatever its case', async () => {
    const attempt = users.create({ email: 'ANA@example.com', password: 'another-password', role: 'viewer' });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toMatchObject({ code: UserErrorCode.DuplicateEmail });
  });

  it('refuses a password under 10 characters', async () => {
    await expect(
      users.create({ email: 'short@example.com', password: 'nine-char', role: 'viewer' }),
    ).rejects.toMatchObject({
      code: UserErrorCode.WeakPassword,
    });
  });

  it('changes role and password', async () => {
    const [ana] = await users.list();
    expect(await users.update(ana.id, { role: 'admin', password: 'a-new-password' })).toMatchObject({ role: 'admin' });
    expect(await users.authenticate('ana@example.com', 'ten-chars!')).toBeNull();
    expect(await users.authenticate('ana@example.com', 'a-new-password')).toMatchObject({ role: 'admin' });
    expect(await users.update(ana.id, { role: 'viewer' })).toMatchObject({ role: 'viewer' });
  });

  it('keeps the last admin an admin', async () => {
    const boss = (await users.list()).find((u) => u.role === 'admin');
    await expect(users.update(boss?.id ?? '', { role: 'analyst' })).rejects.toMatchObject({
      code: UserErrorCode.LastAdmin,
    });
  });

  it('answers not found for an unknown id', async () => {
    await expect(users.update('00000000-0000-4000-8000-000000000000', { role: 'viewer' })).rejects.toMatchObject({
      code: UserErrorCode.NotFound,
    });
  });
});
