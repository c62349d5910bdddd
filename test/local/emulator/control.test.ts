import { startEmulator } from '../../../local/emulator/server';
import type { StyleRecord } from '../../../local/emulator/styles';
import { defaultSwitches } from '../../../local/emulator/switches';
import {
  AUTH,
  createTestSeed,
  push,
  quantityOf,
  resetEmulator,
  startTestEmulator,
  type TestEmulator,
  TOKEN,
  UPC,
} from './helpers';

let emulator: TestEmulator;
let url: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.server.url;
});
afterAll(() => emulator.server.close());
beforeEach(() => resetEmulator(emulator.control));

type StyleList = { styles: { total: number; style: StyleRecord[] } };
type StyleBody = { style: StyleRecord };
type InventoryBody = { inventory_log: { status: string }[] };

const postControl = (route: string, body: unknown) =>
  fetch(`${url}/_emulator/${route}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('test hooks', () => {
  test('health reports the account and request count', async () => {
    await push(url, [{ upc: UPC.teeS, inventory: 1 }]);
    const health = await emulator.control.health();
    expect(health.ok).toBe(true);
    expect(health.accountId).toBe('4821');
    expect(health.requestCount).toBe(1);
  });

  test('positions list SKU ids, warehouse, date, quantity and MTO flag', async () => {
    const { positions } = await emulator.control.positions();
    expect(positions).toContainEqual({
      upc: UPC.teeL,
      style_id: 700111,
      style_color_id: 880222,
      style_number: 'SS25-TEE',
      style_identifier: 'SS25-TEE',
      color_code: '010',
      size: 'L',
      size_code: 'SR1-03',
      warehouse: 'Fall Future',
      inventory_date: '2025-09-01',
      quantity: 50,
      made_to_order: false,
    });
    expect(positions).toHaveLength(2);
  });

  test('request log records each request without the token', async () => {
    await push(
      url,
      [
        { upc: UPC.teeS, inventory: 1 },
        { upc: UPC.teeM, inventory: 2 },
      ],
      { query: 'overwrite=1&dec_pending=1' },
    );
    const requests = await emulator.control.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      number: 1,
      method: 'POST',
      path: '/v2/bulk-inventory',
      query: { overwrite: '1', dec_pending: '1' },
      overwrite: true,
      decPending: true,
      lineCount: 2,
      status: 200,
      fault: null,
    });
    const logText = JSON.stringify(requests);
    expect(logText).not.toContain(TOKEN);
    expect(logText).not.toContain(AUTH.slice('OAuth2 '.length));
  });

  test('reset restores the seed', async () => {
    await push(url, [{ upc: UPC.teeM, inventory: 99 }], { query: 'overwrite=1' });
    await emulator.control.reset();
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(7);
    expect(await emulator.control.requests()).toEqual([]);
  });

  test('seed replaces the catalogue', async () => {
    const seed = createTestSeed();
    await emulator.control.seed({
      ...seed,
      catalogue: seed.catalogue.slice(0, 3),
      positions: [],
      pending: [],
    });
    const result = await push(url, [{ upc: UPC.capM, inventory: 1 }]);
    expect(result.json.inventory_log[0]?.status).toBe('fail');
    await emulator.control.seed(seed);
  });

  test.each([
    [{ accountId: '', token: 't', warehouses: [], catalogue: [] }, 'accountId must be a non-empty string'],
    [{ accountId: '1', token: ' t', warehouses: [], catalogue: [] }, 'token must be a non-empty string'],
    [
      { accountId: '1', token: 't', warehouses: [], catalogue: [{ style_id: 'x' }] },
      'catalogue[0].style_id must be an integer',
    ],
    [
      { ...createTestSeed(), positions: [{ upc: '999999999993', warehouse: 'Default', quantity: 1 }] },
      'positions[0] names a SKU',
    ],
    [
      { ...createTestSeed(), pending: [{ upc: UPC.teeS, quantity: 1, status: 'open' }] },
      'pending[0].status must be',
    ],
    [
      { ...createTestSeed(), positions: [{ upc: UPC.teeS, warehouse: 'Default', quantity: 1.5 }] },
      'positions[0].quantity',
    ],
  ])('invalid seed is rejected: %#', async (seed, message) => {
    const response = await postControl('seed', seed);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  test('switches start at the defaults', async () => {
    expect(await emulator.control.switches()).toEqual(defaultSwitches);
  });

  test('switches merge', async () => {
    await emulator.control.setSwitches({ fanOut: 2 });
    const switches = await emulator.control.setSwitches({ logOrder: 'shuffled' });
    expect(switches.fanOut).toBe(2);
    expect(switches.logOrder).toBe('shuffled');
  });

  test('replace restores defaults first', async () => {
    await emulator.control.setSwitches({ fanOut: 2 });
    const switches = await emulator.control.resetSwitches({ logOrder: 'shuffled' });
    expect(switches.fanOut).toBe(1);
  });

  test.each([
    [{ colour: 'red' }, 'Unknown switch'],
    [{ constructor: 1 }, 'Unknown switch'],
    [{ unknownWarehouse: 'ignore' }, 'expected fail | drop | phantom'],
    [{ fanOut: 0 }, 'an integer ≥ 1'],
    [{ allFailStatus: 99 }, 'an HTTP status'],
    [{ atsFloorAtZero: 'yes' }, 'true | false'],
    ['{not json', 'not valid JSON'],
  ])('invalid switches %j are rejected', async (body, message) => {
    const response = await postControl('switches', body);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  test('clock moves forward by nowMs and advanceMs', async () => {
    const start = Date.UTC(2031, 5, 1);
    expect(await emulator.control.setClock(start)).toBe(start);
    expect(await emulator.control.advanceClock(1500)).toBe(start + 1500);
    expect((await emulator.control.health()).virtualClock).toBe(true);
  });

  test('clock refuses a time past the year 9999', async () => {
    const response = await postControl('clock', { nowMs: 1e20 });
    expect(response.status).toBe(400);
    const health = await emulator.control.health();
    expect(Number.isFinite(health.nowMs)).toBe(true);
    expect(health.nowMs).toBeLessThan(1e15);
  });

  test('clock refuses to move backwards', async () => {
    const now = await emulator.control.advanceClock(0);
    const response = await postControl('clock', { nowMs: now - 1 });
    expect(response.status).toBe(409);
  });

  test('unknown control route gets 404', async () => {
    const response = await fetch(`${url}/_emulator/nothing`);
    expect(response.status).toBe(404);
  });

  test('verbose logs one line per request without the token', async () => {
    const lines: string[] = [];
    const verbose = await startEmulator({
      seed: createTestSeed(),
      verbose: true,
      log: (line) => lines.push(line),
    });
    await push(verbose.url, [{ upc: UPC.teeS, inventory: 1 }]);
    await verbose.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^POST \/v2\/bulk-inventory 200 lines=1 \d+ms$/);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});

describe('style routes', () => {
  const get = (path: string, accept = 'application/json') =>
    fetch(`${url}${path}`, { headers: { Authorization: AUTH, Accept: accept } });

  test('GET /v2/style pages the styles', async () => {
    const body = (await (await get('/v2/style?count=2&start_from=1')).json()) as StyleList;
    expect(body.styles.total).toBe(3);
    expect(body.styles.style.map((style) => style.style_id)).toEqual([700222, 700333]);
  });

  test('GET by style number and identifier decodes the path', async () => {
    const response = await get(`/v2/style-number/${encodeURIComponent('A/B 1')}/AB1`);
    const body = (await response.json()) as StyleBody;
    expect(response.status).toBe(200);
    expect(body.style.colors[0]?.sizes[0]).toEqual({ size: '3-4', size_code: 'K-34', upc: UPC.kidsEan13 });
  });

  test('GET by JOOR style id', async () => {
    const body = (await (await get('/v2/style/700111')).json()) as StyleBody;
    expect(body.style.colors[0]?.sizes).toHaveLength(3);
  });

  test('unknown style gets 404', async () => {
    const response = await get('/v2/style-number/SS25-TEE/WRONG');
    expect(response.status).toBe(404);
  });

  test('style record in XML', async () => {
    const text = await (await get('/v2/style/700222', 'application/xml')).text();
    expect(text).toContain('<style_number>00123</style_number>');
  });

  test('style lookups need the token', async () => {
    const response = await fetch(`${url}/v2/style`);
    expect(response.status).toBe(401);
  });
});

describe('single-style inventory route', () => {
  const put = (path: string, query: string) =>
    fetch(`${url}/v2/style-number/${path}/inventory/?${query}`, {
      method: 'PUT',
      headers: { Authorization: AUTH, Accept: 'application/json' },
    });

  test('colour and size in the query string', async () => {
    const response = await put('SS25-TEE/SS25-TEE', 'color_code=010&size=S&inventory=7');
    const body = (await response.json()) as InventoryBody;
    expect(body.inventory_log[0]?.status).toBe('pass');
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(7);
  });

  test('UPC wins over colour and size', async () => {
    await put('SS25-TEE/SS25-TEE', `upc=${UPC.teeL}&color_code=010&size=S&inventory=3`);
    expect(await quantityOf(emulator.control, UPC.teeL)).toBe(3);
  });

  test('warehouse, date and dec_pending', async () => {
    await put(
      'SS25-TEE/SS25-TEE',
      'color_code=010&size=S&inventory=10&warehouse=Fall%20Future&dec_pending=1',
    );
    await put(
      'SS25-TEE/SS25-TEE',
      'color_code=010&size=S&inventory=5&inventory_date=10-01-2025&warehouse=Fall%20Future',
    );
    expect(await quantityOf(emulator.control, UPC.teeS, 'Fall Future')).toBe(6);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Fall Future', '2025-10-01')).toBe(5);
  });

  test('encoded slash in the style number', async () => {
    const response = await put(`${encodeURIComponent('A/B 1')}/AB1`, 'color_code=200&size=3-4&inventory=2');
    expect(((await response.json()) as InventoryBody).inventory_log[0]?.status).toBe('pass');
  });

  test('unknown style fails the line', async () => {
    const response = await put('NOPE/NOPE', 'color_code=010&size=S&inventory=1');
    expect(((await response.json()) as InventoryBody).inventory_log[0]?.status).toBe('fail');
  });

  test('costs a write credit', async () => {
    await emulator.control.setSwitches({ rateLimitHeaders: { remaining: 'X-Remaining' } });
    const response = await put('SS25-TEE/SS25-TEE', 'color_code=010&size=S&inventory=7');
    expect(response.headers.get('x-remaining')).toBe('295');
  });
});
