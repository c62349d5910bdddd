/**
 * Test helpers that run the built bundle in the local Apps Script runtime against an emulator in
 * a child process, on an in-memory workbook.
 */

import { type EmulatorHandle, spawnEmulator } from '../../local/emulator/process';
import type { EmulatorSeed } from '../../local/emulator/seed-types';
import type { Switches } from '../../local/emulator/switches';
import { createLocalRuntime, type LocalRuntime, type RuntimeOptions } from '../../local/runtime';
import { addSheet, createWorkbook, TEXT_FORMAT, type Workbook } from '../../local/runtime/spreadsheet';

export type CellInput = string | number | boolean | null;

/** Builds a one-sheet workbook; string cells are stored as plain text, like typed text in a '@' column. */
export function makeWorkbook(
  rows: CellInput[][],
  options: { sheetName?: string; timeZone?: string; locale?: string } = {},
): Workbook {
  const workbook = createWorkbook({ timeZone: options.timeZone ?? 'UTC', locale: options.locale ?? 'en_US' });
  const sheet = addSheet(workbook, options.sheetName ?? 'Inventory');
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === null) return;
      sheet.values.set(r, c, cell);
      if (typeof cell === 'string') sheet.numberFormats.set(r, c, TEXT_FORMAT);
    });
  });
  // Sheets never has cells past its grid, so the grid grows with the rows.
  sheet.maxRows = Math.max(sheet.maxRows, rows.length);
  sheet.maxColumns = Math.max(sheet.maxColumns, ...rows.map((row) => row.length));
  return workbook;
}

/** Reads a sheet's cells as a 2-D array of raw values ('' for empty). */
export function sheetValues(
  workbook: Workbook,
  sheetName = 'Inventory',
): Array<Array<string | number | boolean>> {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (sheet === undefined) throw new Error(`No sheet ${sheetName}`);
  return sheet.values.rows.map((row) => (row ?? []).map((cell) => (cell === undefined ? '' : cell)));
}

export const SANDBOX = 'https://apisandbox.jooraccess.com';
export const PRODUCTION = 'https://api.jooraccess.com';

export interface AddonHarness {
  runtime: LocalRuntime;
  emulator: EmulatorHandle;
  workbook: Workbook;
  close(): Promise<void>;
}

export async function startEmulator(
  seed?: EmulatorSeed | string,
  switches?: Partial<Switches>,
): Promise<EmulatorHandle> {
  return spawnEmulator({
    ...(seed === undefined ? {} : { seed }),
    ...(switches === undefined ? {} : { switches }),
  });
}

/** Creates a runtime whose JOOR hosts route to the emulator and whose user has the emulator's token saved. */
export function createAddonRuntime(
  emulator: EmulatorHandle,
  workbook: Workbook,
  documentSettings: Record<string, unknown> = {},
  extra: Partial<RuntimeOptions> = {},
): LocalRuntime {
  return createLocalRuntime({
    workbook,
    routes: { [SANDBOX]: emulator.url, [PRODUCTION]: emulator.url },
    properties: {
      user: { 'joor.environment': 'sandbox', 'joor.token.sandbox': emulator.token },
      document: {
        'joor.settings': JSON.stringify({
          warehouses: ['Default'],
          itemsPerRequest: 500,
          ...documentSettings,
        }),
      },
    },
    ...extra,
  });
}

export const DEFAULT_TEST_OPTIONS = {
  defaultWarehouse: 'Default',
  overwrite: false,
  replaceFromSheet: false,
  decPending: false,
  changeOnly: false,
  format: 'json' as const,
};
