/**
 * Runs a push across as many executions as it needs. Each execution reads the sheet once,
 * validates it, skips rows this run already handled (hidden state column), sends batches until
 * the time budget is used, writes statuses per batch and saves the cursor. The sidebar, the CLI
 * and scheduled runs all drive the same two calls: startRun, then continueRun until finished.
 */

import { parseRowState } from '../../core/run/row-state';
import { type PlannedLine, scopeRun } from '../../core/run/scope';
import { describeCounts } from '../../core/run/status-text';
import { toGtin14 } from '../../core/validation';
import type { PushProgressDto, StartPushRequest } from '../../shared/api';
import type { PushOptions } from '../../shared/types';
import { AddonError, problemDetails } from '../errors';
import { type ConfirmedEntry, confirmedStateKey, readConfirmedState } from '../gas/bookkeeping';
import { createLogger, documentStore, formatTimestamp, userStore } from '../gas/platform';
import { ensureStatusColumns, loadStatusFormats, type StatusWrite } from '../gas/sheet';
import { loadPushContext, loadTarget, type PushContext, type TargetInfo } from './context';
import { loadCursor, newRunId, type RunCursor, type RunTrigger, saveCursor } from './cursor';
import {
  checkOverwritePlan,
  fingerprintFor,
  planBatches,
  type SendOutcome,
  sendPlannedBatch,
  skuOf,
} from './engine';
import {
  applyWrites,
  countRowStatus,
  type Execution,
  makeWrite,
  markRemaining,
  queueImmediateStatuses,
  takePending,
} from './execution';
import { finishRun, outcomeOf, progressOf, saveProgress } from './finish';
import { acquireRunLease, releaseRunLease, renewRunLease, withDocumentLock } from './lease';
import { normalizePushOptions } from './options';

export { describeOptions, logRunRefused } from './finish';

const log = createLogger('addon:push');

/** New requests start only within this share of Apps Script's 6-minute execution limit. */
export const EXECUTION_BUDGET_MS = 270_000;
/**
 * A sidebar call returns after about this long, so the progress bar moves and Cancel takes
 * effect between calls. Overwrite runs keep the full budget: they must finish in one execution.
 */
export const SIDEBAR_SLICE_MS = 25_000;

export type RunRequest = StartPushRequest;

/** A check that may stop a run after validation and before any request, e.g. the scheduled overwrite guard. */
export type Preflight = (validation: PushContext['validation']) => string | undefined;

export function startRun(
  request: RunRequest,
  trigger: RunTrigger,
  ownerKey: string,
  preflight?: Preflight,
): PushProgressDto {
  const startedMs = Date.now();
  const options = normalizePushOptions(request.options);
  const retryFailedOnly = request.retryFailedOnly === true;
  guardOptions(options, retryFailedOnly, trigger, request.overwriteConfirmation);

  const target = loadTarget(userPropsOf());
  const context = loadPushContext({
    sheetId: request.sheetId,
    options,
    ...(request.mapping === undefined ? {} : { mapping: request.mapping }),
    interactive: trigger === 'sidebar' || trigger === 'menu',
  });
  const { validation } = context;
  const problem = validation.problems[0];
  if (problem !== undefined) {
    throw new AddonError(problem.code, problem.message, problemDetails(problem));
  }
  const refusal = preflight?.(validation);
  if (refusal !== undefined) throw new AddonError('PREFLIGHT_FAILED', refusal);
  if (options.replaceFromSheet && validation.counts.invalid > 0 && options.acceptDroppedRows !== true) {
    throw new AddonError(
      'REPLACE_BLOCKED_INVALID',
      `Replace from sheet blocked: ${validation.counts.invalid} rows are invalid, and their SKUs would be set to 0 in JOOR if the add-on pushed them before. Fix those rows, or confirm that they may be dropped.`,
      { invalid: validation.counts.invalid },
    );
  }
  if (options.overwrite && validation.counts.invalid > 0 && options.acceptDroppedRows !== true) {
    throw new AddonError(
      'OVERWRITE_BLOCKED_INVALID',
      `Overwrite blocked: ${validation.counts.invalid} rows are invalid, and with overwrite on every SKU left out of the push is wiped in JOOR. Fix those rows, or confirm that they may be dropped.`,
      { invalid: validation.counts.invalid },
    );
  }

  const runId = newRunId(startedMs, Math.random);
  withDocumentLock(() =>
    acquireRunLease(context.documentProps, runId, ownerKey, trigger, context.snapshot.timeZone),
  );
  try {
    const cursor: RunCursor = {
      runId,
      trigger,
      spreadsheetId: context.spreadsheet.getId(),
      sheetId: context.snapshot.sheetId,
      options,
      retryFailedOnly,
      environment: target.environment,
      target: target.target,
      ownerKey,
      startedAt: startedMs,
      executions: 1,
      rowsRead: validation.counts.dataRows,
      linesPlanned: 0,
      linesDone: 0,
      requestsPlanned: 0,
      requestsSent: 0,
      zeroLinesDone: 0,
      overwriteSent: false,
      requestsSucceeded: 0,
      counts: {},
      nextRow: validation.headerRow + 1,
      cancelled: false,
    };
    const execution = prepareExecution(startedMs, cursor, context, target, request.includeRows === true);
    const batches = planBatches(execution.scope.lines, context.settings.itemsPerRequest);
    if (options.overwrite) {
      const refusal = checkOverwritePlan(batches.length, execution.scope.lines.length, context.settings);
      if (refusal !== undefined) throw new AddonError('OVERWRITE_REFUSED', refusal);
    }
    cursor.linesPlanned = execution.scope.lines.length;
    cursor.requestsPlanned = batches.length;
    queueImmediateStatuses(execution);
    saveCursor(context.documentProps, cursor);
    log.info('run.start', {
      runId,
      trigger,
      rows: validation.counts.dataRows,
      lines: cursor.linesPlanned,
      requests: batches.length,
    });
    return runBatches(execution, batches);
  } catch (error) {
    withDocumentLock(() => releaseRunLease(context.documentProps, runId));
    throw error;
  }
}

