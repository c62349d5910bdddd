/**
 * `npm start`: runs the add-on's real push entry points from build/Code.js in the local Apps
 * Script runtime, against the JOOR emulator (or a JOOR host given with --joor-url), on a workbook
 * file. Statuses are written into a copy; the input file is never modified.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiResult, PushProgressDto, ValidationSummaryDto } from '../../src/shared/api';
import type { PushOptions, RowResult, StatusCounts } from '../../src/shared/types';
import { type EmulatorHandle, spawnEmulator } from '../emulator/process';
import { createLocalRuntime, type ExecutionResult, type LocalRuntime } from '../runtime';
import { loadWorkbook, saveWorkbook } from '../runtime/spreadsheet';
import type { Workbook } from '../runtime/spreadsheet/model';
import type { CliReport } from './report-types';
import { type CliSettings, readSettingsFile, SettingsFileError } from './settings-file';
import { readStatusesFromSheet } from './sheet-statuses';

const ROOT = path.resolve(__dirname, '../..');
const DEFAULT_FILE = path.join(ROOT, 'examples/inventory.xlsx');
const DEFAULT_SETTINGS = path.join(ROOT, 'examples/settings.json');
const DEFAULT_SEED = path.join(ROOT, 'examples/catalogue.json');
const JOOR_HOSTS = ['https://apisandbox.jooraccess.com', 'https://api.jooraccess.com'];
/** Executions a push may take before the CLI gives up: far more than 100,000 rows need. */
const MAX_EXECUTIONS = 500;

const USAGE = `Usage: npm start -- [options]

Pushes a workbook through the add-on's Apps Script bundle to the JOOR emulator and writes
every row's status into a copy of the workbook.

Options:
  --file PATH          .xlsx or .csv to push (default examples/inventory.xlsx)
  --sheet NAME         sheet to push (default: the first sheet)
  --settings FILE      JSON with warehouses, column mapping and options
                       (default examples/settings.json for the example workbook)
  --warehouse NAME     default warehouse for rows without one (default "Default")
  --overwrite          send overwrite=1: replaces the account's inventory (destructive)
  --replace-from-sheet updates every row and zeroes keys pushed before but missing now
  --dec-pending        send dec_pending=1: JOOR deducts pending orders
  --change-only        send only rows changed since their last confirmed push
  --format json|xml    request and response format (default json)
  --dry-run            validate and report only; nothing is sent
  --scheduled          create an hourly schedule and fire it through the trigger path
  --out PATH           where to write the workbook with statuses
                       (default out/<name>.pushed.<ext>)
  --report PATH        JSON report: one entry per data row with outcome, message and item
  --tz ZONE            the spreadsheet's time zone, e.g. Europe/Berlin (default UTC)
  --locale LOCALE      the spreadsheet's locale, e.g. de_DE (default en_US)
  --seed FILE          emulator catalogue (default examples/catalogue.json)
  --joor-url URL       push to this JOOR v2 base URL instead of the emulator
  --token-env VAR      environment variable holding the token for --joor-url
  --verbose            print the add-on's log lines
  --help               show this help
`;

export interface CliArgs {
  file: string;
  sheet?: string;
  settings?: string;
  warehouse?: string;
  overwrite: boolean;
  replaceFromSheet: boolean;
  decPending: boolean;
  changeOnly: boolean;
  format?: string;
  dryRun: boolean;
  scheduled: boolean;
  out?: string;
  report?: string;
  tz: string;
  locale: string;
  seed: string;
  joorUrl?: string;
  tokenEnv?: string;
  verbose: boolean;
  help: boolean;
}

class UsageError extends Error {}

