// The local Apps Script runtime: loads the built bundle with gas-local into a fresh vm context
// for every execution (menu click, google.script.run call, trigger fire), with service fakes
// whose state persists across executions, on one virtual clock.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as gas from 'gas-local';
import { type CacheStores, createCacheService, createCacheStores } from './cache';
import { createClockDateClass, createRealClock, createVirtualClock, type VirtualClock } from './clock';
import {
  type AuthModeName,
  EXECUTION_TIME_MESSAGE,
  Execution,
  type ExecutionKind,
  SCOPES,
} from './execution';
import { createHtmlService } from './html-service';
import { CrossingError, copyAcrossBoundary } from './json-crossing';
import {
  createLockService,
  createLockTable,
  holdForOtherExecution,
  type LockScope,
  releaseLocksOf,
  releaseOtherHold,
} from './lock';
import { createConsole, createLogger } from './logging';
import {
  createPropertiesService,
  createPropertyStores,
  type PropertiesSnapshot,
  type PropertyStores,
  snapshotProperties,
} from './properties';
import { bridgeErrors } from './realm';
import { createRecordedUi, createUiHost, type RecordedUi } from './recorded-ui';
import {
  createScriptApp,
  createTimeDrivenEvent,
  createTriggerTable,
  scheduleAfterFire,
  type TriggerRecord,
  type TriggerTable,
} from './script-app';
import { createSession } from './session';
import type { Workbook } from './spreadsheet';
import { createSpreadsheetAppFor, FULL_SPREADSHEETS_SCOPE } from './spreadsheet-binding';
import { createSyncHttpClient, type SyncHttpClient } from './sync-http';
import { createUrlFetchApp, type FetchRecord, type UrlFetchState } from './url-fetch';
import { createUtilities } from './utilities';
import { zoneOffsetMs } from './zoned-time';

export type { VirtualClock } from './clock';
export type { AuthModeName, ExecutionKind } from './execution';
export type { PropertiesSnapshot } from './properties';
export type { RecordedUi } from './recorded-ui';
export type { TriggerRecord } from './script-app';
export type { FetchRecord } from './url-fetch';
export { CLOCK_HEADER, DELAY_HEADER } from './url-fetch';

/** Apps Script stops an execution after 6 minutes (quota page). */
export const DEFAULT_EXECUTION_LIMIT_MS = 360_000;
/** Simple triggers such as onOpen stop after 30 seconds (quota page). */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
/** UrlFetch calls per day for consumer accounts (quota page). */
export const DEFAULT_URL_FETCH_DAILY_QUOTA = 20_000;

export interface RuntimeOptions {
  /** Folder holding Code.js, Sidebar.html and appsscript.json; default `<repo>/build`. */
  bundleDir?: string;
  /** The document the add-on runs in; null runs without a document context. */
  workbook: Workbook | null;
  /** URL prefix → loopback base URL, e.g. 'https://apisandbox.jooraccess.com' → 'http://127.0.0.1:PORT'. */
  routes: Record<string, string>;
  /** Virtual clock start in epoch ms; default now. */
  startTimeMs?: number;
  /** False stops real time from moving the clock, so only sleeps and waits do; default true. */
  clockFollowsRealTime?: boolean;
  /**
   * Origins besides 127.0.0.1 that UrlFetchApp may contact, e.g. 'https://apisandbox.jooraccess.com'.
   * Only for a JOOR host the user names explicitly; tests and `npm start` leave it empty.
   */
  externalOrigins?: string[];
  /** Real time instead of the virtual clock: Utilities.sleep blocks. Needed against a real JOOR host. */
  realTime?: boolean;
  properties?: Partial<PropertiesSnapshot>;
  /** Session.getTemporaryActiveUserKey(); default 'local-user-key'. */
  userKey?: string;
  /** Session.getActiveUserLocale(); default 'en'. */
  userLocale?: string;
  /**
   * Simulates a version that added scopes the user has not granted: getAuthorizationInfo reports
   * REQUIRED and calls needing an ungranted scope throw "Authorization is required to perform
   * that action.". `true` leaves every scope of the manifest (or every scope the fakes know,
   * without a manifest list) ungranted; a list names the ungranted scopes. Properties, locks and
   * caches need no scope and keep working, as Google's re-authorisation sample relies on.
   */
  authorizationRequired?: boolean | string[];
  executionLimitMs?: number;
  urlFetchDailyQuota?: number;
  /**
   * Whether `getActiveSpreadsheet()` returns the workbook in trigger executions; default true.
   * Whether an add-on's time-driven trigger can read its document under `spreadsheets.currentonly`
   * is unconfirmed, so tests can run the trigger path both ways.
   */
  triggerHasActiveDocument?: boolean;
  /** Enforces the manifest's urlFetchWhitelist, as for versioned deployments; default true. */
  enforceUrlFetchWhitelist?: boolean;
  onLog?: (line: string) => void;
}

