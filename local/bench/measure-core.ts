/**
 * Times the add-on's core on one workbook in plain Node: validateSheet, scopeRun, planBatches and
 * buildBulkRequest for every batch, against the floor of JSON.stringify over the final payloads.
 * A vm context slows plain arithmetic a lot, so the core is never timed inside the runtime. The
 * core is bundled by esbuild first, as in build/Code.js.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { CellValue, SheetInput } from '../../src/core/validation';
import type { PushOptions } from '../../src/shared/types';
import { formatDisplayValue, GENERAL_FORMAT, loadWorkbook, localeConventions } from '../runtime/spreadsheet';

type Core = typeof import('./core-entry');

/** Timed runs per workbook; the figures are the fastest run, after the first has warmed the JIT. */
const RUNS = 5;
const TOKEN = 'bench-token-not-a-secret-0000';
const OPTIONS: PushOptions = {
  defaultWarehouse: 'Default',
  overwrite: false,
  replaceFromSheet: false,
  decPending: false,
  changeOnly: false,
  format: 'json',
};

export interface CoreFigures {
  validRows: number;
  requests: number;
  /** CPU milliseconds of validate + scope + plan + build, fastest run. */
  coreMs: number;
  /** CPU milliseconds of JSON.stringify over the same payload objects, fastest run. */
  floorMs: number;
  ratio: number;
  stepsMs: { validate: number; scope: number; plan: number; build: number };
}

/** Reads the first sheet's values and display values as getValues and getDisplayValues return them. */
export async function readSheetInput(file: string): Promise<SheetInput> {
  const workbook = await loadWorkbook(file, { timeZone: 'UTC', locale: 'en_US' });
  const sheet = workbook.sheets[0];
  if (sheet === undefined) throw new Error(`${file} has no sheet.`);
  const conventions = localeConventions(workbook.locale);
  const width = Math.max(...sheet.values.rows.map((row) => row?.length ?? 0));
  const values: CellValue[][] = [];
  const displayValues: string[][] = [];
  sheet.values.rows.forEach((row, row0) => {
    const valueRow: CellValue[] = [];
    const displayRow: string[] = [];
    for (let column0 = 0; column0 < width; column0++) {
      const value = row?.[column0];
      if (value === undefined || value === null) {
        valueRow.push('');
        displayRow.push('');
        continue;
      }
      const format =
        sheet.numberFormats.get(row0, column0) ?? sheet.columnNumberFormats[column0] ?? GENERAL_FORMAT;
      valueRow.push(value as CellValue);
      displayRow.push(formatDisplayValue(value, format, conventions));
    }
    values.push(valueRow);
    displayValues.push(displayRow);
  });
  return {
    sheetName: sheet.name,
    values,
    displayValues,
    timeZone: workbook.timeZone,
    locale: workbook.locale,
  };
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function encodeBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

interface CoreRun {
  stepsMs: CoreFigures['stepsMs'];
  payloads: string[];
  validRows: number;
}

/** Bundles the core with the add-on's esbuild target and loads it. */
export function loadCore(): Core {
  const folder = mkdtempSync(path.join(tmpdir(), 'joor-bench-core-'));
  try {
    const outfile = path.join(folder, 'core.cjs');
    esbuild.buildSync({
      entryPoints: [path.join(__dirname, 'core-entry.ts')],
      bundle: true,
      format: 'cjs',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2020',
      outfile,
      logLevel: 'warning',
    });
    return require(outfile) as Core;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function runCore(core: Core, input: SheetInput, itemsPerRequest: number): CoreRun {
  const {
    buildBulkRequest,
    fingerprintLine,
    hashToken,
    planBatches,
    RESERVED_HEADERS,
    scopeRun,
    validateSheet,
  } = core;
  const tokenHash = hashToken(TOKEN);
  const started = cpuMs();
  const validation = validateSheet(input, {
    defaultWarehouse: 'Default',
    knownWarehouses: ['Default'],
    reservedHeaders: RESERVED_HEADERS,
    interactive: false,
    formatDate,
  });
  const validated = cpuMs();
  const scope = scopeRun({
    runId: 'run-bench',
    rows: validation.rows,
    options: OPTIONS,
    retryFailedOnly: false,
    stateOf: () => undefined,
    lastConfirmed: () => undefined,
    fingerprint: (item) => fingerprintLine(item, { environment: 'sandbox', tokenHash, decPending: false }),
    zeroLines: [],
  });
  const scoped = cpuMs();
  const batches = planBatches(scope.lines, itemsPerRequest);
  const planned = cpuMs();
  const payloads = batches.map((batch) => {
    const request = buildBulkRequest(
      batch.map((line) => line.item),
      {
        baseUrl: 'https://apisandbox.jooraccess.com',
        token: TOKEN,
        format: 'json',
        decPending: false,
        styleIdentifierKey: 'both',
      },
      { overwrite: false },
      encodeBase64,
    );
    return String(request.payload);
  });
  const built = cpuMs();
  return {
    stepsMs: {
      validate: validated - started,
      scope: scoped - validated,
      plan: planned - scoped,
      build: built - planned,
    },
    payloads,
    validRows: scope.lines.length,
  };
}

function total(steps: CoreFigures['stepsMs']): number {
  return steps.validate + steps.scope + steps.plan + steps.build;
}

/** Measures the core on `file`; the sheet is read before any timing starts. */
export async function measureCore(file: string, itemsPerRequest: number): Promise<CoreFigures> {
  const input = await readSheetInput(file);
  const core = loadCore();
  let best: CoreRun | undefined;
  let bestFloorMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run <= RUNS; run++) {
    const result = runCore(core, input, itemsPerRequest);
    // The floor serialises the very objects the payloads carry, so both sides do the same work.
    const objects = result.payloads.map((payload) => JSON.parse(payload) as unknown);
    const floorStarted = cpuMs();
    for (const object of objects) JSON.stringify(object);
    const floorMs = cpuMs() - floorStarted;
    if (run === 0) continue;
    if (best === undefined || total(result.stepsMs) < total(best.stepsMs)) best = result;
    bestFloorMs = Math.min(bestFloorMs, floorMs);
  }
  const winner = best as CoreRun;
  const coreMs = total(winner.stepsMs);
  return {
    validRows: winner.validRows,
    requests: winner.payloads.length,
    coreMs,
    floorMs: bestFloorMs,
    ratio: coreMs / bestFloorMs,
    stepsMs: winner.stepsMs,
  };
}
