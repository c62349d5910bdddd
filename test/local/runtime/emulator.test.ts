import { createDemoSeed } from '../../../local/emulator/demo-seed';
import { type EmulatorHandle, spawnEmulator } from '../../../local/emulator/process';
import { createLocalRuntime, type LocalRuntime } from '../../../local/runtime';
import { removeBundle, writeBundle } from './helpers';

// Pushes through the runtime's UrlFetchApp to the JOOR emulator in its child process.
const BUNDLE = `
function push(token, upc, quantity, mute) {
  var response = UrlFetchApp.fetch('https://apisandbox.jooraccess.com/v2/bulk-inventory', {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'OAuth2 ' + Utilities.base64Encode(token), Accept: 'application/json' },
    payload: JSON.stringify({ inventory_items: { inventory_item: [{ upc: upc, inventory: quantity, warehouse: 'Default' }] } }),
    muteHttpExceptions: mute,
  });
  return { code: response.getResponseCode(), body: JSON.parse(response.getContentText()) };
}
function pushAndCatch(token, upc) {
  try { push(token, upc, 1, false); return 'no error'; } catch (e) { return e.message; }
}
`;

const START = Date.UTC(2030, 5, 1, 12);

describe('runtime against the JOOR emulator', () => {
  let emulator: EmulatorHandle;
  let bundleDir: string;
  let runtime: LocalRuntime;
  const upc = createDemoSeed().catalogue[0]?.upc ?? '';

  beforeAll(async () => {
    emulator = await spawnEmulator({ seed: createDemoSeed() });
    bundleDir = writeBundle({
      'Code.js': BUNDLE,
      'appsscript.json': JSON.stringify({ urlFetchWhitelist: ['https://apisandbox.jooraccess.com/v2/'] }),
    });
  });

  afterAll(async () => {
    await emulator.stop();
    removeBundle(bundleDir);
  });

  beforeEach(() => {
    runtime = createLocalRuntime({
      bundleDir,
      workbook: null,
      routes: { 'https://apisandbox.jooraccess.com': emulator.url },
      startTimeMs: START,
    });
  });

  afterEach(() => runtime.close());

  it('stores the pushed quantity', async () => {
    const result = runtime.execute<{ code: number; body: { inventory_log: { status: string }[] } }>('push', [
      emulator.token,
      upc,
      17,
      true,
    ]);
    expect(result.value?.code).toBe(200);
    expect(result.value?.body.inventory_log[0]?.status).toBe('pass');
    const { positions } = await emulator.control.positions();
    expect(positions.find((p) => p.upc === upc && p.warehouse === 'Default')?.quantity).toBe(17);
  });

  it('moves the emulator clock to the virtual time', async () => {
    runtime.clock.sleep(86_400_000);
    runtime.execute('push', [emulator.token, upc, 1, true]);
    const health = await emulator.control.health();
    expect(health.nowMs).toBeGreaterThanOrEqual(START + 86_400_000);
  });

  it('adds an injected delay to the clock', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'delay', ms: 45_000 }]);
    const before = runtime.clock.now();
    const result = runtime.execute('push', [emulator.token, upc, 2, true]);
    expect(result.ok).toBe(true);
    expect(runtime.clock.now() - before).toBeGreaterThanOrEqual(45_000);
  });

  it('times out an injected delay over 60 s', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'delay', ms: 61_000 }]);
    const message = runtime.execute<string>('pushAndCatch', [emulator.token, upc]).value;
    expect(message).toBe('Timeout: https://apisandbox.jooraccess.com/v2/bulk-inventory');
  });

  it('reports a dropped connection', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'drop' }]);
    const message = runtime.execute<string>('pushAndCatch', [emulator.token, upc]).value;
    expect(message).toBe('Address unavailable: https://apisandbox.jooraccess.com/v2/bulk-inventory');
  });

  it('throws the unmuted 401 with the host only', () => {
    const message = runtime.execute<string>('pushAndCatch', ['wrong-token', upc]).value;
    expect(message).toMatch(/^Request failed for https:\/\/apisandbox\.jooraccess\.com returned code 401\./);
  });
});