export function continueRun(runId: string, includeRows: boolean): PushProgressDto {
  const startedMs = Date.now();
  const documentProps = documentPropsOf();
  const cursor = loadCursor(documentProps);
  if (cursor === undefined || cursor.runId !== runId) {
    throw new AddonError(
      'RUN_NOT_FOUND',
      `Push ${runId} is no longer running: it finished, was cancelled or was replaced by another push. Check the statuses in the sheet and start a new push if needed.`,
    );
  }
  withDocumentLock(() => renewRunLease(documentProps, cursor, cursor.ownerKey));
  const target = loadTarget(userPropsOf());
  const context = loadPushContext({
    sheetId: cursor.sheetId,
    spreadsheetId: cursor.spreadsheetId,
    options: cursor.options,
    interactive: false,
  });
  const problem = context.validation.problems[0];
  if (problem !== undefined) {
    cursor.lastStop = problem.message;
    return finishRun(prepareEmpty(startedMs, cursor, context, target), 'failed', problem.message);
  }
  cursor.executions += 1;
  const execution = prepareExecution(startedMs, cursor, context, target, includeRows);
  queueImmediateStatuses(execution);
  const batches = planBatches(execution.scope.lines, context.settings.itemsPerRequest);
  loadStatusFormats(context.snapshot, execution.columns, context.validation.headerRow);
  return runBatches(execution, batches);
}

export function cancelRun(runId: string): PushProgressDto {
  const startedMs = Date.now();
  const documentProps = documentPropsOf();
  const cursor = loadCursor(documentProps);
  if (cursor === undefined || cursor.runId !== runId) {
    throw new AddonError('RUN_NOT_FOUND', `Push ${runId} is not running, so there is nothing to cancel.`);
  }
  cursor.cancelled = true;
  const target = loadTarget(userPropsOf());
  const context = loadPushContext({
    sheetId: cursor.sheetId,
    spreadsheetId: cursor.spreadsheetId,
    options: cursor.options,
    interactive: false,
  });
  const execution = prepareExecution(startedMs, cursor, context, target, false);
  const message = 'Push cancelled before this row was sent; the next push sends it.';
  markRemaining(execution, execution.scope.lines, message);
  return finishRun(execution, 'cancelled', `Cancelled by the user. ${describeCounts(cursor.counts)}.`);
}

function guardOptions(
  options: PushOptions,
  retryFailedOnly: boolean,
  trigger: RunTrigger,
  confirmation: string | undefined,
): void {
  if (options.overwrite && options.replaceFromSheet) {
    throw new AddonError(
      'INVALID_OPTIONS',
      'Choose either Overwrite or Replace from sheet, not both: they are two ways to make JOOR match the sheet.',
    );
  }
  if (options.overwrite && retryFailedOnly) {
    throw new AddonError(
      'INVALID_OPTIONS',
      'Retrying failed rows cannot use Overwrite, because an overwrite with only those rows would wipe every other SKU. Turn Overwrite off to retry.',
    );
  }
  // The schedule's overwrite was confirmed when the schedule was saved. Every other push confirms it
  // here, the CLI included (its --confirm OVERWRITE), because any endpoint can be called directly.
  if (options.overwrite && trigger !== 'schedule' && confirmation !== 'OVERWRITE') {
    throw new AddonError(
      'OVERWRITE_NOT_CONFIRMED',
      'Overwrite replaces the inventory of the whole JOOR account. Type OVERWRITE in the confirmation box to go ahead.',
    );
  }
}

