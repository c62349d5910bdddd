/**
 * Tests of build/Code.js itself, loaded with gas-local: entry points, the manifest, onOpen in
 * AuthMode.NONE, and a push through the emulator over loopback.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EmulatorHandle } from '../../local/emulator/process';
import type { ServerApi } from '../../src/shared/api';
import {
  createAddonRuntime,
  DEFAULT_TEST_OPTIONS,
  makeWorkbook,
  sheetValues,
  startEmulator,
} from '../helpers/local-addon';

// gas-local has no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gas = require('gas-local') as { require(dir: string, globals: object): Record<string, unknown> };

const BUILD = path.resolve(__dirname, '../../build');

/** Every name the sidebar calls; a compile error here means ServerApi gained or lost an endpoint. */
const SIDEBAR_ENDPOINTS: Record<keyof ServerApi, true> = {
  getSidebarState: true,
  saveSettings: true,
  testConnection: true,
  addWarehouse: true,
  getColumns: true,
  saveColumnMapping: true,
  validateSheet: true,
  previewPush: true,
  startPush: true,
  continuePush: true,
  cancelPush: true,
  selectCell: true,
  getSchedule: true,
  saveSchedule: true,
  deleteSchedule: true,
  resumeSchedule: true,
  getRunLog: true,
};
const TRIGGERS = ['onOpen', 'onInstall', 'onScheduledPush'];
const MENU_ITEMS = ['showSidebar', 'menuValidate', 'menuPush'];

describe('bundle entry points', () => {
  const context = gas.require(BUILD, { console: { log() {}, warn() {}, error() {} } });

  it.each([...TRIGGERS, ...MENU_ITEMS, ...Object.keys(SIDEBAR_ENDPOINTS)])(
    '%s is a top-level function',
    (name) => {
      expect(typeof context[name]).toBe('function');
    },
  );

  it('declares no private names (trailing underscore)', () => {
    const code = readFileSync(path.join(BUILD, 'Code.js'), 'utf8');
    const declared = [...code.matchAll(/^function (\w+)\(\)/gm)].map((match) => match[1]);
    expect(declared.filter((name) => name?.endsWith('_'))).toEqual([]);
  });
});

describe('manifest', () => {
  const manifest = JSON.parse(readFileSync(path.join(BUILD, 'appsscript.json'), 'utf8')) as {
    runtimeVersion: string;
    oauthScopes: string[];
    urlFetchWhitelist: string[];
  };

  it('uses the V8 runtime', () => {
    expect(manifest.runtimeVersion).toBe('V8');
  });

  it.each([
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.external_request',
    'https://www.googleapis.com/auth/script.scriptapp',
  ])('lists scope %s', (scope) => {
    expect(manifest.oauthScopes).toContain(scope);
  });

  it('asks for no broader scopes', () => {
    expect(manifest.oauthScopes).toHaveLength(4);
  });

  it('allows only the JOOR v2 hosts', () => {
    expect(manifest.urlFetchWhitelist.sort()).toEqual([
      'https://api.jooraccess.com/v2/',
      'https://apisandbox.jooraccess.com/v2/',
    ]);
  });
});