export interface ExecuteOptions {
  kind?: ExecutionKind;
  /** Default: LIMITED for simple triggers, FULL otherwise. */
  authMode?: AuthModeName;
  /** Event object passed as the only argument (its authMode is filled in). */
  event?: Record<string, unknown>;
}

export interface ExecutionResult<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { message: string; stack?: string };
  /** True when the execution hit its time limit. */
  killed: boolean;
  /** Virtual milliseconds the execution took. */
  virtualMs: number;
  calls: Record<string, number>;
  logs: string[];
}

export interface LocalRuntime {
  execute<T = unknown>(functionName: string, args?: unknown[], options?: ExecuteOptions): ExecutionResult<T>;
  /** Runs a trigger's handler now as a trigger execution, without changing its schedule. */
  fireTrigger(triggerId: string): ExecutionResult;
  /** Advances the clock to `untilMs`, firing each trigger that falls due on the way, in time order. */
  runDueTriggers(untilMs: number): ExecutionResult[];
  clock: VirtualClock;
  workbook: Workbook | null;
  properties(): PropertiesSnapshot;
  triggers(): TriggerRecord[];
  ui: RecordedUi;
  urlFetchLog: FetchRecord[];
  /** Calls per `Service.method` over every execution so far. */
  callCounts(): Record<string, number>;
  /** Marks a lock as held by another execution, until `untilMs` or `releaseLock`. */
  holdLock(scope: LockScope, untilMs?: number): void;
  releaseLock(scope: LockScope): void;
  /** Stops the HTTP worker. */
  close(): void;
}

interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  urlFetchWhitelist?: string[];
}

