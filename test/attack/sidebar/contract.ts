/**
 * Calls the server functions directly through the preview server's google.script.run bridge
 * (`POST /rpc`) with wrong argument types, missing and extra arguments, huge payloads, names that
 * are not endpoints, and the public entry points that are not sidebar endpoints. Each call must
 * fail with a readable message and leave the sheet, the settings, the schedule and the run log as
 * they were.
 *
 * Run: node --import tsx test/attack/sidebar/contract.ts
 */

import path from 'node:path';
import { DEMO_TOKEN } from '../../browser/harness';
import { launchBrowser, openAttackPreview, ROOT } from './preview';

/** Message fragments that show a raw JavaScript error instead of a sentence a person can act on. */
const RAW_ERROR = /TypeError|ReferenceError|Cannot read|Cannot convert|is not a function|\[object |undefined|null\b|NaN/;

const HUGE = 'X'.repeat(900_000);
const ENDPOINTS = [
  'getSidebarState',
  'saveSettings',
  'testConnection',
  'addWarehouse',
  'getColumns',
  'saveColumnMapping',
  'validateSheet',
  'previewPush',
  'startPush',
  'continuePush',
  'cancelPush',
  'selectCell',
  'getSchedule',
  'saveSchedule',
  'deleteSchedule',
  'resumeSchedule',
  'getRunLog',
];
const ARGUMENT_SETS: unknown[][] = [
  [],
  [null],
  [42],
  ['text'],
  [[1, 2]],
  [{ sheetId: 42, options: 'x', mapping: 7, overwriteConfirmation: 1 }],
  [{ sheetId: '0', options: { overwrite: 'yes', defaultWarehouse: 5, format: 'yaml' } }],
  [{ __proto__: { overwrite: true }, sheetId: '0' }],
  ['0', { quantity: HUGE }, 'extra', 1, null],
  [HUGE],
  ['0', -1, 1e9],
];
const NOT_ENDPOINTS = [
  'eval',
  'Function',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__proto__',
  '__defineGetter__',
  '__lookupGetter__',
  '__addon',
  'globalThis',
  'SpreadsheetApp',
  'runScheduledPush',
  'endpoint',
  'getSidebarState_',
  '',
  ' getSidebarState',
];
/** Top-level functions of build/Code.js that Apps Script lets google.script.run call, but the sidebar never needs. */
const PUBLIC_NON_ENDPOINTS = ['onOpen', 'onInstall', 'showSidebar', 'menuValidate', 'menuPush', 'onScheduledPush'];

let failures = 0;

function report(ok: boolean, line: string): void {
  if (!ok) failures += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${line}`);
}

async function main(): Promise<void> {
  const { browser, close } = await launchBrowser();
  const preview = await openAttackPreview(browser, {
    file: path.join(ROOT, 'examples/inventory.xlsx'),
    settings: path.join(ROOT, 'examples/settings.json'),
  });

  const snapshot = async (): Promise<string> => {
    const grid = await (await fetch(new URL('grid', preview.url))).text();
    const state = await preview.rpc('getSidebarState', []);
    const schedule = await preview.rpc('getSchedule', []);
    const runs = await preview.rpc('getRunLog', [50]);
    return JSON.stringify({ grid, state, schedule, runs });
  };

  try {
    await preview.rpc('saveSettings', [{ token: DEMO_TOKEN }]);
    const before = await snapshot();

    for (const name of NOT_ENDPOINTS) {
      const answer = await preview.rpc(name, []);
      report(answer.ok === false, `not an endpoint ${JSON.stringify(name)} -> ${JSON.stringify(answer).slice(0, 160)}`);
    }

    let previous = before;
    for (const name of ENDPOINTS) {
      for (const args of ARGUMENT_SETS) {
        const started = Date.now();
        const answer = (await preview.rpc(name, args)) as {
          ok: boolean;
          value?: { ok?: boolean; code?: string; message?: string };
          message?: string;
        };
        const ms = Date.now() - started;
        const shortArgs = JSON.stringify(args).slice(0, 80);
        const message = answer.message ?? answer.value?.message ?? '';
        const valueOk = answer.ok && answer.value?.ok === true;
        if (!valueOk && RAW_ERROR.test(message)) {
          report(false, `${name}(${shortArgs}) raw error message: ${message.slice(0, 200)}`);
        }
        if (!answer.ok) {
          report(false, `${name}(${shortArgs}) threw instead of returning a failure: ${message.slice(0, 200)}`);
        }
        if (valueOk && !['getSidebarState', 'getSchedule', 'getRunLog', 'testConnection', 'getColumns'].includes(name)) {
          console.log(`INFO ${name}(${shortArgs}) succeeded in ${ms} ms: ${JSON.stringify(answer.value).slice(0, 200)}`);
        }
        const current = await snapshot();
        // A string is a valid warehouse name, so addWarehouse("text") may add it.
        const expected = name === 'addWarehouse' && typeof args[0] === 'string' && args[0].length <= 100;
        if (current !== previous && !expected) {
          report(false, `${name}(${shortArgs}) changed data: ${diff(previous, current)}`);
        }
        previous = current;
      }
    }

    for (const name of PUBLIC_NON_ENDPOINTS) {
      const answer = await preview.rpc(name, []);
      const after = await snapshot();
      if (after !== previous) console.log(`INFO ${name} changed data: ${diff(previous, after)}`);
      report(
        answer.ok === false,
        `public non-endpoint ${name} rejected when called from the sidebar -> ${JSON.stringify(answer).slice(0, 160)}; data ${after === previous ? 'unchanged' : 'CHANGED'}`,
      );
      previous = after;
    }

    // cliStartPush is public in the bundle and skips the OVERWRITE confirmation for the CLI.
    const state = (await preview.rpc('getSidebarState', [])) as {
      value: { state: { lastOptions: Record<string, unknown>; activeSheet: { sheetId: string } } };
    };
    const options = { ...state.value.state.lastOptions, overwrite: true, acceptDroppedRows: true };
    const refused = await preview.rpc('startPush', [{ sheetId: state.value.state.activeSheet.sheetId, options }]);
    console.log(`INFO startPush with overwrite and no confirmation -> ${JSON.stringify(refused).slice(0, 200)}`);
    const bypass = (await preview.rpc('cliStartPush', [{ sheetId: state.value.state.activeSheet.sheetId, options }])) as {
      ok: boolean;
      value?: { ok: boolean; progress?: { runId: string; finished: boolean; message: string } };
    };
    let progress = bypass.value?.progress;
    while (progress && !progress.finished) {
      const next = (await preview.rpc('continuePush', [progress.runId])) as typeof bypass;
      progress = next.value?.progress;
    }
    const log = (await preview.rpc('getRunLog', [5])) as { value: { runs: Array<Record<string, unknown>> } };
    const grid = await (await fetch(new URL('grid', preview.url))).text();
    const overwriteLogged = /overwrite/i.test(grid);
    report(
      !(bypass.ok && bypass.value?.ok),
      `cliStartPush with overwrite and no confirmation from the sidebar bridge -> ${JSON.stringify(bypass).slice(0, 200)}; run log ${JSON.stringify(log.value.runs[0] ?? {}).slice(0, 200)}; sync log mentions overwrite: ${overwriteLogged}`,
    );
  } finally {
    await preview.close();
    await close();
  }
  console.log(`${failures} failed`);
  process.exitCode = failures > 0 ? 1 : 0;
}

/** Returns the first differing stretch of two snapshots, for the log. */
function diff(before: string, after: string): string {
  let index = 0;
  while (index < before.length && before[index] === after[index]) index += 1;
  return `first difference at ${index}: before …${before.slice(index - 80, index + 200)}… after …${after.slice(index - 80, index + 200)}…`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