describe('bundle in the local runtime', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await emulator.control.reset();
  });

  it('onOpen builds the menu in AuthMode.NONE', () => {
    const runtime = createAddonRuntime(emulator, makeWorkbook([['UPC', 'Quantity']]));
    try {
      const result = runtime.execute('onOpen', [{ authMode: 'NONE' }], { kind: 'simple', authMode: 'NONE' });
      expect(result.error).toBeUndefined();
      expect(result.ok).toBe(true);
      const items = runtime.ui.menus.flatMap((menu) =>
        menu.items.flatMap((item) => (item.kind === 'item' ? [item.functionName] : [])),
      );
      expect(items).toEqual(MENU_ITEMS);
    } finally {
      runtime.close();
    }
  });

  it('menu items name top-level functions', () => {
    const runtime = createAddonRuntime(emulator, makeWorkbook([['UPC', 'Quantity']]));
    const context = gas.require(BUILD, { console: { log() {}, warn() {}, error() {} } });
    try {
      runtime.execute('onOpen', [{ authMode: 'NONE' }], { kind: 'simple', authMode: 'NONE' });
      for (const item of runtime.ui.menus.flatMap((menu) => menu.items)) {
        if (item.kind === 'item') expect(typeof context[item.functionName]).toBe('function');
      }
    } finally {
      runtime.close();
    }
  });

  it('push writes every row status in one write', async () => {
    const workbook = makeWorkbook([
      ['UPC', 'Quantity', 'Warehouse'],
      ['084567000017', 5, 'Default'],
      ['084567000024', 0, 'Default'],
      ['084567000031', 'N/A', 'Default'],
      ['084567000048', 7, ''],
    ]);
    const runtime = createAddonRuntime(emulator, workbook);
    try {
      const result = runtime.execute<ReturnType<ServerApi['startPush']>>(
        'startPush',
        [{ sheetId: '0', options: DEFAULT_TEST_OPTIONS }],
        { kind: 'sidebar' },
      );
      expect(result.error).toBeUndefined();
      const value = result.value!;
      expect(value.ok).toBe(true);
      if (!value.ok) return;
      expect(value.progress.finished).toBe(true);
      expect(value.progress.counts).toEqual({ sent: 3, invalid: 1 });

      const values = sheetValues(workbook);
      const statusColumn = values[0]!.indexOf('JOOR Status');
      expect(statusColumn).toBe(3);
      expect(String(values[1]![statusColumn])).toMatch(/^Sent/);
      expect(String(values[2]![statusColumn])).toMatch(/^Sent/);
      expect(String(values[3]![statusColumn])).toMatch(/^Invalid: Row 4, column "Quantity"/);
      expect(String(values[4]![statusColumn])).toMatch(/^Sent/);

      expect(workbook.activeSheetId).toBe(0);

      // Once the status columns, the state sheet and the log sheet exist, a push writes one
      // block of statuses, the confirmed state and the run log row: three setValues in all.
      const again = runtime.execute('startPush', [{ sheetId: '0', options: DEFAULT_TEST_OPTIONS }], {
        kind: 'sidebar',
      });
      expect(again.calls['Range.setValues']).toBe(3);
      expect(again.calls['Range.setBackgrounds']).toBe(1);

      const stored = await emulator.control.positions();
      const byUpc = new Map(stored.positions.map((p) => [p.upc, p]));
      expect(byUpc.get('084567000017')?.quantity).toBe(5);
      expect(byUpc.get('084567000024')?.quantity).toBe(0);
      expect(byUpc.get('084567000048')?.quantity).toBe(7);
    } finally {
      runtime.close();
    }
  });

  it('cli entry rejects an unconfirmed overwrite', async () => {
    const workbook = makeWorkbook([
      ['UPC', 'Quantity'],
      ['084567000017', 5],
    ]);
    const runtime = createAddonRuntime(emulator, workbook);
    try {
      const result = runtime.execute<ReturnType<ServerApi['startPush']>>(
        'cliStartPush',
        [{ sheetId: '0', options: { ...DEFAULT_TEST_OPTIONS, overwrite: true } }],
        { kind: 'sidebar' },
      );
      const value = result.value!;
      expect(value.ok).toBe(false);
      if (!value.ok) expect(value.code).toBe('OVERWRITE_NOT_CONFIRMED');
      expect(await emulator.control.requests()).toEqual([]);
    } finally {
      runtime.close();
    }
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('refuses to call %s', (name) => {
    const runtime = createAddonRuntime(emulator, makeWorkbook([['UPC', 'Quantity']]));
    try {
      expect(runtime.execute(name, [], { kind: 'sidebar' }).ok).toBe(false);
    } finally {
      runtime.close();
    }
  });

  it('push without a token leaves the sheet untouched', () => {
    const workbook = makeWorkbook([
      ['UPC', 'Quantity'],
      ['084567000017', 5],
    ]);
    const runtime = createAddonRuntime(emulator, workbook, {}, { properties: { user: {} } });
    try {
      const result = runtime.execute<ReturnType<ServerApi['startPush']>>(
        'startPush',
        [{ sheetId: '0', options: DEFAULT_TEST_OPTIONS }],
        { kind: 'sidebar' },
      );
      const value = result.value!;
      expect(value.ok).toBe(false);
      if (value.ok) return;
      expect(value.code).toBe('NO_TOKEN');
      expect(value.message).toContain('Settings');
      expect(sheetValues(workbook)[0]).toEqual(['UPC', 'Quantity']);
    } finally {
      runtime.close();
    }
  });
});

