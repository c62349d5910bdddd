/**
 * `npm start`: runs the add-on's real push entry points from build/Code.js in the local Apps
 * Script runtime, against the JOOR emulator (or a JOOR host given with --joor-url), on a workbook
 * file. Statuses are written into a copy; the input file is never modified.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeCounts } from '../../src/core/run/status-text';
import type { ApiResult, PushProgressDto, ValidationSummaryDto } from '../../src/shared/api';
import type { PushOptions, RowResult, StatusCounts } from '../../src/shared/types';
import { type EmulatorHandle, spawnEmulator } from '../emulator/process';
import { createLocalRuntime, type ExecutionResult, type LocalRuntime } from '../runtime';
import { loadWorkbook, saveWorkbook, supportedLocales } from '../runtime/spreadsheet';
import type { Workbook } from '../runtime/spreadsheet/model';
import type { CliReport } from './report-types';
import { type CliSettings, readSettingsFile, SettingsFileError } from './settings-file';
import { readLastLogRow, readStatusesFromSheet } from './sheet-statuses';

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
  --overwrite          send overwrite=1: replaces the account's inventory (destructive);
                       needs --confirm OVERWRITE
  --confirm OVERWRITE  confirms --overwrite, as typing OVERWRITE does in the sidebar
  --accept-dropped-rows
                       let --overwrite or --replace-from-sheet leave out invalid rows
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
  acceptDroppedRows: boolean;
  confirm?: string;
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

/** The add-on's own sheets, never pushed. */
const OWN_SHEETS = ['JOOR Sync Log', 'JOOR Confirmed State'];
const MAX_WAREHOUSE_CHARS = 100;

function checkZoneAndLocale(timeZone: string, locale: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new UsageError(
      `--tz "${timeZone}" is not a time zone. Use an IANA name such as Europe/Berlin or America/New_York.`,
    );
  }
  if (!supportedLocales().includes(locale)) {
    throw new UsageError(
      `--locale "${locale}" is not supported. Use one of ${supportedLocales().join(', ')}.`,
    );
  }
}

/** True when both paths name the same file, through links or `..` too. */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const first = statSync(a);
    const second = statSync(b);
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