export function parseCliArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      file: { type: 'string' },
      sheet: { type: 'string' },
      settings: { type: 'string' },
      warehouse: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      'replace-from-sheet': { type: 'boolean', default: false },
      'dec-pending': { type: 'boolean', default: false },
      'change-only': { type: 'boolean', default: false },
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      scheduled: { type: 'boolean', default: false },
      out: { type: 'string' },
      report: { type: 'string' },
      tz: { type: 'string', default: 'UTC' },
      locale: { type: 'string', default: 'en_US' },
      seed: { type: 'string', default: DEFAULT_SEED },
      'joor-url': { type: 'string' },
      'token-env': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const file = path.resolve(values.file ?? DEFAULT_FILE);
  const settings = values.settings ?? (values.file === undefined ? DEFAULT_SETTINGS : undefined);
  const args: CliArgs = {
    file,
    overwrite: values.overwrite === true,
    replaceFromSheet: values['replace-from-sheet'] === true,
    decPending: values['dec-pending'] === true,
    changeOnly: values['change-only'] === true,
    dryRun: values['dry-run'] === true,
    scheduled: values.scheduled === true,
    tz: values.tz ?? 'UTC',
    locale: values.locale ?? 'en_US',
    seed: path.resolve(values.seed ?? DEFAULT_SEED),
    verbose: values.verbose === true,
    help: values.help === true,
  };
  if (values.sheet !== undefined) args.sheet = values.sheet;
  if (settings !== undefined) args.settings = path.resolve(settings);
  if (values.warehouse !== undefined) args.warehouse = values.warehouse;
  if (values.format !== undefined) args.format = values.format;
  if (values.out !== undefined) args.out = path.resolve(values.out);
  if (values.report !== undefined) args.report = path.resolve(values.report);
  if (values['joor-url'] !== undefined) args.joorUrl = values['joor-url'];
  if (values['token-env'] !== undefined) args.tokenEnv = values['token-env'];
  if (args.format !== undefined && args.format !== 'json' && args.format !== 'xml') {
    throw new UsageError(`--format must be json or xml; found "${args.format}".`);
  }
  if (args.joorUrl !== undefined && args.tokenEnv === undefined) {
    throw new UsageError(
      '--joor-url needs --token-env VAR naming the environment variable that holds the token.',
    );
  }
  if (args.overwrite && args.replaceFromSheet) {
    throw new UsageError('Choose either --overwrite or --replace-from-sheet, not both.');
  }
  return args;
}

interface JoorTarget {
  environment: 'sandbox' | 'production';
  origin: string;
  routes: Record<string, string>;
  /** True for a host other than 127.0.0.1: contacted for real, on real time. */
  external: boolean;
}

/**
 * Works out how the add-on's fixed JOOR hosts reach --joor-url. JOOR's production host keeps the
 * production environment; any other URL stands in for the sandbox host.
 */