describe('protocol through the bundle', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await emulator.control.reset();
    await emulator.control.resetSwitches();
  });

  const rows = [
    ['UPC', 'Quantity'],
    ['084567000017', 5],
    ['084567000024', 6],
  ];

  function push(runtime: ReturnType<typeof createAddonRuntime>, format: 'json' | 'xml') {
    const result = runtime.execute<ReturnType<ServerApi['startPush']>>(
      'startPush',
      [{ sheetId: '0', options: { ...DEFAULT_TEST_OPTIONS, format }, includeRows: true }],
      { kind: 'sidebar' },
    );
    expect(result.error).toBeUndefined();
    return result.value!;
  }

  it.each(['json', 'xml'] as const)('%s push gives the same statuses', async (format) => {
    const runtime = createAddonRuntime(emulator, makeWorkbook(rows));
    try {
      const value = push(runtime, format);
      expect(value.ok).toBe(true);
      if (!value.ok) return;
      expect(value.progress.counts).toEqual({ sent: 2 });
      const requests = await emulator.control.requests();
      expect(requests).toHaveLength(1);
    } finally {
      runtime.close();
    }
  });

  it('a rejected token leaves every row not sent', async () => {
    const runtime = createAddonRuntime(
      emulator,
      makeWorkbook(rows),
      {},
      {
        properties: { user: { 'joor.environment': 'sandbox', 'joor.token.sandbox': 'not-the-token' } },
      },
    );
    try {
      const value = push(runtime, 'json');
      expect(value.ok).toBe(true);
      if (!value.ok) return;
      expect(value.progress.counts).toEqual({ not_sent: 2 });
      expect(value.progress.message).toContain('JOOR rejected the token');
      const statuses = sheetValues(runtime.workbook!)
        .slice(1)
        .map((row) => String(row[2]));
      expect(statuses.every((text) => text.startsWith('Not sent'))).toBe(true);
      expect(statuses.join(' ')).not.toContain('not-the-token');
      expect(runtime.urlFetchLog.map((entry) => JSON.stringify(entry)).join(' ')).not.toContain(
        'not-the-token',
      );
    } finally {
      runtime.close();
    }
  });

  it.each([
    ['style_identifier', 'style_identifier'],
    ['style_identifer', 'style_identifer'],
    ['both', 'style_identifier'],
    ['both', 'style_identifer'],
    ['style_identifier', 'style_identifer'],
    ['style_identifer', 'style_identifier'],
  ] as const)('style key setting %s works when JOOR reads %s', async (setting, serverKey) => {
    await emulator.control.setSwitches({ styleIdentifierKey: serverKey });
    const runtime = createAddonRuntime(
      emulator,
      makeWorkbook([
        ['Style Number', 'Color Code', 'Size', 'Quantity'],
        ['SS27-TEE-01', '001', 'M', 4],
      ]),
      { styleIdentifierKey: setting },
    );
    try {
      const value = push(runtime, 'json');
      expect(value.ok).toBe(true);
      if (!value.ok) return;
      const expected = setting === 'both' || setting === serverKey ? { sent: 1 } : { failed: 1 };
      expect(value.progress.counts).toEqual(expected);
    } finally {
      runtime.close();
    }
  });
});
