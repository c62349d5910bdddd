/**
 * Overwrite and "Replace from sheet" through the built bundle against the emulator, whose
 * `overwrite=1` clears the whole account once per request (JOOR's documented account scope).
 */

import type { ScheduledFault } from '../../local/emulator/faults';
import type { EmulatorHandle } from '../../local/emulator/process';
import type { SeedPosition } from '../../local/emulator/seed-types';
import { createAddonRuntime, startEmulator } from '../helpers/local-addon';
import {
  catalogueSeed,
  driveToEnd,
  inventoryWorkbook,
  pushOptions,
  readRows,
  sequentialRows,
  startPush,
  storedQuantities,
  upcOf,
  WAREHOUSE,
} from './harness';

/** Catalogue entries 100…119 have stock before every test; no sheet below lists them. */
const OTHER_STOCK: SeedPosition[] = Array.from({ length: 20 }, (_, offset) => ({
  upc: upcOf(100 + offset),
  warehouse: WAREHOUSE,
  quantity: 50 + offset,
}));

const OVERWRITE = { options: pushOptions({ overwrite: true }), overwriteConfirmation: 'OVERWRITE' };

describe('overwrite', () => {
  let emulator: EmulatorHandle;
  let startTimeMs: number;

  beforeAll(async () => {
    emulator = await startEmulator({ ...catalogueSeed(200), positions: OTHER_STOCK });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await emulator.control.reset();
    await emulator.control.setFaults([]);
    startTimeMs = (await emulator.control.health()).nowMs + 60_000;
  });

  /** Non-zero stored quantities by UPC: what a buyer would see as stock. */
  async function stockInJoor(): Promise<Map<string, number>> {
    const stored = storedQuantities((await emulator.control.positions()).positions);
    return new Map([...stored].filter(([, quantity]) => quantity !== 0));
  }

  function expectedStock(rows: Array<{ index: number; quantity: unknown }>): Map<string, number> {
    return new Map(
      rows.filter((row) => row.quantity !== 0).map((row) => [upcOf(row.index), Number(row.quantity)]),
    );
  }

  describe('chunked overwrite that fits one window', () => {
    // 30 rows at 10 per request: 3 requests, well inside one execution and one credit window.
    const rows = sequentialRows(30);

    async function pushOverwrite(faults: ScheduledFault[] = []) {
      await emulator.control.setFaults(faults);
      const workbook = inventoryWorkbook(rows);
      const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 10 }, { startTimeMs });
      const run = driveToEnd(runtime, startPush(runtime, OVERWRITE));
      runtime.close();
      return { workbook, run, requests: await emulator.control.requests() };
    }

    it('leaves exactly the sheet in JOOR', async () => {
      await pushOverwrite();
      expect(await stockInJoor()).toEqual(expectedStock(rows));
    });

    it('sends overwrite=1 on the first request only', async () => {
      const { requests } = await pushOverwrite();
      expect(requests.map((request) => request.overwrite)).toEqual([true, false, false]);
    });

    it('labels every row sent', async () => {
      const { workbook } = await pushOverwrite();
      expect(readRows(workbook).every((view) => view.status === 'Sent')).toBe(true);
    });

    it.each<[string, ScheduledFault[]]>([
      ['a dropped first request', [{ at: 1, kind: 'drop' }]],
      ['a 503 on the first request', [{ at: 1, kind: 'status', status: 503 }]],
      ['a 503 on a later request', [{ at: 3, kind: 'status', status: 503 }]],
      ['a 504 after a later request was applied', [{ at: 2, kind: 'status_after_apply' }]],
    ])('never repeats overwrite=1 after %s', async (_name, faults) => {
      const { requests } = await pushOverwrite(faults);
      const firstSuccess = requests.findIndex((request) => request.status === 200);
      const lateOverwrites = requests.slice(firstSuccess + 1).filter((request) => request.overwrite);
      expect(lateOverwrites).toEqual([]);
    });

    it('leaves the sheet in JOOR after retries', async () => {
      await pushOverwrite([
        { at: 1, kind: 'drop' },
        { at: 3, kind: 'status', status: 503 },
      ]);
      expect(await stockInJoor()).toEqual(expectedStock(rows));
    });
    // A 429 on the first request applies nothing, so the continuation must send overwrite=1 again
    // on its first request, and JOOR must end with exactly the sheet's stock.
    it('overwrite throttled on its first request still replaces', async () => {
      const { workbook } = await pushOverwrite([
        { at: 1, kind: 'throttle', headers: { 'Retry-After': '10' } },
      ]);
      expect(readRows(workbook).every((view) => view.status === 'Sent')).toBe(true);
      expect(await stockInJoor()).toEqual(expectedStock(rows));
    });
  });

  describe('overwrite that needs more than one window', () => {
    // 130 rows at 2 per request need 65 requests; JOOR allows 60 writes per 5-minute window.
    const rows = sequentialRows(130);

    function pushOverwrite() {
      const workbook = inventoryWorkbook(rows);
      const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 2 }, { startTimeMs });
      const result = startPush(runtime, OVERWRITE);
      runtime.close();
      return { workbook, value: result.value };
    }

    it('is refused with the replace offer', () => {
      const { value } = pushOverwrite();
      expect(value?.ok).toBe(false);
      if (value === undefined || value.ok) return;
      expect(value.code).toBe('OVERWRITE_REFUSED');
      expect(value.message).toContain('Replace from sheet');
    });

    it('sends no request', async () => {
      pushOverwrite();
      expect(await emulator.control.requests()).toEqual([]);
    });

    it('leaves JOOR unchanged', async () => {
      pushOverwrite();
      expect(await stockInJoor()).toEqual(
        new Map(OTHER_STOCK.map((position) => [position.upc, position.quantity])),
      );
    });
  });

  describe('replace from sheet', () => {
    // A first push confirms catalogue entries 0…9; the sheet then loses entries 8 and 9.
    const firstRows = sequentialRows(10);
    const keptRows = firstRows.slice(0, 8).map((row) => ({ ...row, quantity: Number(row.quantity) + 100 }));

    function pushTwice() {
      const workbook = inventoryWorkbook(firstRows);
      const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 3 }, { startTimeMs });
      driveToEnd(runtime, startPush(runtime));
      const sheet = workbook.sheets[0]!;
      // Rows 10 and 11 hold entries 8 and 9; clear them and rewrite the quantities of the rest.
      sheet.values.rows.splice(firstRows.length - 1);
      keptRows.forEach((row, offset) => {
        sheet.values.set(1 + offset, 1, row.quantity);
      });
      const run = driveToEnd(
        runtime,
        startPush(runtime, { options: pushOptions({ replaceFromSheet: true }) }),
      );
      runtime.close();
      return { workbook, run };
    }

    it('zeroes keys missing from the sheet', async () => {
      pushTwice();
      const stored = storedQuantities((await emulator.control.positions()).positions);
      expect(stored.get(upcOf(8))).toBe(0);
      expect(stored.get(upcOf(9))).toBe(0);
    });

    it('updates the rows still in the sheet', async () => {
      pushTwice();
      const stored = storedQuantities((await emulator.control.positions()).positions);
      for (const row of keptRows) expect(stored.get(upcOf(row.index))).toBe(row.quantity);
    });

    it('keeps stock it never pushed', async () => {
      pushTwice();
      const stored = storedQuantities((await emulator.control.positions()).positions);
      for (const position of OTHER_STOCK) expect(stored.get(position.upc)).toBe(position.quantity);
    });

    it('sends no overwrite', async () => {
      pushTwice();
      const requests = await emulator.control.requests();
      expect(requests.some((request) => request.overwrite)).toBe(false);
    });
  });
});
