// Shared setup for the spreadsheet fake tests: temporary folders and a recording environment.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Button,
  createSpreadsheetApp,
  type DialogRequest,
  type FakeEnvironment,
  type RecordedMenu,
  type UiHost,
  type Workbook,
} from '../../../local/runtime/spreadsheet';

/** A UiHost that records what the script showed and returns queued buttons from dialogs. */
export interface RecordingUi extends UiHost {
  menus: RecordedMenu[];
  alerts: DialogRequest[];
  toasts: string[];
  sidebars: string[];
  answers: Button[];
}

export function createRecordingUi(hasUi = true): RecordingUi {
  const ui: RecordingUi = {
    menus: [],
    alerts: [],
    toasts: [],
    sidebars: [],
    answers: [],
    hasUi: () => hasUi,
    addMenu: (menu) => {
      ui.menus.push(menu);
    },
    showSidebar: (output) => {
      ui.sidebars.push(output.getContent());
    },
    showModalDialog: () => {},
    showModelessDialog: () => {},
    alert: (request) => {
      ui.alerts.push(request);
      return ui.answers.shift() ?? Button.CLOSE;
    },
    prompt: () => ({ button: ui.answers.shift() ?? Button.CLOSE, text: '' }),
    toast: (message) => {
      ui.toasts.push(message);
    },
  };
  return ui;
}

/** Creates the fake with a log of counted calls and a recording UI host. */
export function createApp(workbook: Workbook, options: { hasUi?: boolean; DateCtor?: DateConstructor } = {}) {
  const calls: string[] = [];
  const ui = createRecordingUi(options.hasUi ?? true);
  const env: FakeEnvironment = {
    DateCtor: options.DateCtor ?? Date,
    onCall: (service, method) => {
      calls.push(`${service}.${method}`);
    },
    ui,
  };
  return { app: createSpreadsheetApp(workbook, env), calls, ui };
}

/** Creates a temporary folder and returns its path and a cleanup function. */
export async function createTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'spreadsheet-fake-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Formats a Date's instant as an ISO string, for asserts that read well. */
export function iso(value: unknown): string {
  if (Object.prototype.toString.call(value) !== '[object Date]') return `not a Date: ${String(value)}`;
  return (value as Date).toISOString();
}
