// Runs the sidebar's calls through build/Code.js in the local Apps Script runtime, with JOOR's
// fixed hosts routed to an emulator started in a child process on 127.0.0.1.

import { readFile } from 'node:fs/promises';
import { type EmulatorHandle, spawnEmulator } from '../emulator/process';
import { createLocalRuntime, type LocalRuntime } from '../runtime';
import { loadWorkbook } from '../runtime/spreadsheet/load';
import type { Workbook } from '../runtime/spreadsheet/model';
import { saveWorkbook } from '../runtime/spreadsheet/save';
import type { SidebarBackend } from './backend';

export interface RuntimeBackendOptions {
  file: string;
  timeZone: string;
  locale: string;
  /** JSON file with `warehouses`, `columnMapping`, `options` and `itemsPerRequest`. */
  settingsFile?: string;
  onLog?: (line: string) => void;
}

/** Settings file fields, as `npm start -- --settings FILE` reads them. */
interface SettingsFile {
  warehouses?: string[];
  columnMapping?: Record<string, string>;
  options?: Record<string, unknown>;
  itemsPerRequest?: number;
}

// Property keys the add-on reads its document settings from (src/server/settings.ts).
const DOCUMENT_SETTINGS_KEY = 'joor.settings';
const LAST_OPTIONS_KEY = 'joor.lastOptions';

export async function createRuntimeBackend(options: RuntimeBackendOptions): Promise<SidebarBackend> {
  const workbook = await loadWorkbook(options.file, { timeZone: options.timeZone, locale: options.locale });
  const document = options.settingsFile ? await documentProperties(options.settingsFile, workbook) : {};
  const emulator: EmulatorHandle = await spawnEmulator({});
  let runtime: LocalRuntime;
  try {
    runtime = createLocalRuntime({
      workbook,
      routes: {
        'https://apisandbox.jooraccess.com': emulator.url,
        'https://api.jooraccess.com': emulator.url,
      },
      properties: { document },
      ...(options.onLog ? { onLog: options.onLog } : {}),
    });
  } catch (error) {
    await emulator.stop();
    throw error;
  }

  return {
    async execute(name, args) {
      const result = runtime.execute(name, args, { kind: 'sidebar' });
      if (!result.ok) throw new Error(result.error?.message ?? `${name} failed without a message.`);
      return result.value;
    },
    workbook: (): Workbook => workbook,
    save: (path) => saveWorkbook(workbook, path),
    async close() {
      runtime.close();
      await emulator.stop();
    },
    describe: () =>
      `build/Code.js in the local runtime; JOOR emulator at ${emulator.url} (demo token: ${emulator.token})`,
  };
}

/** Converts a settings file into the document properties the add-on reads. */
async function documentProperties(file: string, workbook: Workbook): Promise<Record<string, string>> {
  const settings = JSON.parse(await readFile(file, 'utf8')) as SettingsFile;
  const firstSheet = workbook.sheets.find((sheet) => !sheet.hidden);
  const columnMappings =
    settings.columnMapping && firstSheet ? { [String(firstSheet.sheetId)]: settings.columnMapping } : {};
  const properties: Record<string, string> = {
    [DOCUMENT_SETTINGS_KEY]: JSON.stringify({
      ...(settings.warehouses ? { warehouses: settings.warehouses } : {}),
      ...(settings.itemsPerRequest ? { itemsPerRequest: settings.itemsPerRequest } : {}),
      columnMappings,
    }),
  };
  if (settings.options) properties[LAST_OPTIONS_KEY] = JSON.stringify(settings.options);
  return properties;
}
