/**
 * `npm run bench`: pushes 1k, 10k and 100k-row workbooks through the built bundle and the JOOR
 * emulator in the local runtime, and times the core (validation, run scope, batch planning and
 * request building) in plain Node against the JSON.stringify floor. Each size runs in its own
 * child process, so the peak memory of one size does not include the others.
 *
 *   npm run bench                          # 1000, 10000 and 100000 rows
 *   npm run bench -- --sizes 1000,5000     # other sizes
 *   npm run bench -- --core-only           # skip the push through the bundle
 *
 * Run `npm run build` first. This is a measurement, not a test: it prints the figures and the
 * target checks, and exits with status 1 only when a push through the bundle fails.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_HEADER, makeBenchWorkbook } from './make-workbook';
import { measureBundle } from './measure-bundle';
import { measureCore } from './measure-core';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/** Items per request for every push of the benchmark; the add-on's default. */
export const ITEMS_PER_REQUEST = 500;
/** Core time may be at most this multiple of the JSON.stringify floor. */
const MAX_FLOOR_RATIO = 3;
/** One status write per batch: Sheet.getRange, Range.setValues and the Range.setBackgrounds highlight. */
const STATUS_WRITE_CALLS_PER_BATCH = 3;
/** 100k rows must be validated and planned within this many milliseconds. */
const MAX_100K_CORE_MS = 2_000;

interface Arguments {
  sizes: number[];
  coreOnly: boolean;
  /** Set in the child process that measures one size. */
  child: number | undefined;
}

function readArguments(): Arguments {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      'core-only': { type: 'boolean', default: false },
      child: { type: 'string' },
    },
  });
  const sizes = (values.sizes ?? DEFAULT_SIZES.join(',')).split(',').map((text) => Number(text.trim()));
  const invalid = sizes.find((size) => !Number.isInteger(size) || size < 1);
  if (invalid !== undefined) {
    throw new Error(`--sizes must list whole row counts such as 1000,10000; found ${invalid}.`);
  }
  return {
    sizes,
    coreOnly: values['core-only'] === true,
    child: values.child === undefined ? undefined : Number(values.child),
  };
}

/** Measures one size and prints its figures as one JSON line for the parent. */
async function measureOneSize(rows: number, coreOnly: boolean): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'joor-bench-'));
  try {
    const file = path.join(folder, `bench-${rows}.xlsx`);
    const { seed } = await makeBenchWorkbook(rows, file);
    const core = await measureCore(file, ITEMS_PER_REQUEST);
    const bundle = coreOnly ? undefined : await measureBundle(file, seed, ITEMS_PER_REQUEST);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ rows, core, bundle, peakRssMb }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

type SizeResult = {
  rows: number;
  core: Awaited<ReturnType<typeof measureCore>>;
  bundle: Awaited<ReturnType<typeof measureBundle>> | undefined;
  peakRssMb: number;
};

function runChild(rows: number, coreOnly: boolean): SizeResult {
  const args = ['--import', 'tsx', __filename, '--child', String(rows)];
  if (coreOnly) args.push('--core-only');
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(
      `The benchmark of ${rows} rows failed with exit status ${child.status}:\n${child.stdout}`,
    );
  }
  return JSON.parse(line) as SizeResult;
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}

