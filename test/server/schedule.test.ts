/**
 * Scheduled pushes through the bundle: the schedule endpoints, the trigger path in the local
 * runtime, change-only mode, resuming a run cut at the time budget, the guards and the watchdog.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EmulatorHandle } from '../../local/emulator/process';
import type { EmulatorSeed } from '../../local/emulator/seed-types';
import type { LocalRuntime } from '../../local/runtime';
import type { ServerApi } from '../../src/shared/api';
import {
  type CellInput,
  createAddonRuntime,
  DEFAULT_TEST_OPTIONS,
  makeWorkbook,
  sheetValues,
  startEmulator,
} from '../helpers/local-addon';

const seed = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../examples/catalogue.json'), 'utf8'),
) as EmulatorSeed;
const UPCS = seed.catalogue.map((sku) => sku.upc!).filter((upc) => upc !== undefined);
const HOUR = 3_600_000;

function inventoryRows(count: number, quantity = 5): CellInput[][] {
  return [['UPC', 'Quantity'], ...UPCS.slice(0, count).map((upc, i) => [upc, quantity + i] as CellInput[])];
}

type Result<K extends keyof ServerApi> = ReturnType<ServerApi[K]>;

function call<K extends keyof ServerApi>(runtime: LocalRuntime, name: K, ...args: Parameters<ServerApi[K]>) {
  const result = runtime.execute<Result<K>>(name, args, { kind: 'sidebar' });
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
  return result.value!;
}

function statusColumn(runtime: LocalRuntime): Array<string | number | boolean> {
  const values = sheetValues(runtime.workbook!);
  const column = values[0]!.indexOf('JOOR Status');
  return values.slice(1).map((row) => row[column] ?? '');
}

function logRows(runtime: LocalRuntime): Array<Array<string | number | boolean>> {
  return sheetValues(runtime.workbook!, 'JOOR Sync Log').slice(1);
}

describe('scheduled pushes', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    emulator = await startEmulator(seed);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  let startTimeMs = 0;

  beforeEach(async () => {
    await emulator.control.reset();
    // The emulator's clock never moves backwards, so each runtime starts after it.
    startTimeMs = (await emulator.control.health()).nowMs + 1000;
  });

  function setUp(rows: CellInput[][], settings: Record<string, unknown> = {}) {
    return createAddonRuntime(emulator, makeWorkbook(rows), settings, { startTimeMs });
  }

  it('saving twice keeps exactly one trigger', () => {
    const runtime = setUp(inventoryRows(3));
    try {
      const request = { interval: 'hourly' as const, sheetId: '0', options: DEFAULT_TEST_OPTIONS };
      expect(call(runtime, 'saveSchedule', request).ok).toBe(true);
      expect(call(runtime, 'saveSchedule', { ...request, interval: 'every4h' }).ok).toBe(true);
      expect(runtime.triggers()).toHaveLength(1);
      expect(runtime.triggers()[0]!.handlerFunction).toBe('onScheduledPush');
    } finally {
      runtime.close();
    }
  });

  it('turning the schedule off deletes the trigger', () => {
    const runtime = setUp(inventoryRows(3));
    try {
      call(runtime, 'saveSchedule', { interval: 'hourly', sheetId: '0', options: DEFAULT_TEST_OPTIONS });
      expect(call(runtime, 'deleteSchedule').ok).toBe(true);
      expect(runtime.triggers()).toHaveLength(0);
      const state = call(runtime, 'getSchedule');
      expect(state.ok && state.schedule).toBeFalsy();
    } finally {
      runtime.close();
    }
  });

  it.each([['every15min'], ['weekly'], ['']])('rejects interval %p', (interval) => {
    const runtime = setUp(inventoryRows(3));
    try {
      const result = call(runtime, 'saveSchedule', {
        interval: interval as 'hourly',
        sheetId: '0',
        options: DEFAULT_TEST_OPTIONS,
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe('INVALID_SCHEDULE');
      expect(runtime.triggers()).toHaveLength(0);
    } finally {
      runtime.close();
    }
  });

  it('scheduled overwrite needs the typed confirmation', () => {
    const runtime = setUp(inventoryRows(3));
    try {
      const result = call(runtime, 'saveSchedule', {
        interval: 'hourly',
        sheetId: '0',
        options: { ...DEFAULT_TEST_OPTIONS, overwrite: true },
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe('OVERWRITE_NOT_CONFIRMED');
      expect(runtime.triggers()).toHaveLength(0);
    } finally {
      runtime.close();
    }
  });

  it('daily schedule needs an hour', () => {
    const runtime = setUp(inventoryRows(3));
    try {
      const missing = call(runtime, 'saveSchedule', {
        interval: 'daily',
        sheetId: '0',
        options: DEFAULT_TEST_OPTIONS,
      });
      expect(missing.ok).toBe(false);
      const saved = call(runtime, 'saveSchedule', {
        interval: 'daily',
        hour: 6,
        sheetId: '0',
        options: DEFAULT_TEST_OPTIONS,
      });
      expect(saved.ok).toBe(true);
      if (!saved.ok) return;
      expect(saved.schedule.hour).toBe(6);
      const next = new Date(saved.schedule.nextRunAt!);
      expect(next.getUTCHours()).toBe(6);
      expect(next.getTime() - runtime.clock.now()).toBeLessThanOrEqual(24 * HOUR);
    } finally {
      runtime.close();
    }
  });

  it('a fire pushes, writes statuses and a log row', async () => {
    const runtime = setUp(inventoryRows(4));
    try {
      call(runtime, 'saveSchedule', {
        interval: 'hourly',
        sheetId: '0',
        options: { ...DEFAULT_TEST_OPTIONS },
      });
      const fired = runtime.runDueTriggers(runtime.clock.now() + HOUR + 1);
      expect(fired).toHaveLength(1);
      expect(fired[0]!.error).toBeUndefined();
      expect(statusColumn(runtime).every((text) => String(text).startsWith('Sent'))).toBe(true);
      const log = logRows(runtime);
      expect(log).toHaveLength(1);
      expect(log[0]![1]).toBe('schedule');
      expect(log[0]![16]).toBe('succeeded');
      expect((await emulator.control.positions()).positions).toHaveLength(4 + (seed.positions?.length ?? 0));
    } finally {
      runtime.close();
    }
  });

  it('change-only fire sends only the changed row', async () => {
    const runtime = setUp(inventoryRows(5));
    try {
      call(runtime, 'saveSchedule', {
        interval: 'hourly',
        sheetId: '0',
        options: { ...DEFAULT_TEST_OPTIONS, changeOnly: true },
      });
      runtime.runDueTriggers(runtime.clock.now() + HOUR + 1);
      const firstRequests = (await emulator.control.requests()).length;

      runtime.workbook!.sheets[0]!.values.set(3, 1, 77);
      runtime.runDueTriggers(runtime.clock.now() + HOUR + 1);
      const requests = await emulator.control.requests();
      expect(requests).toHaveLength(firstRequests + 1);
      expect(requests.at(-1)!.lineCount).toBe(1);
      const statuses = statusColumn(runtime);
      expect(String(statuses[2])).toMatch(/^Sent/);
      expect(String(statuses[0])).toMatch(/^Unchanged/);
    } finally {
      runtime.close();
    }
  });

  it('a run cut at the time budget resumes at the next fire', async () => {
    // One line per request and 70 rows: JOOR's 60 writes per window run out, and waiting for the
    // next window would pass the execution budget, so the run stops and the next fire finishes it.
    const runtime = setUp(inventoryRows(70), { itemsPerRequest: 1 });
    try {
      call(runtime, 'saveSchedule', { interval: 'hourly', sheetId: '0', options: DEFAULT_TEST_OPTIONS });
      const first = runtime.runDueTriggers(runtime.clock.now() + HOUR + 1);
      expect(first[0]!.error).toBeUndefined();
      expect(first[0]!.killed).toBe(false);
      const afterFirst = statusColumn(runtime);
      expect(afterFirst.filter((text) => String(text).startsWith('Sent')).length).toBe(60);
      expect(runtime.properties().document['joor.cursor']).toBeDefined();

      runtime.runDueTriggers(runtime.clock.now() + HOUR + 1);
      const afterSecond = statusColumn(runtime);
      expect(afterSecond.every((text) => String(text).startsWith('Sent'))).toBe(true);
      expect(runtime.properties().document['joor.cursor']).toBeUndefined();
      const requests = await emulator.control.requests();
      expect(requests.filter((r) => r.status === 200)).toHaveLength(70);
    } finally {
      runtime.close();
    }
  });

  it('scheduled overwrite with an invalid row is aborted', async () => {
    const rows = inventoryRows(4);
    rows[2] = [UPCS[1]!, 'N/A'];
    const runtime = setUp(rows);
    try {
      const saved = call(runtime, 'saveSchedule', {
        interval: 'hourly',
        sheetId: '0',
        options: { ...DEFAULT_TEST_OPTIONS, overwrite: true },
        overwriteConfirmation: 'OVERWRITE',
      });
      expect(saved.ok).toBe(true);
      runtime.runDueTriggers(runtime.clock.now() + HOUR + 1);
      expect(await emulator.control.requests()).toEqual([]);
      const log = logRows(runtime);
      expect(log.at(-1)![16]).toBe('aborted');
      expect(String(log.at(-1)![17])).toContain('Scheduled overwrite blocked');
    } finally {
      runtime.close();
    }
  });

  it('too many uncalculated cells wait for the next run', async () => {
    const rows = inventoryRows(10);
    rows[1] = [UPCS[0]!, '#N/A'];
    const runtime = setUp(rows);
    try {
      call(runtime, 'saveSchedule', { interval: 'hourly', sheetId: '0', options: DEFAULT_TEST_OPTIONS });
      runtime.runDueTriggers(runtime.clock.now() + HOUR + 1);
      expect(await emulator.control.requests()).toEqual([]);
      expect(String(logRows(runtime).at(-1)![17])).toContain('not calculated yet');
    } finally {
      runtime.close();
    }
  });

  it('pauses after three failed runs and resumes on request', () => {
    const runtime = setUp(inventoryRows(3));
    try {
      call(runtime, 'saveSchedule', { interval: 'hourly', sheetId: '0', options: DEFAULT_TEST_OPTIONS });
      call(runtime, 'saveSettings', { token: 'wrong-token' });
      for (let fire = 0; fire < 3; fire++) runtime.runDueTriggers(runtime.clock.now() + HOUR + 1);
      const state = call(runtime, 'getSchedule');
      expect(state.ok).toBe(true);
      if (!state.ok) return;
      expect(state.schedule?.paused).toBe(true);
      expect(state.schedule?.pauseReason).toContain('3 scheduled runs in a row failed');
      expect(state.warnings.join(' ')).toContain('paused');

      const resumed = call(runtime, 'resumeSchedule');
      expect(resumed.ok && resumed.schedule.paused).toBe(false);
    } finally {
      runtime.close();
    }
  });

  it('needs re-authorisation: records it and sends nothing', async () => {
    const runtime = createAddonRuntime(emulator, makeWorkbook(inventoryRows(3)), {}, { startTimeMs });
    try {
      call(runtime, 'saveSchedule', { interval: 'hourly', sheetId: '0', options: DEFAULT_TEST_OPTIONS });
    } finally {
      runtime.close();
    }
    const properties = runtime.properties();
    const again = createAddonRuntime(
      emulator,
      runtime.workbook!,
      {},
      {
        authorizationRequired: true,
        properties,
        startTimeMs,
      },
    );
    try {
      const trigger = again.triggers()[0];
      // The trigger table is per runtime, so fire the handler directly as a trigger execution.
      const result = again.execute('onScheduledPush', [{ authMode: 'FULL' }], {
        kind: 'trigger',
        authMode: 'FULL',
      });
      expect(trigger).toBeUndefined();
      expect(result.error).toBeUndefined();
      expect(await emulator.control.requests()).toEqual([]);
      const schedule = JSON.parse(again.properties().document['joor.schedule']!) as { lastOutcome: string };
      expect(schedule.lastOutcome).toBe('reauthorization_needed');
    } finally {
      again.close();
    }
  });

  it('watchdog reports a missed run', () => {
    const runtime = setUp(inventoryRows(3));
    try {
      call(runtime, 'saveSchedule', { interval: 'hourly', sheetId: '0', options: DEFAULT_TEST_OPTIONS });
      runtime.clock.advanceTo(runtime.clock.now() + 3 * HOUR);
      const state = call(runtime, 'getSidebarState');
      expect(state.ok).toBe(true);
      if (state.ok) expect(state.state.warnings.join(' ')).toContain('did not run');
    } finally {
      runtime.close();
    }
  });
});