function documentPropsOf() {
  return documentStore();
}

function userPropsOf() {
  return userStore();
}

function prepareEmpty(
  startedMs: number,
  cursor: RunCursor,
  context: PushContext,
  target: TargetInfo,
): Execution {
  return {
    startedMs,
    cursor,
    context,
    target,
    columns: ensureStatusColumns(context.snapshot, Math.max(context.validation.headerRow, 1)),
    confirmed: new Map(),
    confirmedChanged: false,
    scope: { lines: [], immediate: [], alreadyDone: 0, untouched: 0 },
    rows: undefined,
    pending: [],
  };
}

function prepareExecution(
  startedMs: number,
  cursor: RunCursor,
  context: PushContext,
  target: TargetInfo,
  includeRows: boolean,
): Execution {
  const { validation, snapshot } = context;
  const columns = ensureStatusColumns(snapshot, validation.headerRow);
  const needsConfirmed =
    cursor.options.changeOnly || cursor.options.replaceFromSheet || cursor.options.overwrite;
  const confirmed = needsConfirmed
    ? readConfirmedState(context.spreadsheet)
    : new Map<string, ConfirmedEntry>();
  const fingerprint = fingerprintFor(target, cursor.options);
  const zeroLines = cursor.options.replaceFromSheet
    ? buildZeroLines(confirmed, validation.rows, cursor.target).slice(cursor.zeroLinesDone)
    : [];
  const scope = scopeRun({
    runId: cursor.runId,
    rows: validation.rows,
    options: cursor.options,
    retryFailedOnly: cursor.retryFailedOnly,
    stateOf: (row) => parseRowState(snapshot.values[row - 1]?.[columns.state - 1]),
    lastConfirmed: (key) => {
      const entry = confirmed.get(confirmedStateKey(cursor.target, key));
      return entry === undefined ? undefined : entry;
    },
    fingerprint,
    zeroLines,
  });
  return {
    startedMs,
    cursor,
    context,
    target,
    columns,
    confirmed,
    confirmedChanged: false,
    scope,
    rows: includeRows ? [] : undefined,
    pending: [],
  };
}

/** Zero lines for keys of the last confirmed push on this target that the sheet no longer has. */
function buildZeroLines(
  confirmed: Map<string, ConfirmedEntry>,
  rows: PushContext['validation']['rows'],
  target: string,
): PlannedLine[] {
  const present = new Set<string>();
  const presentIdentities = new Set<string>();
  for (const row of rows) {
    if (row.key !== undefined) present.add(row.key);
    if (row.item !== undefined) presentIdentities.add(identityOf(row.item));
  }
  const lines: PlannedLine[] = [];
  let synthetic = -1;
  for (const entry of confirmed.values()) {
    if (entry.target !== target || present.has(entry.key) || entry.quantity === 0) continue;
    const item = zeroItemFor(entry);
    // A second check on the identifiers themselves, so a key that changed form in storage can
    // never zero a SKU that this push also sends.
    if (item === undefined || presentIdentities.has(identityOf(item))) continue;
    lines.push({ row: synthetic--, key: entry.key, item, warnings: [] });
  }
  return lines;
}

/** Joins a line's identifiers, warehouse and date into one string, with GTINs in GTIN-14 form. */
function identityOf(item: PlannedLine['item']): string {
  const upc = item.upc === undefined ? '' : toGtin14(item.upc);
  return JSON.stringify([
    upc,
    upc === '' ? (item.style_number ?? '') : '',
    upc === '' ? (item.color_code ?? '') : '',
    upc === '' ? (item.size ?? '') : '',
    upc === '' ? (item.style_id ?? '') : '',
    upc === '' ? (item.style_color_id ?? '') : '',
    upc === '' ? (item.size_code ?? '') : '',
    item.warehouse ?? '',
    item.inventory_date ?? '',
  ]);
}

function zeroItemFor(entry: ConfirmedEntry): PlannedLine['item'] | undefined {
  try {
    const item = JSON.parse(entry.sku) as PlannedLine['item'];
    return { ...item, inventory: 0, made_to_order: false };
  } catch {
    return undefined;
  }
}

