/**
 * Pushes one workbook through build/Code.js in the local runtime against an emulator child
 * process, continuing the run the way the CLI does, and counts requests, UrlFetch calls and
 * SpreadsheetApp calls.
 */

import { spawnEmulator } from '../emulator/process';
import type { EmulatorSeed } from '../emulator/seed-types';
import { createLocalRuntime, type ExecutionResult } from '../runtime';
import { loadWorkbook } from '../runtime/spreadsheet';

const JOOR_HOSTS = ['https://apisandbox.jooraccess.com', 'https://api.jooraccess.com'];
/** A push that needs more executions than this is reported as failed. */
const MAX_EXECUTIONS = 200;
/** Services whose calls are not SpreadsheetApp calls. */
const OTHER_SERVICES = new Set([
  'UrlFetchApp',
  'PropertiesService',
  'Properties',
  'LockService',
  'Lock',
  'Utilities',
  'Session',
  'ScriptApp',
  'CacheService',
  'Cache',
  'HtmlService',
  'Logger',
  'console',
  'HTTPResponse',
]);

interface Progress {
  runId: string;
  finished: boolean;
  resumeAfter?: string;
  requestsSent: number;
  message: string;
}

type Reply = { ok: true; progress: Progress } | { ok: false; code: string; message: string };

export interface BundleFigures {
  requests: number;
  expectedRequests: number;
  urlFetchCalls: number;
  spreadsheetCalls: number;
  /** Range.setValues calls: status blocks, headers and the bookkeeping sheets. */
  setValuesCalls: number;
  /** SpreadsheetApp calls by method, over every execution. */
  spreadsheetCallsByMethod: Record<string, number>;
  executions: number;
  wallMs: number;
  virtualMs: number;
  rowsWithStatus: number;
  message: string;
  error?: string;
}

function progressOf(result: ExecutionResult<Reply>, name: string): Progress {
  if (!result.ok) {
    throw new Error(
      `${name} failed: ${result.killed ? 'killed at the 6-minute execution limit' : result.error?.message}`,
    );
  }
  const reply = result.value;
  if (reply === undefined || !reply.ok) {
    throw new Error(
      `${name} was rejected: ${reply === undefined ? 'no value' : `${reply.code}: ${reply.message}`}`,
    );
  }
  return reply.progress;
}

/** Counts data rows under the header whose "JOOR Status" cell is filled. */
function countStatuses(values: (unknown[] | undefined)[]): number {
  const header = (values[0] ?? []).map(String);
  const column = header.indexOf('JOOR Status');
  if (column < 0) return 0;
  let filled = 0;
  for (let row0 = 1; row0 < values.length; row0++) {
    const cell = values[row0]?.[column];
    if (cell !== undefined && cell !== '') filled++;
  }
  return filled;
}

export async function measureBundle(
  file: string,
  seed: EmulatorSeed,
  itemsPerRequest: number,
): Promise<BundleFigures> {
  const workbook = await loadWorkbook(file, { timeZone: 'UTC', locale: 'en_US' });
  const sheet = workbook.sheets[0]!;
  const dataRows = sheet.values.rows.length - 1;
  const emulator = await spawnEmulator({ seed });
  const runtime = createLocalRuntime({
    workbook,
    routes: Object.fromEntries(JOOR_HOSTS.map((host) => [host, emulator.url])),
    properties: {
      user: { 'joor.environment': 'sandbox', 'joor.token.sandbox': emulator.token },
      document: { 'joor.settings': JSON.stringify({ warehouses: ['Default'], itemsPerRequest }) },
    },
  });
  const figures: BundleFigures = {
    requests: 0,
    expectedRequests: Math.ceil(dataRows / itemsPerRequest),
    urlFetchCalls: 0,
    spreadsheetCalls: 0,
    setValuesCalls: 0,
    spreadsheetCallsByMethod: {},
    executions: 0,
    wallMs: 0,
    virtualMs: 0,
    rowsWithStatus: 0,
    message: '',
  };
  const started = performance.now();
  const virtualStarted = runtime.clock.now();
  try {
    figures.executions = 1;
    let progress = progressOf(
      runtime.execute<Reply>(
        'cliStartPush',
        [
          {
            sheetId: String(sheet.sheetId),
            options: {
              defaultWarehouse: 'Default',
              overwrite: false,
              replaceFromSheet: false,
              decPending: false,
              changeOnly: false,
              format: 'json',
            },
          },
        ],
        { kind: 'cli' },
      ),
      'cliStartPush',
    );
    while (!progress.finished) {
      if (figures.executions >= MAX_EXECUTIONS) {
        throw new Error(`the push did not finish within ${MAX_EXECUTIONS} executions`);
      }
      if (progress.resumeAfter !== undefined) runtime.clock.advanceTo(Date.parse(progress.resumeAfter));
      figures.executions++;
      progress = progressOf(
        runtime.execute<Reply>('continuePush', [progress.runId, false], { kind: 'cli' }),
        'continuePush',
      );
    }
    figures.message = progress.message;
  } catch (error) {
    figures.error = error instanceof Error ? error.message : String(error);
  } finally {
    figures.wallMs = performance.now() - started;
    figures.virtualMs = runtime.clock.now() - virtualStarted;
    figures.requests = (await emulator.control.requests()).length;
    figures.urlFetchCalls = runtime.urlFetchLog.length;
    for (const [method, count] of Object.entries(runtime.callCounts())) {
      if (OTHER_SERVICES.has(method.split('.')[0] ?? '')) continue;
      figures.spreadsheetCallsByMethod[method] = count;
      figures.spreadsheetCalls += count;
    }
    figures.setValuesCalls = figures.spreadsheetCallsByMethod['Range.setValues'] ?? 0;
    figures.rowsWithStatus = countStatuses(sheet.values.rows);
    runtime.close();
    await emulator.stop();
  }
  return figures;
}