function readManifest(bundleDir: string): Manifest {
  const file = path.join(bundleDir, 'appsscript.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** State shared by every execution of one runtime. */
interface RuntimeState {
  options: RuntimeOptions;
  bundleDir: string;
  manifest: Manifest;
  clock: VirtualClock;
  DateClass: DateConstructor;
  properties: PropertyStores;
  caches: CacheStores;
  locks: ReturnType<typeof createLockTable>;
  triggers: TriggerTable;
  ui: RecordedUi;
  urlFetch: UrlFetchState;
  totals: Record<string, number>;
  nextExecutionId: number;
  ungrantedScopes: ReadonlySet<string>;
}

export function createLocalRuntime(options: RuntimeOptions): LocalRuntime {
  const bundleDir = options.bundleDir ?? path.resolve(__dirname, '../../build');
  if (!existsSync(bundleDir))
    throw new Error(`Bundle folder not found: ${bundleDir}. Run "npm run build" first.`);
  const manifest = readManifest(bundleDir);
  const clock =
    options.realTime === true
      ? createRealClock()
      : createVirtualClock(options.startTimeMs, options.clockFollowsRealTime !== false);
  warnOnZoneMismatch(manifest.timeZone ?? 'Etc/UTC', clock.now(), options.onLog);
  const hasDocument = options.workbook !== null;
  const externalOrigins = options.externalOrigins ?? [];
  const http = createLazyHttpClient(externalOrigins);
  const enforceAllowlist = options.enforceUrlFetchWhitelist !== false;

  const state: RuntimeState = {
    options,
    bundleDir,
    manifest,
    clock,
    DateClass: createClockDateClass(clock),
    properties: createPropertyStores(options.properties, hasDocument),
    caches: createCacheStores(hasDocument),
    locks: createLockTable(),
    triggers: createTriggerTable(),
    ui: createRecordedUi(),
    urlFetch: {
      clock,
      http,
      routes: options.routes,
      allowlist: enforceAllowlist ? (manifest.urlFetchWhitelist ?? null) : null,
      dailyQuota: options.urlFetchDailyQuota ?? DEFAULT_URL_FETCH_DAILY_QUOTA,
      externalOrigins,
      log: [],
      quota: { windowStartMs: clock.now(), used: 0 },
    },
    totals: {},
    nextExecutionId: 1,
    ungrantedScopes: resolveUngrantedScopes(options.authorizationRequired, manifest.oauthScopes),
  };

  const fire = (trigger: TriggerRecord, firedMs: number) =>
    runExecution(state, trigger.handlerFunction, [], {
      kind: 'trigger',
      authMode: 'FULL',
      event: createTimeDrivenEvent(trigger, firedMs),
    });

  return {
    execute: <T>(functionName: string, args: unknown[] = [], executeOptions: ExecuteOptions = {}) =>
      runExecution(state, functionName, args, executeOptions) as ExecutionResult<T>,
    fireTrigger(triggerId) {
      const trigger = state.triggers.triggers.find((t) => t.id === triggerId);
      if (trigger === undefined) throw new Error(`Trigger not found: ${triggerId}.`);
      return fire(trigger, clock.now());
    },
    runDueTriggers(untilMs) {
      const results: ExecutionResult[] = [];
      for (;;) {
        const due = state.triggers.triggers
          .filter((t) => t.nextFireMs <= untilMs)
          .sort((a, b) => a.nextFireMs - b.nextFireMs)[0];
        if (due === undefined) break;
        clock.advanceTo(due.nextFireMs);
        const firedMs = clock.now();
        scheduleAfterFire(due, firedMs);
        results.push(fire(due, firedMs));
      }
      clock.advanceTo(untilMs);
      return results;
    },
    clock,
    workbook: options.workbook,
    properties: () => snapshotProperties(state.properties),
    triggers: () => state.triggers.triggers.map((t) => ({ ...t, schedule: { ...t.schedule } })),
    ui: state.ui,
    urlFetchLog: state.urlFetch.log,
    callCounts: () => ({ ...state.totals }),
    holdLock: (scope, untilMs) => holdForOtherExecution(state.locks, scope, untilMs ?? null),
    releaseLock: (scope) => releaseOtherHold(state.locks, scope),
    close: () => http.close(),
  };
}

function resolveUngrantedScopes(
  required: boolean | string[] | undefined,
  manifestScopes: string[] | undefined,
) {
  if (Array.isArray(required)) return new Set(required);
  if (required !== true) return new Set<string>();
  const known = Object.values(SCOPES).filter((scope) => scope !== SCOPES.storage);
  return new Set<string>([...(manifestScopes ?? known), FULL_SPREADSHEETS_SCOPE]);
}

/**
 * Logs a warning when the process time zone differs from the script's. Date methods such as
 * getHours() use the manifest timeZone in Apps Script but the process zone (TZ) here, because
 * Node has one zone per process.
 */
function warnOnZoneMismatch(
  scriptTimeZone: string,
  nowMs: number,
  onLog: ((line: string) => void) | undefined,
): void {
  const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zoneOffsetMs(nowMs, processZone) === zoneOffsetMs(nowMs, scriptTimeZone)) return;
  onLog?.(
    `WARNING Date methods use the process time zone ${processZone}, not the script time zone ${scriptTimeZone}; run with TZ=${scriptTimeZone} to match Apps Script.`,
  );
}

/** Starts the HTTP worker on the first fetch, so runtimes that never fetch start no thread. */
function createLazyHttpClient(externalOrigins: readonly string[]): SyncHttpClient {
  let client: SyncHttpClient | null = null;
  let closed = false;
  return {
    send(requests) {
      if (closed) throw new Error('The runtime was closed; create a new one to fetch again.');
      client ??= createSyncHttpClient(externalOrigins);
      return client.send(requests);
    },
    close() {
      closed = true;
      client?.close();
    },
  };
}

function defaultAuthMode(kind: ExecutionKind): AuthModeName {
  return kind === 'simple' ? 'LIMITED' : 'FULL';
}

function runExecution(
  state: RuntimeState,
  functionName: string,
  args: unknown[],
  options: ExecuteOptions,
): ExecutionResult {
  const kind = options.kind ?? 'cli';
  const authMode = options.authMode ?? defaultAuthMode(kind);
  const limit = state.options.executionLimitMs ?? DEFAULT_EXECUTION_LIMIT_MS;
  const execution = new Execution(
    state.clock,
    {
      kind,
      authMode,
      limitMs: kind === 'simple' ? Math.min(limit, SIMPLE_TRIGGER_LIMIT_MS) : limit,
      ungrantedScopes: state.ungrantedScopes,
      hasUi: kind !== 'trigger',
      onLog: state.options.onLog ?? (() => {}),
    },
    state.totals,
  );
  const executionId = state.nextExecutionId++;
  const finish = (outcome: { value?: unknown; error?: unknown }): ExecutionResult => {
    releaseLocksOf(state.locks, executionId);
    return buildResult(execution, outcome);
  };

  // Apps Script passes every simple trigger an event object, so onOpen(e) always gets one.
  const event = options.event ?? (kind === 'simple' && args.length === 0 ? {} : undefined);
  let callArgs: unknown[];
  try {
    callArgs =
      event !== undefined ? [{ ...event, authMode }] : (copyAcrossBoundary(args, 'argument') as unknown[]);
  } catch (error) {
    return finish({ error });
  }

  let context: Record<string, unknown>;
  try {
    // Contextify first so the fakes can throw errors of the script's realm; gas-local reuses an
    // object that is already a context.
    const globals = vm.createContext(createGlobals(state, execution, executionId));
    execution.ErrorClass = vm.runInContext('Error', globals) as ErrorConstructor;
    context = gas.require(state.bundleDir, globals);
  } catch (error) {
    return finish({ error });
  }

  // A name ending in "_" is private in Apps Script: menus, triggers and google.script.run cannot call it.
  // Only the script's own top-level names are callable, never inherited ones such as toString.
  const callable = !functionName.endsWith('_') && Object.hasOwn(context, functionName);
  const entry = callable ? context[functionName] : undefined;
  if (typeof entry !== 'function') {
    return finish({ error: new Error(`Script function not found: ${functionName}`) });
  }

  try {
    const value = (entry as (...a: unknown[]) => unknown).apply(context, callArgs);
    return finish({ value: copyAcrossBoundary(value, 'return value') });
  } catch (error) {
    return finish({ error });
  }
}

function buildResult(execution: Execution, outcome: { value?: unknown; error?: unknown }): ExecutionResult {
  // A script that swallowed the time-limit error, or ran past the limit without calling a
  // service, is still stopped by Apps Script.
  if (execution.elapsedMs() > execution.settings.limitMs) execution.killed = true;

  const base = {
    killed: execution.killed,
    virtualMs: execution.elapsedMs(),
    calls: { ...execution.calls },
    logs: [...execution.logs],
  };
  if (execution.killed) {
    return { ...base, ok: false, error: { message: EXECUTION_TIME_MESSAGE } };
  }
  if (outcome.error !== undefined) {
    return { ...base, ok: false, error: describeError(outcome.error) };
  }
  return { ...base, ok: true, value: outcome.value };
}

function describeError(error: unknown): { message: string; stack?: string } {
  if (error instanceof CrossingError)
    return { message: `Invalid value crossing google.script.run: ${error.message}` };
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message, stack } = error as { message: unknown; stack?: unknown };
    return typeof stack === 'string' ? { message: String(message), stack } : { message: String(message) };
  }
  return { message: String(error) };
}

