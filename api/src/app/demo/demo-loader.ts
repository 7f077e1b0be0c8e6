import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { demoCsvReadable } from '@relais/domain';
import { DEMO_PASSWORD, DEMO_USERS, ImportsService, RELAIS_CONFIG, RelaisConfig, UsersService } from '@relais/server';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export const DEMO_SOURCE = 'demo';
export const DEMO_CASES = 20_000;
export const DEMO_WEEKS = 26;

/**
 * Boot-time accounts and, in demo mode, demo data loaded through the real import path (file → job → worker)
 * when the database holds no cases and no demo import is under way.
 */
@Injectable()
export class DemoLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoLoader.name);

  constructor(
    @Inject(RELAIS_CONFIG) private readonly config: RelaisConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly imports: ImportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.admin) await this.users.ensure(this.config.admin.email, this.config.admin.password, 'admin');
    if (!this.config.demo) return;
    for (const user of DEMO_USERS) await this.users.ensure(user.email, DEMO_PASSWORD, user.role);
    if (await this.hasDataOrPendingDemo()) return;
    const dir = join(this.config.dataDir, 'uploads');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `demo-${Date.now()}.csv`);
    await pipeline(demoCsvReadable({ cases: DEMO_CASES, weeks: DEMO_WEEKS, end: new Date() }), createWriteStream(path));
    const { id } = await this.imports.enqueue({ format: 'canonical', source: DEMO_SOURCE, fileName: 'demo.csv', path });
    this.logger.log(`demo data (${DEMO_CASES} cases over ${DEMO_WEEKS} weeks) queued as import ${id}`);
  }

  private async hasDataOrPendingDemo(): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM case_fact) AS has_cases,
              EXISTS (SELECT 1 FROM import WHERE source = $1 AND status IN ('queued', 'running')) AS pending`,
      [DEMO_SOURCE],
    );
    return row.has_cases || row.pending;
  }
}
