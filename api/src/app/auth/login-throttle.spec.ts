import { ThrottlerStorageService } from '@nestjs/throttler';
import { LOGIN_THROTTLE, LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let storage: ThrottlerStorageService;
  let throttle: LoginThrottle;
  const attempt = { ip: '203.0.113.7', email: 'someone@relais.local' };

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
    storage = new ThrottlerStorageService();
    throttle = new LoginThrottle(storage);
  });

  afterEach(() => {
    storage.onApplicationShutdown();
    jest.useRealTimers();
  });

  const fail = async (times: number, who = attempt) => {
    const waits: number[] = [];
    for (let i = 0; i < times; i++) waits.push(await throttle.failed(who));
    return waits;
  };

  it('lets 10 failures through, blocks the 11th for 15 minutes', async () => {
    expect(await fail(LOGIN_THROTTLE.failures)).toEqual(Array(10).fill(0));
    expect(throttle.retryAfter(attempt)).toBe(0);
    expect(await throttle.failed(attempt)).toBe(900);
    expect(throttle.retryAfter(attempt)).toBe(900);
    jest.advanceTimersByTime(60_000);
    expect(throttle.retryAfter(attempt)).toBe(840);
  });

  it('keys on address and e-mail, the e-mail however it is written', async () => {
    await fail(11);
    expect(throttle.retryAfter({ ...attempt, email: ' SomeOne@Relais.local ' })).toBe(900);
    expect(throttle.retryAfter({ ...attempt, ip: '203.0.113.8' })).toBe(0);
    expect(throttle.retryAfter({ ...attempt, email: 'other@relais.local' })).toBe(0);
  });

  it('forgets failures older than the window, and lifts the block after it', async () => {
    await fail(10);
    jest.advanceTimersByTime(LOGIN_THROTTLE.windowMs + 1000);
    expect(await fail(10)).toEqual(Array(10).fill(0));
    expect(await throttle.failed(attempt)).toBe(900);
    jest.advanceTimersByTime(LOGIN_THROTTLE.blockMs + 1000);
    expect(throttle.retryAfter(attempt)).toBe(0);
  });
});