/** Checks an output path before the push, so a bad path is reported before any request is sent. */
function checkOutputPath(
  option: string,
  target: string,
  input: string,
  others: string[],
): string | undefined {
  if (sameFile(target, input))
    return `${option} must differ from --file: the input workbook is never modified.`;
  for (const other of others) {
    if (sameFile(target, other)) return `${option} must differ from the other output files (${other}).`;
  }
  if (existsSync(target) && !statSync(target).isFile())
    return `${option} ${target} exists and is not a file.`;
  let folder = path.dirname(target);
  while (!existsSync(folder)) folder = path.dirname(folder);
  if (!statSync(folder).isDirectory())
    return `${option} ${target} cannot be created: ${folder} is not a folder.`;
  return undefined;
}

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
      confirm: { type: 'string' },
      'accept-dropped-rows': { type: 'boolean', default: false },
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
    acceptDroppedRows: values['accept-dropped-rows'] === true,
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
  if (values.confirm !== undefined) args.confirm = values.confirm;
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
      '--joor-url needs --token-env VAR naming the environment variable that contains the token.',
    );
  }
  if (args.tokenEnv !== undefined && args.joorUrl === undefined) {
    throw new UsageError('--token-env is only used with --joor-url; the emulator has its own demo token.');
  }
  if (args.dryRun && args.scheduled) {
    throw new UsageError(
      'Choose either --dry-run or --scheduled: a dry run sends nothing, so there is nothing to schedule.',
    );
  }
  if (
    args.warehouse !== undefined &&
    (args.warehouse.trim() === '' || args.warehouse.length > MAX_WAREHOUSE_CHARS)
  ) {
    throw new UsageError(`--warehouse must be a warehouse name of 1 to ${MAX_WAREHOUSE_CHARS} characters.`);
  }
  if (args.sheet !== undefined && OWN_SHEETS.includes(args.sheet)) {
    throw new UsageError(
      `--sheet "${args.sheet}" is a sheet the add-on keeps for itself; name a sheet with inventory rows.`,
    );
  }
  checkZoneAndLocale(args.tz, args.locale);
  if (args.overwrite && args.replaceFromSheet) {
    throw new UsageError('Choose either --overwrite or --replace-from-sheet, not both.');
  }
  if (args.overwrite && !args.dryRun && args.confirm !== 'OVERWRITE') {
    throw new UsageError(
      '--overwrite replaces the inventory of the whole JOOR account with this sheet. Add --confirm OVERWRITE to go ahead, or use --replace-from-sheet, which never empties the account.',
    );
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
 * production environment; a local emulator takes the place of the sandbox host.
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
  // Only JOOR's own hosts, or an emulator on this machine: the token must never go anywhere else.
  if (!loopback && !JOOR_HOSTS.includes(url.origin)) {
    throw new UsageError(
      `--joor-url must be JOOR's sandbox or production v2 base (${JOOR_HOSTS.map((host) => `${host}/v2`).join(' or ')}), or http://127.0.0.1:PORT/v2 for a local emulator; found ${url.origin}.`,
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
    acceptDroppedRows: args.acceptDroppedRows || base.acceptDroppedRows === true,
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

/** Returns the first transport error when requests were made and none got an HTTP response. */
function noRequestReachedJoor(runtime: LocalRuntime): string | false {
  const log = runtime.urlFetchLog;
  if (log.length === 0 || log.some((entry) => entry.status !== null)) return false;
  return log[0]?.error ?? 'no response';
}

interface RunOutcome {
  /** Reason a scheduled run stopped without pushing, from the run log. */
  failedRun?: string;
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

function runPush(
  runtime: LocalRuntime,
  sheetId: string,
  options: PushOptions,
  confirmation: string | undefined,
): RunOutcome {
  const rows = new Map<number, RowResult>();
  let executions = 1;
  let progress = unwrap(
    runtime.execute<ApiResult<{ progress: PushProgressDto }>>(
      'cliStartPush',
      [
        {
          sheetId,
          options,
          includeRows: true,
          ...(confirmation === undefined ? {} : { overwriteConfirmation: confirmation }),
        },
      ],
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
  const lastLog = readLastLogRow(workbook);
  return {
    ...(lastLog !== undefined && (lastLog.outcome === 'aborted' || lastLog.outcome === 'failed')
      ? { failedRun: lastLog.message }
      : {}),
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
  console.log(`Rows: ${rows.length} · ${describeCounts(outcome.counts).replaceAll(', ', ' · ')}`);
  if (!args.dryRun) console.log(`Requests: ${outcome.requests} in ${outcome.executions} execution(s)`);
  for (const problem of outcome.problems) console.log(`Problem: ${problem.message}`);
  for (const note of outcome.notes) console.log(`Note: ${note}`);
  // Rows JOOR rejected or never confirmed come first: they are the ones a sheet edit cannot explain.
  const priority = ['failed', 'not_confirmed', 'not_sent', 'invalid', 'duplicate'];
  const attention = rows
    .filter((row) => priority.includes(row.status))
    .sort((a, b) => priority.indexOf(a.status) - priority.indexOf(b.status) || a.row - b.row);
  if (attention.length > 0) {
    console.log(`Rows that need attention (first ${Math.min(attention.length, 10)} of ${attention.length}):`);
    for (const row of attention.slice(0, 10)) console.log(`  row ${row.row}: ${row.status} – ${row.message}`);
    if (attention.length > 10) {
      console.log(
        '  Every row has its status in the JOOR Status column of the written copy, and in --report.',
      );
    }
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
  if (!statSync(args.file).isFile() || !/\.(xlsx|csv)$/i.test(args.file)) {
    console.error(
      `--file ${args.file} is not an .xlsx or .csv file. Export the sheet as .xlsx or .csv and pass that.`,
    );
    return 1;
  }
  const outPath = args.out ?? defaultOutPath(args.file);
  if (!args.dryRun && !/\.(xlsx|csv)$/i.test(outPath)) {
    console.error(`--out ${outPath} must end in .xlsx or .csv.`);
    return 1;
  }
  const pathProblem =
    (args.dryRun ? undefined : checkOutputPath('--out', outPath, args.file, [])) ??
    (args.report === undefined
      ? undefined
      : checkOutputPath('--report', args.report, args.file, args.dryRun ? [] : [outPath]));
  if (pathProblem !== undefined) {
    console.error(pathProblem);
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
  if (settings === undefined) {
    console.log(
      'No --settings file: the warehouse list is only "Default". Pass --settings FILE to name your JOOR warehouses (see examples/README.md).',
    );
  } else if (args.settings !== undefined) {
    console.log(`Settings from ${path.relative(process.cwd(), args.settings)}.`);
  }
  ensureBuild();

  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(args.file, { timeZone: args.tz, locale: args.locale });
  } catch (error) {
    console.error(
      `Could not read ${args.file}: ${(error as Error).message}. Check that it is an .xlsx workbook or a UTF-8 .csv file.`,
    );
    return 1;
  }
  if (workbook.sheets.length === 0) {
    console.error(`${args.file} contains no sheets. Export a workbook with the inventory sheet in it.`);
    return 1;
  }
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
    if (!existsSync(args.seed)) {
      console.error(
        `Emulator catalogue not found: ${args.seed}. Pass a seed file with --seed, or run "npm run examples".`,
      );
      return 1;
    }
    try {
      emulator = await spawnEmulator({ seed: args.seed });
    } catch (error) {
      console.error(`The JOOR emulator did not start: ${(error as Error).message}`);
      return 1;
    }
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
        : runPush(runtime, sheetId, options, args.confirm);
    const unreachable = !args.dryRun && noRequestReachedJoor(runtime);
    let written: string | undefined;
    if (!args.dryRun) {
      mkdirSync(path.dirname(outPath), { recursive: true });
      await saveWorkbook(workbook, outPath, { sheetName: sheet.name });
      written = outPath;
    }
    writeReport(args, sheet.name, outcome);
    printSummary(args, sheet.name, outcome, written);
    if (unreachable) {
      console.error(
        `\nNo request reached ${args.joorUrl ?? 'the emulator'}: ${unreachable}. Check the address and your network, then push again.`,
      );
      return 2;
    }
    const reached =
      (outcome.counts.sent ?? 0) + (outcome.counts.failed ?? 0) + (outcome.counts.not_confirmed ?? 0);
    if (!args.dryRun && reached === 0 && (outcome.counts.not_sent ?? 0) > 0) {
      console.error(`\nNothing was sent to JOOR: ${outcome.message}`);
      return 2;
    }
    if (outcome.failedRun !== undefined) {
      console.error(`\nThe scheduled run did not push: ${outcome.failedRun}`);
      return 2;
    }
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
