import { AUTH, push, resetEmulator, startTestEmulator, type TestEmulator, UPC } from './helpers';

let emulator: TestEmulator;
let url: string;
const START_MS = Date.UTC(2030, 0, 1, 12, 0, 0);
let baseMs = START_MS;

beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.server.url;
});
afterAll(() => emulator.server.close());

/** Each test starts a day later on the virtual clock, so no window carries over. */
beforeEach(async () => {
  await resetEmulator(emulator.control);
  baseMs += 86_400_000;
  await emulator.control.setClock(baseMs);
});

const write = (headers: Record<string, string> = {}) =>
  push(url, [{ upc: UPC.teeS, inventory: 1 }], { headers });
const get = () => fetch(`${url}/v2/style/700111`, { headers: { Authorization: AUTH } });

async function writeTimes(count: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < count; i++) codes.push((await write()).status);
  return codes;
}

describe('credit window', () => {
  test('60 writes pass and the 61st gets 429', async () => {
    const codes = await writeTimes(61);
    expect(codes.slice(0, 60).every((code) => code === 200)).toBe(true);
    expect(codes[60]).toBe(429);
  });

  test('GET costs one credit', async () => {
    await writeTimes(1);
    for (let i = 0; i < 295; i++) expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
  });

  test('429 names the account and changes nothing', async () => {
    await writeTimes(60);
    const result = await push(url, [{ upc: UPC.teeL, inventory: 99 }]);
    expect(result.status).toBe(429);
    expect(result.headers.get('x-throttling-account-id')).toBe('4821');
    const { positions } = await emulator.control.positions();
    expect(
      positions.find((position) => position.upc === UPC.teeL && position.warehouse === 'Default'),
    ).toBeUndefined();
  });

  test('every API response names the account', async () => {
    const result = await write();
    expect(result.headers.get('x-throttling-account-id')).toBe('4821');
  });

  test('window is fixed from its first request', async () => {
    await writeTimes(30);
    await emulator.control.advanceClock(200_000);
    await writeTimes(30);
    await emulator.control.advanceClock(99_999);
    expect((await write()).status).toBe(429);
    await emulator.control.advanceClock(1);
    expect((await write()).status).toBe(200);
  });

  test('X-Emulator-Clock header opens a new window', async () => {
    await writeTimes(60);
    const later = String(baseMs + 300_000);
    expect((await write({ 'X-Emulator-Clock': later })).status).toBe(200);
  });

  test('X-Emulator-Clock never moves the clock backwards', async () => {
    await write({ 'X-Emulator-Clock': String(baseMs + 1000) });
    await write({ 'X-Emulator-Clock': String(baseMs - 60_000) });
    expect((await emulator.control.health()).nowMs).toBe(baseMs + 1000);
  });

  test('reset clears the window', async () => {
    await writeTimes(60);
    await emulator.control.reset();
    expect((await write()).status).toBe(200);
  });
});

describe('chargeRejected switch', () => {
  async function fillTo296(): Promise<void> {
    await writeTimes(59);
    expect((await get()).status).toBe(200);
  }

  test('false: a rejected write leaves room for a GET', async () => {
    await fillTo296();
    expect((await write()).status).toBe(429);
    expect((await get()).status).toBe(200);
  });

  test('true: a rejected write uses the last credits', async () => {
    await emulator.control.setSwitches({ chargeRejected: true });
    await fillTo296();
    expect((await write()).status).toBe(429);
    expect((await get()).status).toBe(429);
  });
});

describe('rateLimitHeaders switch', () => {
  const names = {
    limit: 'X-Throttling-Limit',
    remaining: 'X-Throttling-Remaining',
    reset: 'X-Throttling-Reset',
  };

  test('off sends only the account header', async () => {
    const result = await write();
    const throttlingHeaders = [...result.headers.keys()].filter((name) => name.startsWith('x-throttling'));
    expect(throttlingHeaders).toEqual(['x-throttling-account-id']);
    expect(result.headers.get('retry-after')).toBeNull();
  });

  test('configured names carry limit, remaining and reset', async () => {
    await emulator.control.setSwitches({ rateLimitHeaders: names });
    await emulator.control.advanceClock(0);
    const result = await write();
    expect(result.headers.get('x-throttling-limit')).toBe('300');
    expect(result.headers.get('x-throttling-remaining')).toBe('295');
    expect(result.headers.get('x-throttling-reset')).toBe('300');
  });

  test.each([
    ['seconds', '100'],
    ['fractional_seconds', '99.500'],
  ] as const)('Retry-After in %s form', async (form, expected) => {
    await emulator.control.setSwitches({ rateLimitHeaders: { ...names, retryAfter: form } });
    await writeTimes(60);
    await emulator.control.advanceClock(200_500);
    const result = await write();
    expect(result.status).toBe(429);
    expect(result.headers.get('retry-after')).toBe(expected);
  });

  test('Retry-After as an HTTP date', async () => {
    await emulator.control.setSwitches({ rateLimitHeaders: { retryAfter: 'http_date' } });
    await writeTimes(60);
    const result = await write();
    expect(result.headers.get('retry-after')).toBe(new Date(baseMs + 300_000).toUTCString());
  });

  test('Date header follows the emulator clock', async () => {
    const result = await write();
    expect(result.headers.get('date')).toBe(new Date(baseMs).toUTCString());
  });

  test('Retry-After only on 429', async () => {
    await emulator.control.setSwitches({ rateLimitHeaders: { retryAfter: 'seconds' } });
    const result = await write();
    expect(result.headers.get('retry-after')).toBeNull();
  });

  test('invalid header name is rejected', async () => {
    await expect(
      emulator.control.setSwitches({ rateLimitHeaders: { remaining: 'bad name' } }),
    ).rejects.toThrow('rateLimitHeaders');
  });
});