export function joorTarget(joorUrl: string): JoorTarget {
  let url: URL;
  try {
    url = new URL(joorUrl);
  } catch {
    throw new UsageError(
      `--joor-url "${joorUrl}" is not a URL. Pass the v2 base, e.g. https://apisandbox.jooraccess.com/v2.`,
    );
  }
  const loopback = url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if (!loopback && url.protocol !== 'https:') {
    throw new UsageError(
      `--joor-url must use https (or http on 127.0.0.1 for a local emulator); found ${url.protocol}.`,
    );
  }
  const production = url.origin === JOOR_HOSTS[1];
  const host = production ? JOOR_HOSTS[1]! : JOOR_HOSTS[0]!;
  // The add-on appends /v2/bulk-inventory to the host, so the route maps the host to the base
  // without its /v2, keeping any path prefix of a proxy.
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/v2$/, '');
  return {
    environment: production ? 'production' : 'sandbox',
    origin: url.origin,
    routes: base === host ? {} : { [host]: base },
    external: !loopback,
  };
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the bundle when build/Code.js is missing or older than any source file or the manifest. */
function ensureBuild(): void {
  const bundle = path.join(ROOT, 'build/Code.js');
  const sources = Math.max(
    newestSourceTime(path.join(ROOT, 'src')),
    statSync(path.join(ROOT, 'appsscript.json')).mtimeMs,
    statSync(path.join(ROOT, 'build.mjs')).mtimeMs,
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  console.log('Building the Apps Script bundle…');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed; see the messages above.');
}

function defaultOutPath(file: string): string {
  const extension = path.extname(file).toLowerCase() === '.csv' ? '.csv' : '.xlsx';
  return path.join(ROOT, 'out', `${path.basename(file, path.extname(file))}.pushed${extension}`);
}

function pushOptions(args: CliArgs, settings: CliSettings | undefined): PushOptions {
  const base = settings?.options ?? {};
  return {
    defaultWarehouse: args.warehouse ?? base.defaultWarehouse ?? 'Default',
    overwrite: args.overwrite || base.overwrite === true,
    replaceFromSheet: args.replaceFromSheet || base.replaceFromSheet === true,
    decPending: args.decPending || base.decPending === true,
    changeOnly: args.changeOnly || base.changeOnly === true,
    format: (args.format ?? base.format ?? settings?.format ?? 'json') as PushOptions['format'],
    acceptDroppedRows: base.acceptDroppedRows === true,
  };
}

function documentSettings(settings: CliSettings | undefined, workbook: Workbook): string {
  const mappings: Record<string, unknown> = {};
  for (const sheet of workbook.sheets) {
    const mapping = settings?.columnMappings?.[sheet.name] ?? settings?.columnMapping;
    if (mapping !== undefined) mappings[String(sheet.sheetId)] = mapping;
  }
  return JSON.stringify({
    warehouses: settings?.warehouses ?? ['Default'],
    columnMappings: mappings,
    itemsPerRequest: settings?.itemsPerRequest ?? 500,
    styleIdentifierKey: settings?.styleIdentifierKey ?? 'both',
    format: settings?.format ?? 'json',
  });
}

function unwrap<T>(result: ExecutionResult<ApiResult<T>>, name: string): T {
  if (!result.ok) {
    const reason = result.killed
      ? 'it hit the 6-minute execution limit'
      : (result.error?.message ?? 'unknown error');
    throw new Error(`The add-on's ${name} failed: ${reason}`);
  }
  const value = result.value;
  if (value === undefined || value === null) throw new Error(`The add-on's ${name} returned nothing.`);
  if (!value.ok) throw new PushRefused(value.code, value.message);
  return value as T;
}

class PushRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface RunOutcome {
  counts: StatusCounts;
  rows: Map<number, RowResult>;
  requests: number;
  executions: number;
  headerRow: number;
  notes: string[];
  problems: Array<{ code: string; message: string }>;
  message: string;
}

function collectRows(into: Map<number, RowResult>, rows: RowResult[] | undefined): void {
  for (const row of rows ?? []) into.set(row.row, row);
}

function runDry(runtime: LocalRuntime, sheetId: string, options: PushOptions): RunOutcome {
  const result = runtime.execute<ApiResult<{ summary: ValidationSummaryDto; rows?: RowResult[] }>>(
    'validateSheet',
    [{ sheetId, options, includeRows: true }],
    { kind: 'sidebar' },
  );
  const { summary, rows } = unwrap(result, 'validateSheet');
  const collected = new Map<number, RowResult>();
  collectRows(collected, rows);
  return {
    counts: summary.counts,
    rows: collected,
    requests: 0,
    executions: 1,
    headerRow: summary.headerRow,
    notes: summary.notes,
    problems: summary.problems.map((p) => ({ code: p.code, message: p.message })),
    message: 'Dry run: nothing was sent.',
  };
}

function runPush(runtime: LocalRuntime, sheetId: string, options: PushOptions): RunOutcome {
  const rows = new Map<number, RowResult>();
  let executions = 1;
  let progress = unwrap(
    runtime.execute<ApiResult<{ progress: PushProgressDto }>>(
      'cliStartPush',
      [{ sheetId, options, includeRows: true }],
      { kind: 'cli' },
    ),
    'cliStartPush',
  ).progress;
  collectRows(rows, progress.rows);
  while (!progress.finished) {
    if (executions >= MAX_EXECUTIONS)
      throw new Error(`The push did not finish within ${MAX_EXECUTIONS} executions.`);
    if (progress.resumeAfter !== undefined) {
      const resumeAt = Date.parse(progress.resumeAfter);
      if (resumeAt > runtime.clock.now()) runtime.clock.advanceTo(resumeAt);
    }
    console.log(`  ${progress.message}`);
    progress = unwrap(
      runtime.execute<ApiResult<{ progress: PushProgressDto }>>('continuePush', [progress.runId, true], {
        kind: 'cli',
      }),
      'continuePush',
    ).progress;
    executions++;
    collectRows(rows, progress.rows);
  }
  return {
    counts: progress.counts,
    rows,
    requests: progress.requestsSent,
    executions,
    headerRow: 0,
    notes: [],
    problems: [],
    message: progress.message,
  };
}

function runScheduled(
  runtime: LocalRuntime,
  workbook: Workbook,
  sheetId: string,
  options: PushOptions,
): RunOutcome {
  unwrap(
    runtime.execute(
      'saveSchedule',
      [{ interval: 'hourly', sheetId, options: { ...options, changeOnly: true } }],
      {
        kind: 'sidebar',
      },
    ),
    'saveSchedule',
  );
  let executions = 0;
  for (let fire = 0; fire < 48; fire++) {
    const results = runtime.runDueTriggers(runtime.clock.now() + 3_600_000);
    executions += results.length;
    for (const result of results) {
      if (!result.ok)
        console.log(`  Scheduled run failed: ${result.error?.message ?? 'killed at the time limit'}`);
    }
    const pending = runtime.properties().document?.['joor.cursor'];
    if (pending === undefined && results.length > 0) break;
  }
  const statuses = readStatusesFromSheet(workbook, sheetId);
  return {
    counts: statuses.counts,
    rows: statuses.rows,
    requests: runtime.urlFetchLog.length,
    executions,
    headerRow: statuses.headerRow,
    notes: [],
    problems: [],
    message: `Scheduled run finished after ${executions} trigger fire(s).`,
  };
}

function printSummary(
  args: CliArgs,
  sheetName: string,
  outcome: RunOutcome,
  outPath: string | undefined,
): void {
  const target = args.joorUrl ?? 'the JOOR emulator';
  console.log(
    `\n${args.dryRun ? 'Validated' : 'Pushed'} ${path.relative(process.cwd(), args.file)} (sheet "${sheetName}") ${args.dryRun ? '' : `to ${target}`}`,
  );
  const rows = [...outcome.rows.values()];
  const counts = outcome.counts;
  const order = [
    'sent',
    'failed',
    'invalid',
    'duplicate',
    'unchanged',
    'not_sent',
    'not_confirmed',
    'valid',
  ] as const;
  const parts = order
    .filter((key) => (counts[key] ?? 0) > 0)
    .map((key) => `${key.replace('_', ' ')} ${counts[key]}`);
  console.log(`Rows: ${rows.length}${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`);
  if (!args.dryRun) console.log(`Requests: ${outcome.requests} in ${outcome.executions} execution(s)`);
  for (const problem of outcome.problems) console.log(`Problem: ${problem.message}`);
  for (const note of outcome.notes) console.log(`Note: ${note}`);
  const attention = rows.filter(
    (row) => row.status !== 'sent' && row.status !== 'valid' && row.status !== 'unchanged',
  );
  if (attention.length > 0) {
    console.log(`Rows that need attention (first ${Math.min(attention.length, 10)} of ${attention.length}):`);
    for (const row of attention.slice(0, 10)) console.log(`  row ${row.row}: ${row.status} – ${row.message}`);
  }
  console.log(outcome.message);
  if (outPath !== undefined) console.log(`Statuses written to ${path.relative(process.cwd(), outPath)}`);
  if (args.report !== undefined)
    console.log(`Report written to ${path.relative(process.cwd(), args.report)}`);
}

function writeReport(args: CliArgs, sheetName: string, outcome: RunOutcome): void {
  if (args.report === undefined) return;
  const report: CliReport = {
    file: args.file,
    sheet: sheetName,
    dryRun: args.dryRun,
    target: args.joorUrl ?? 'emulator',
    headerRow: outcome.headerRow,
    counts: outcome.counts,
    problems: outcome.problems,
    notes: outcome.notes,
    rows: [...outcome.rows.values()].sort((a, b) => a.row - b.row),
    requests: outcome.requests,
    executions: outcome.executions,
  };
  mkdirSync(path.dirname(args.report), { recursive: true });
  writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(args.file)) {
    console.error(`File not found: ${args.file}. Pass an .xlsx or .csv file with --file.`);
    return 1;
  }
  const outPath = args.out ?? defaultOutPath(args.file);
  if (path.resolve(outPath) === path.resolve(args.file)) {
    console.error('--out must differ from --file: the input workbook is never modified.');
    return 1;
  }

  let settings: CliSettings | undefined;
  try {
    settings = args.settings === undefined ? undefined : readSettingsFile(args.settings);
  } catch (error) {
    if (error instanceof SettingsFileError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  ensureBuild();

  const workbook = await loadWorkbook(args.file, { timeZone: args.tz, locale: args.locale });
  const sheet =
    args.sheet === undefined ? workbook.sheets[0] : workbook.sheets.find((s) => s.name === args.sheet);
  if (sheet === undefined) {
    const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
    console.error(`Sheet "${args.sheet}" not found in ${args.file}. Sheets: ${names}.`);
    return 1;
  }
  workbook.activeSheetId = sheet.sheetId;

  let emulator: EmulatorHandle | undefined;
  let token: string;
  let routes: Record<string, string>;
  let target: JoorTarget | undefined;
  if (args.joorUrl !== undefined) {
    const value = process.env[args.tokenEnv!];
    if (value === undefined || value === '') {
      console.error(`Environment variable ${args.tokenEnv} is empty; set it to the JOOR API token.`);
      return 1;
    }
    token = value;
    try {
      target = joorTarget(args.joorUrl);
    } catch (error) {
      console.error((error as Error).message);
      return 1;
    }
    routes = target.routes;
  } else if (args.dryRun) {
    // A dry run sends nothing, so it needs no emulator; the hosts stay unrouted and unreachable.
    token = 'dry-run';
    routes = {};
  } else {
    emulator = await spawnEmulator({ seed: args.seed });
    token = emulator.token;
    routes = Object.fromEntries(JOOR_HOSTS.map((host) => [host, emulator!.url]));
  }

  const environment = target?.environment ?? 'sandbox';
  const runtime = createLocalRuntime({
    workbook,
    routes,
    ...(target?.external === true ? { externalOrigins: [target.origin], realTime: true } : {}),
    properties: {
      user: { 'joor.environment': environment, [`joor.token.${environment}`]: token },
      document: { 'joor.settings': documentSettings(settings, workbook) },
    },
    ...(args.verbose ? { onLog: (line: string) => console.error(line) } : {}),
  });
  try {
    const options = pushOptions(args, settings);
    const sheetId = String(sheet.sheetId);
    console.log(
      args.dryRun
        ? `Validating "${sheet.name}"…`
        : `Pushing "${sheet.name}" to ${args.joorUrl ?? `the JOOR emulator at ${emulator?.url}`}…`,
    );
    const outcome = args.dryRun
      ? runDry(runtime, sheetId, options)
      : args.scheduled
        ? runScheduled(runtime, workbook, sheetId, options)
        : runPush(runtime, sheetId, options);
    let written: string | undefined;
    if (!args.dryRun) {
      mkdirSync(path.dirname(outPath), { recursive: true });
      await saveWorkbook(workbook, outPath, { sheetName: sheet.name });
      written = outPath;
    }
    writeReport(args, sheet.name, outcome);
    printSummary(args, sheet.name, outcome, written);
    return 0;
  } catch (error) {
    if (error instanceof PushRefused) {
      console.error(`\nThe push did not run: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    runtime.close();
    await emulator?.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    },
  );
}
