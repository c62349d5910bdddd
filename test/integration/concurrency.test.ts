/**
 * The run lease across executions: while one push is between executions, a second push is
 * refused and changes nothing; once the lease expires, a new push may take it over.
 */

import type { EmulatorHandle } from '../../local/emulator/process';
import { createAddonRuntime, sheetValues, startEmulator } from '../helpers/local-addon';
import {
  catalogueSeed,
  continuePush,
  continueToEnd,
  driveToEnd,
  inventoryWorkbook,
  readRows,
  sequentialRows,
  startPush,
  unwrapProgress,
} from './harness';

/** A sidebar push's lease expires when it has not been renewed for 15 minutes. */
const LEASE_TTL_MS = 15 * 60 * 1000;

describe('run lease', () => {
  let emulator: EmulatorHandle;
  let startTimeMs: number;

  beforeAll(async () => {
    emulator = await startEmulator(catalogueSeed(200));
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await emulator.control.reset();
    await emulator.control.setFaults([]);
    const { nowMs } = await emulator.control.health();
    startTimeMs = Math.ceil((nowMs + 60_000) / 60_000) * 60_000;
  });

  /**
   * Starts a push of 130 rows at 2 per request, which stops after the first credit window and
   * holds the lease until it continues.
   */
  function startLongPush() {
    const workbook = inventoryWorkbook(sequentialRows(130));
    const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 2 }, { startTimeMs });
    const first = unwrapProgress(startPush(runtime), 'startPush');
    return { workbook, runtime, first };
  }

  describe('while a push holds the lease', () => {
    it('refuses a second push', () => {
      const { runtime } = startLongPush();
      const second = startPush(runtime).value;
      runtime.close();
      expect(second?.ok).toBe(false);
      if (second === undefined || second.ok) return;
      expect(second.code).toBe('LEASE_HELD');
      expect(second.message).toContain(
        `A push has been running since ${new Date(startTimeMs).toISOString().slice(11, 16)}`,
      );
    });

    it('leaves the sheet unchanged', () => {
      const { workbook, runtime } = startLongPush();
      const before = sheetValues(workbook);
      startPush(runtime);
      runtime.close();
      expect(sheetValues(workbook)).toEqual(before);
    });

    it('sends no request', async () => {
      const { runtime } = startLongPush();
      const requestsBefore = (await emulator.control.requests()).length;
      startPush(runtime);
      runtime.close();
      expect(await emulator.control.requests()).toHaveLength(requestsBefore);
    });

    it('keeps the first push running', () => {
      const { workbook, runtime, first } = startLongPush();
      const cursorBefore = runtime.properties().document?.['joor.cursor'];
      startPush(runtime);
      expect(runtime.properties().document?.['joor.cursor']).toBe(cursorBefore);
      const run = continueToEnd(runtime, {
        executions: [first],
        executionMs: [],
        killed: false,
        final: first,
      });
      runtime.close();
      expect(run.final.finished).toBe(true);
      expect(readRows(workbook).every((view) => view.status === 'Sent')).toBe(true);
    });
  });

  describe('while another execution holds the document lock', () => {
    it('refuses to start and sends nothing', async () => {
      const workbook = inventoryWorkbook(sequentialRows(4));
      const runtime = createAddonRuntime(emulator, workbook, {}, { startTimeMs });
      runtime.holdLock('document');
      const refused = startPush(runtime).value;
      runtime.close();
      expect(refused?.ok).toBe(false);
      if (refused === undefined || refused.ok) return;
      expect(refused.code).toBe('LOCK_BUSY');
      expect(await emulator.control.requests()).toEqual([]);
    });
  });

  describe('after the lease expires', () => {
    it('a new push takes over', () => {
      const { workbook, runtime, first } = startLongPush();
      runtime.clock.advanceTo(runtime.clock.now() + LEASE_TTL_MS + 60_000);
      const takeover = driveToEnd(runtime, startPush(runtime));
      runtime.close();
      expect(takeover.final.runId).not.toBe(first.runId);
      expect(takeover.final.finished).toBe(true);
      expect(readRows(workbook).every((view) => view.status.startsWith('Sent'))).toBe(true);
    });

    it('the stalled push cannot continue', () => {
      const { runtime, first } = startLongPush();
      runtime.clock.advanceTo(runtime.clock.now() + LEASE_TTL_MS + 60_000);
      driveToEnd(runtime, startPush(runtime));
      const stalled = continuePush(runtime, first.runId).value;
      runtime.close();
      expect(stalled?.ok).toBe(false);
      if (stalled === undefined || stalled.ok) return;
      expect(stalled.code).toBe('RUN_NOT_FOUND');
    });
  });
});