function createGlobals(
  state: RuntimeState,
  execution: Execution,
  executionId: number,
): Record<string, unknown> {
  const { options } = state;
  const workbook = options.workbook;
  const userKey = options.userKey ?? 'local-user-key';
  const scriptTimeZone = state.manifest.timeZone ?? 'Etc/UTC';
  const uiHost = createUiHost(state.ui, execution);

  const services: Record<string, object> = {
    console: createConsole(execution),
    Logger: createLogger(execution),
    Utilities: createUtilities(execution),
    UrlFetchApp: createUrlFetchApp(execution, state.urlFetch),
    PropertiesService: createPropertiesService(execution, state.properties),
    CacheService: createCacheService(execution, state.caches),
    LockService: createLockService(execution, executionId, state.locks, workbook !== null),
    ScriptApp: createScriptApp(execution, state.triggers, {
      userKey,
      documentId: workbook?.id ?? null,
      scriptTimeZone,
      authorizationRequired: state.ungrantedScopes.size > 0,
    }),
    Session: createSession(execution, { userKey, scriptTimeZone, userLocale: options.userLocale ?? 'en' }),
    HtmlService: createHtmlService(execution, state.bundleDir),
    SpreadsheetApp: createSpreadsheetAppFor(execution, workbook, {
      DateCtor: state.DateClass,
      ui: uiHost,
      hasActiveDocument: execution.kind !== 'trigger' || options.triggerHasActiveDocument !== false,
      oauthScopes: state.manifest.oauthScopes ?? null,
    }),
  };

  const globals: Record<string, unknown> = { Date: state.DateClass };
  for (const [name, service] of Object.entries(services)) {
    globals[name] = bridgeErrors(service, () => execution.ErrorClass);
  }
  return globals;
}
