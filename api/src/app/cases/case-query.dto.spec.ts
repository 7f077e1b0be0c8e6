import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CaseQueryDto } from './case-query.dto';

/** The drill-down filters the dashboard's charts link to, as the global ValidationPipe reads a query string. */
async function messages(query: Record<string, string>): Promise<string[]> {
  const errors = await validate(plainToInstance(CaseQueryDto, query), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('CaseQueryDto', () => {
  it.each([
    [{ handoff: 'N1>N2' }],
    [{ handoff: 'Support N1 > Support N2' }],
    [{ week: '2025-W02' }],
    [{ week: '2020-W53', handoff: 'N2>N1', transition: 'triage>in_progress' }],
  ])('accepts %j', async (query) => {
    expect(await messages(query)).toEqual([]);
  });

  it.each([
    [{ handoff: 'N1' }, 'handoff must be two teams joined by ">", e.g. N1>N2'],
    [{ handoff: 'N1>N2>N3' }, 'handoff must be two teams joined by ">", e.g. N1>N2'],
    [{ week: '2025-02' }, 'week must be an ISO week such as 2025-W02'],
    // 2021 has 52 ISO weeks.
    [{ week: '2021-W53' }, 'week must be an ISO week such as 2025-W02'],
  ])('refuses %j', async (query, message) => {
    expect(await messages(query)).toEqual([message]);
  });
});