function runBatches(execution: Execution, batches: PlannedLine[][]): PushProgressDto {
  const { cursor, context } = execution;
  const sliced = cursor.trigger === 'sidebar' && !cursor.options.overwrite;
  const deadlineMs = execution.startedMs + (sliced ? SIDEBAR_SLICE_MS : EXECUTION_BUDGET_MS);
  let stop: SendOutcome['stop'];
  let index = 0;
  for (; index < batches.length; index++) {
    const batch = batches[index]!;
    // overwrite=1 goes only on the first request that can reach JOOR: a first request rejected
    // with 429 applied nothing, so its retry in a later execution still carries it.
    const overwrite =
      cursor.options.overwrite && !cursor.overwriteSent && cursor.requestsSucceeded === 0 && index === 0;
    const outcome = sendPlannedBatch(batch, {
      target: execution.target,
      settings: context.settings,
      options: cursor.options,
      overwrite,
      overwriteAlreadySent: cursor.overwriteSent,
      requestsSucceededBefore: cursor.requestsSucceeded,
      deadlineMs,
      userProps: context.userProps,
      timeZone: context.snapshot.timeZone,
    });
    cursor.requestsSent += outcome.requestsMade;
    if (overwrite && outcome.rows.some((row) => row.status !== 'not_sent')) cursor.overwriteSent = true;
    if (outcome.rows.some((row) => row.status === 'sent' || row.status === 'failed'))
      cursor.requestsSucceeded += 1;
    recordOutcome(execution, batch, outcome);
    saveCursor(context.documentProps, cursor);
    // The document lock flushes the sheet before it is released, which is the batch's checkpoint.
    withDocumentLock(() => renewRunLease(context.documentProps, cursor, cursor.ownerKey));
    if (outcome.stop !== undefined) {
      stop = outcome.stop;
      break;
    }
  }

  const remaining = batches.slice(index + (stop === undefined ? 0 : 1)).flat();
  if (stop === undefined) {
    const zeroed =
      cursor.options.replaceFromSheet && cursor.zeroLinesDone > 0
        ? ` ${cursor.zeroLinesDone} SKUs pushed before and missing from the sheet were set to 0.`
        : '';
    return finishRun(
      execution,
      outcomeOf(cursor.counts),
      `Push finished: ${describeCounts(cursor.counts)}.${zeroed}`,
    );
  }
  if (stop.kind === 'deadline' || stop.kind === 'rate_limited') {
    cursor.lastStop = stop.message;
    saveProgress(execution);
    return progressOf(execution, false, stop.message, stop.resumeAtMs);
  }
  markRemaining(execution, remaining, stop.message);
  return finishRun(execution, 'failed', stop.message);
}

function recordOutcome(execution: Execution, batch: PlannedLine[], outcome: SendOutcome): void {
  const { cursor } = execution;
  const byRow = new Map(batch.map((line) => [line.row, line]));
  const writes: StatusWrite[] = [];
  for (const result of outcome.rows) {
    const line = byRow.get(result.row);
    if (line === undefined) continue;
    if (result.status !== 'not_sent') cursor.linesDone += 1;
    if (result.status === 'sent') rememberConfirmed(execution, line, result.logId ?? '');
    // Zero lines of "Replace from sheet" have no sheet row, so they are counted apart from rows.
    if (line.row < 0) {
      if (result.status !== 'not_sent') cursor.zeroLinesDone += 1;
      continue;
    }
    countRowStatus(execution, line.row, result.status);
    const pushed = result.status !== 'not_sent';
    const details = [result.message, ...line.warnings].filter((part) => part !== '');
    writes.push(makeWrite(cursor.runId, line.row, result.status, details, result.logId ?? '', pushed));
    execution.rows?.push({
      row: line.row,
      status: result.status,
      message: details.join(' '),
      item: line.item,
      ...(result.logId === undefined ? {} : { logId: result.logId }),
    });
    cursor.nextRow = Math.max(cursor.nextRow, line.row + 1);
  }
  const lastRow = writes.reduce((max, write) => Math.max(max, write.row), 0);
  applyWrites(execution, [...takePending(execution, lastRow), ...writes]);
}

function rememberConfirmed(execution: Execution, line: PlannedLine, logId: string): void {
  const { cursor } = execution;
  const entry: ConfirmedEntry = {
    target: cursor.target,
    key: line.key,
    sku: JSON.stringify(line.item),
    warehouse: line.item.warehouse ?? '',
    date: line.item.inventory_date ?? '',
    quantity: line.item.inventory,
    madeToOrder: line.item.made_to_order === true,
    fingerprint: fingerprintFor(execution.target, cursor.options)(line.item),
    logId,
    runId: cursor.runId,
    confirmedAt: formatTimestamp(Date.now(), execution.context.snapshot.timeZone),
  };
  execution.confirmed.set(confirmedStateKey(cursor.target, line.key), entry);
  execution.confirmedChanged = true;
}

/** Gives every line that was not sent the reason the run stopped, in one write. */
export { skuOf };