function printResults(results: SizeResult[]): boolean {
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(`Workbook columns: ${BENCH_HEADER.join(', ')}; items per request: ${ITEMS_PER_REQUEST}`);
  console.log('');
  console.log(
    'Core in plain Node (best of the runs; validateSheet + scopeRun + planBatches + request building):',
  );
  console.log(
    `${pad('rows', 8)} ${pad('valid', 8)} ${pad('core ms', 9)} ${pad('floor ms', 9)} ${pad('ratio', 6)} ${pad('validate', 9)} ${pad('scope', 7)} ${pad('plan', 6)} ${pad('build', 7)}`,
  );
  for (const { rows, core } of results) {
    console.log(
      `${pad(rows, 8)} ${pad(core.validRows, 8)} ${pad(core.coreMs.toFixed(1), 9)} ${pad(core.floorMs.toFixed(1), 9)} ${pad(core.ratio.toFixed(2), 6)} ${pad(core.stepsMs.validate.toFixed(1), 9)} ${pad(core.stepsMs.scope.toFixed(1), 7)} ${pad(core.stepsMs.plan.toFixed(1), 6)} ${pad(core.stepsMs.build.toFixed(1), 7)}`,
    );
  }
  console.log('');
  console.log('Push through build/Code.js in the local runtime against the emulator:');
  console.log(
    `${pad('rows', 8)} ${pad('requests', 9)} ${pad('expected', 9)} ${pad('UrlFetch', 9)} ${pad('Sheets', 7)} ${pad('writes', 7)} ${pad('execs', 6)} ${pad('wall s', 7)} ${pad('statuses', 9)} ${pad('peak MB', 8)}`,
  );
  let ok = true;
  for (const { rows, bundle, peakRssMb } of results) {
    if (bundle === undefined) {
      console.log(`${pad(rows, 8)}  (skipped)${pad(peakRssMb.toFixed(0), 63)}`);
      continue;
    }
    if (bundle.error !== undefined) ok = false;
    console.log(
      `${pad(rows, 8)} ${pad(bundle.requests, 9)} ${pad(bundle.expectedRequests, 9)} ${pad(bundle.urlFetchCalls, 9)} ${pad(bundle.spreadsheetCalls, 7)} ${pad(bundle.setValuesCalls, 7)} ${pad(bundle.executions, 6)} ${pad((bundle.wallMs / 1000).toFixed(1), 7)} ${pad(bundle.rowsWithStatus, 9)} ${pad(peakRssMb.toFixed(0), 8)}`,
    );
  }
  for (const { rows, bundle } of results) {
    if (bundle?.error !== undefined) console.log(`${rows} rows: the push FAILED: ${bundle.error}`);
  }
  console.log('');
  printTargets(results);
  return ok;
}

function printTargets(results: SizeResult[]): void {
  const check = (passed: boolean, text: string) => console.log(`${passed ? 'met   ' : 'MISSED'} ${text}`);
  for (const { rows, core, bundle } of results) {
    check(
      core.ratio <= MAX_FLOOR_RATIO,
      `${rows} rows: core time ${core.ratio.toFixed(2)}× the JSON.stringify floor (target ≤ ${MAX_FLOOR_RATIO}×)`,
    );
    if (rows === 100_000) {
      check(
        core.coreMs < MAX_100K_CORE_MS,
        `100000 rows validated and planned in ${core.coreMs.toFixed(0)} ms (target < ${MAX_100K_CORE_MS} ms)`,
      );
    }
    if (bundle === undefined || bundle.error !== undefined) continue;
    check(
      bundle.requests === bundle.expectedRequests,
      `${rows} rows: ${bundle.requests} requests (target exactly ceil(${core.validRows} ÷ ${ITEMS_PER_REQUEST}) = ${Math.ceil(core.validRows / ITEMS_PER_REQUEST)})`,
    );
    check(bundle.rowsWithStatus === rows, `${rows} rows: ${bundle.rowsWithStatus} rows have a status`);
  }
  // Batches are the only thing that should add SpreadsheetApp calls, so the slope between the
  // smallest and the largest push is the cost of one batch. A failed push counts up to its failure.
  const pushed = results.filter((result) => result.bundle !== undefined && result.bundle.requests > 0);
  const first = pushed[0]?.bundle;
  const last = pushed.at(-1)?.bundle;
  if (first !== undefined && last !== undefined && last.requests > first.requests) {
    const perBatch = (last.spreadsheetCalls - first.spreadsheetCalls) / (last.requests - first.requests);
    const fixed = first.spreadsheetCalls - perBatch * first.requests;
    const perBatchMethods = Object.keys(last.spreadsheetCallsByMethod)
      .map((method) => {
        const grown =
          (last.spreadsheetCallsByMethod[method] ?? 0) - (first.spreadsheetCallsByMethod[method] ?? 0);
        return { method, perBatch: grown / (last.requests - first.requests) };
      })
      .filter((entry) => entry.perBatch > 0)
      .map((entry) => `${entry.method} ${entry.perBatch.toFixed(2)}`);
    check(
      perBatch <= STATUS_WRITE_CALLS_PER_BATCH,
      `SpreadsheetApp calls: about ${fixed.toFixed(0)} fixed + ${perBatch.toFixed(2)} per batch (target: at most ${STATUS_WRITE_CALLS_PER_BATCH} per batch: getRange, setValues, setBackgrounds)`,
    );
    console.log(`       per batch: ${perBatchMethods.join(', ')}`);
  }
}

async function main(): Promise<void> {
  const args = readArguments();
  if (args.child !== undefined) {
    await measureOneSize(args.child, args.coreOnly);
    return;
  }
  const results = args.sizes.map((rows) => {
    console.error(`Measuring ${rows} rows…`);
    return runChild(rows, args.coreOnly);
  });
  if (!printResults(results)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
