/**
 * A push, the workbook saved as .xlsx and opened again, then a second push: the confirmed state
 * must still match the sheet's rows, so "Replace from sheet" zeroes nothing that is in the sheet
 * and change-only skips what did not change.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EmulatorHandle } from '../../local/emulator/process';
import { loadWorkbook, saveWorkbook } from '../../local/runtime/spreadsheet';
import { createAddonRuntime, startEmulator } from '../helpers/local-addon';
import {
  catalogueSeed,
  inventoryWorkbook,
  pushOptions,
  readRows,
  sequentialRows,
  startPush,
  storedQuantities,
  unwrapProgress,
} from './harness';

describe('second push after saving the workbook', () => {
  let emulator: EmulatorHandle;
  const dir = mkdtempSync(path.join(tmpdir(), 'joor-saved-'));

  beforeAll(async () => {
    emulator = await startEmulator(catalogueSeed(20));
  });

  afterAll(async () => {
    await emulator.stop();
  });

  async function pushSaveAndReopen() {
    await emulator.control.reset();
    const startTimeMs = (await emulator.control.health()).nowMs + 1000;
    const first = createAddonRuntime(emulator, inventoryWorkbook(sequentialRows(10)), {}, { startTimeMs });
    unwrapProgress(startPush(first), 'startPush');
    const properties = first.properties();
    const file = path.join(dir, `saved-${Date.now()}.xlsx`);
    await saveWorkbook(first.workbook!, file);
    first.close();
    const reopened = await loadWorkbook(file, { timeZone: 'UTC', locale: 'en_US' });
    return createAddonRuntime(emulator, reopened, {}, { properties, startTimeMs: startTimeMs + 600_000 });
  }

  it('replace from sheet zeroes nothing in the sheet', async () => {
    const runtime = await pushSaveAndReopen();
    try {
      const before = storedQuantities((await emulator.control.positions()).positions);
      const progress = unwrapProgress(
        startPush(runtime, { options: pushOptions({ replaceFromSheet: true }) }),
        'startPush',
      );
      expect(progress.finished).toBe(true);
      const after = storedQuantities((await emulator.control.positions()).positions);
      expect(after).toEqual(before);
      expect(progress.message).not.toContain('set to 0');
    } finally {
      runtime.close();
    }
  });

  it('change-only skips the unchanged rows', async () => {
    const runtime = await pushSaveAndReopen();
    try {
      const requestsBefore = (await emulator.control.requests()).length;
      unwrapProgress(startPush(runtime, { options: pushOptions({ changeOnly: true }) }), 'startPush');
      expect((await emulator.control.requests()).length).toBe(requestsBefore);
      expect(readRows(runtime.workbook!).every((row) => row.status.startsWith('Unchanged'))).toBe(true);
    } finally {
      runtime.close();
    }
  });
});
