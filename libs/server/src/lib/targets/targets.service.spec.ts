import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { dataSourceOptions } from '../database/data-source-options';
import { TargetError, TargetErrorCode } from './targets.errors';
import { TargetsService } from './targets.service';

describe('targets (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let targets: TargetsService;

  beforeAll(async () => {
    database = await createTestDatabase('server_targets');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    targets = new TargetsService(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('starts from the seeded starting points, in review order', async () => {
    expect(
      (await targets.list()).map(({ indicator, target, alertLevel, direction }) => [
        indicator,
        target,
        alertLevel,
        direction,
      ]),
    ).toEqual([
      ['transfersMean', 0.5, 1, 'lower'],
      ['pingPongShare', 0.05, 0.1, 'lower'],
      ['repeatRate', 0.1, 0.2, 'lower'],
      ['reopenRate', 0.05, 0.1, 'lower'],
      ['csatMean', 4, 3.5, 'higher'],
      ['csatShare', 0.8, 0.6, 'higher'],
    ]);
  });

  it('changes a target, keeping the direction unless given', async () => {
    expect(await targets.update('repeatRate', { target: 0.08, alertLevel: 0.15 })).toMatchObject({
      indicator: 'repeatRate',
      target: 0.08,
      alertLevel: 0.15,
      direction: 'lower',
    });
    expect(await targets.update('repeatRate', { target: 0.2, alertLevel: 0.1, direction: 'higher' })).toMatchObject({
      direction: 'higher',
    });
  });

  it.each([
    ['transfersMean', { target: 1, alertLevel: 0.5 }, TargetErrorCode.InvalidTarget],
    ['csatMean', { target: 3.5, alertLevel: 4 }, TargetErrorCode.InvalidTarget],
    ['csatShare', { target: 80, alertLevel: 60 }, TargetErrorCode.InvalidTarget],
    ['reopenRate', { target: -0.1, alertLevel: 0.1 }, TargetErrorCode.InvalidTarget],
    ['reopenRate', { target: Number.NaN, alertLevel: 0.1 }, TargetErrorCode.InvalidTarget],
    ['cases', { target: 1, alertLevel: 2 }, TargetErrorCode.UnknownIndicator],
  ])('refuses %s %j', async (indicator, change, code) => {
    const attempt = targets.update(indicator, change);
    await expect(attempt).rejects.toBeInstanceOf(TargetError);
    await expect(attempt).rejects.toMatchObject({ code });
  });
});
