import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { dataSourceOptions } from '../database/data-source-options';
import { SettingsError } from './settings.errors';
import { loadStepMapper } from './step-mappings';
import { StepMappingsService } from './step-mappings.service';

describe('step mappings (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let mappings: StepMappingsService;

  beforeAll(async () => {
    database = await createTestDatabase('server_step_mappings');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    mappings = new StepMappingsService(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('replaces, reads and removes the mapping of one source', async () => {
    expect(await mappings.get('sn')).toEqual({ source: 'sn', mappings: {} });
    await mappings.replace('sn', { 'In Progress': 'in_progress', New: 'new' });
    await mappings.replace('zd', { open: 'in_progress' });
    expect(await mappings.replace('sn', { New: 'new', Closed: 'closed' })).toEqual({
      source: 'sn',
      mappings: { Closed: 'closed', New: 'new' },
    });
    expect(await mappings.list()).toEqual([
      { source: 'sn', mappings: { Closed: 'closed', New: 'new' } },
      { source: 'zd', mappings: { open: 'in_progress' } },
    ]);
    expect(await mappings.remove('sn')).toBe(true);
    expect(await mappings.remove('sn')).toBe(false);
    expect(await mappings.list()).toEqual([{ source: 'zd', mappings: { open: 'in_progress' } }]);
  });

  it('maps exactly the raw values listed and keeps the others', async () => {
    const mapStep = await loadStepMapper(dataSource, 'zd');
    expect([mapStep('open'), mapStep('Open'), mapStep('pending'), mapStep(null)]).toEqual([
      'in_progress',
      'Open',
      'pending',
      null,
    ]);
  });

  it.each([{ '': 'new' }, { New: '' }, { New: '   ' }, { New: 3 }])('refuses %j', async (bad) => {
    await expect(mappings.replace('zd', bad as never)).rejects.toBeInstanceOf(SettingsError);
    expect((await mappings.get('zd')).mappings).toEqual({ open: 'in_progress' });
  });
});
