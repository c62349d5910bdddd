import { AUTH, push, resetEmulator, startTestEmulator, type TestEmulator, UPC } from './helpers';

let emulator: TestEmulator;
let url: string;
let clockMs = Date.UTC(2032, 0, 1);

beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.server.url;
});
afterAll(() => emulator.server.close());
beforeEach(async () => {
  await resetEmulator(emulator.control);
  clockMs += 86_400_000;
  await emulator.control.setClock(clockMs);
});

const credentials = {
  grant_type: 'password',
  client_id: 'client-1',
  client_secret: 'secret-1',
  username: 'ops@example.com',
  password: 'pw-1',
};

async function grant(fields: Record<string, string> = credentials): Promise<Response> {
  return fetch(`${url}/auth/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

async function accessToken(): Promise<string> {
  return ((await (await grant()).json()) as { access_token: string }).access_token;
}

const getSkus = (token: string, account = '4821') =>
  fetch(`${url}/v4/skus?account=${account}`, { headers: { Authorization: `Bearer ${token}` } });

describe('v4 password grant', () => {
  test('returns a Bearer token', async () => {
    const response = await grant();
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(36000);
    expect(typeof body.access_token).toBe('string');
  });

  test('wrong password gets 401', async () => {
    const response = await grant({ ...credentials, password: 'nope' });
    expect(response.status).toBe(401);
  });
});

describe('GET /v4/skus', () => {
  test('lists SKUs with UPC identifiers and traits', async () => {
    const response = await getSkus(await accessToken());
    const body = (await response.json()) as {
      data: { identifiers: { type: string; value: string }[] }[];
      errors: unknown[];
    };
    expect(response.status).toBe(200);
    expect(body.errors).toEqual([]);
    expect(body.data[0]?.identifiers).toEqual([{ type: 'upc', value: UPC.teeS }]);
  });

  test('v2 OAuth2 header is rejected', async () => {
    const response = await fetch(`${url}/v4/skus?account=4821`, { headers: { Authorization: AUTH } });
    expect(response.status).toBe(401);
  });

  test('another account gets 403', async () => {
    const response = await getSkus(await accessToken(), '9999');
    expect(response.status).toBe(403);
  });

  test('token expires after 36000 s', async () => {
    const token = await accessToken();
    await emulator.control.advanceClock(36_000_000);
    expect((await getSkus(token)).status).toBe(401);
  });
});

describe('sharedBucket switch', () => {
  async function useUpV2Window(): Promise<void> {
    for (let i = 0; i < 60; i++)
      expect((await push(url, [{ upc: UPC.teeS, inventory: i }])).status).toBe(200);
  }

  test('true: v4 draws on the v2 credits', async () => {
    const token = await accessToken();
    await useUpV2Window();
    expect((await getSkus(token)).status).toBe(429);
  });

  test('false: v4 has its own credits', async () => {
    await emulator.control.setSwitches({ sharedBucket: false });
    const token = await accessToken();
    await useUpV2Window();
    expect((await getSkus(token)).status).toBe(200);
  });
});
