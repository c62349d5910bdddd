/** The end of an execution: progress for the caller, the run log row, and the end of a run. */

import type { PushProgressDto } from '../../shared/api';
import type { PushOptions, StatusCounts } from '../../shared/types';
import { upsertRunLog, writeConfirmedState } from '../gas/bookkeeping';
import { createLogger, formatClockTime, formatTimestamp } from '../gas/platform';
import { clearCursor, newRunId, type RunTrigger, saveCursor } from './cursor';
import { applyWrites, type Execution, takePending } from './execution';
import { releaseRunLease, withDocumentLock } from './lease';

const log = createLogger('addon:push');

export function outcomeOf(counts: StatusCounts): 'succeeded' | 'partial' {
  const problems = (counts.failed ?? 0) + (counts.not_sent ?? 0) + (counts.not_confirmed ?? 0);
  return problems === 0 ? 'succeeded' : 'partial';
}

export function saveProgress(execution: Execution): void {
  const { cursor, context } = execution;
  applyWrites(execution, takePending(execution));
  if (execution.confirmedChanged) writeConfirmedState(context.spreadsheet, execution.confirmed);
  execution.confirmedChanged = false;
  saveCursor(context.documentProps, cursor);
  writeLog(execution, 'running', cursor.lastStop ?? 'Push in progress.');
}

function writeLog(
  execution: Execution,
  outcome: Parameters<typeof upsertRunLog>[1]['summary']['outcome'],
  message: string,
) {
  const { cursor, context } = execution;
  const timeZone = context.snapshot.timeZone;
  upsertRunLog(context.spreadsheet, {
    summary: {
      runId: cursor.runId,
      trigger: cursor.trigger,
      startedAt: formatTimestamp(cursor.startedAt, timeZone),
      ...(outcome === 'running' ? {} : { endedAt: formatTimestamp(Date.now(), timeZone) }),
      outcome,
      counts: cursor.counts,
      message,
    },
    options: describeOptions(cursor.options),
    rowsRead: cursor.rowsRead,
    linesSent: cursor.linesDone,
    requests: cursor.requestsSent,
    creditWindows: Math.ceil(cursor.requestsSent / 60),
  });
}

export function describeOptions(options: PushOptions): string {
  const parts = [`warehouse ${options.defaultWarehouse}`, options.format.toUpperCase()];
  if (options.overwrite) parts.push('overwrite');
  if (options.replaceFromSheet) parts.push('replace from sheet');
  if (options.decPending) parts.push('dec_pending');
  if (options.changeOnly) parts.push('change-only');
  return parts.join(', ');
}

export function finishRun(
  execution: Execution,
  outcome: 'succeeded' | 'partial' | 'failed' | 'cancelled' | 'aborted',
  message: string,
): PushProgressDto {
  const { cursor, context } = execution;
  applyWrites(execution, takePending(execution));
  if (execution.confirmedChanged) writeConfirmedState(context.spreadsheet, execution.confirmed);
  execution.confirmedChanged = false;
  writeLog(execution, outcome, message);
  context.documentProps.set(
    'joor.lastRun',
    JSON.stringify({
      runId: cursor.runId,
      trigger: cursor.trigger,
      startedAt: new Date(cursor.startedAt).toISOString(),
      endedAt: new Date().toISOString(),
      outcome,
      counts: cursor.counts,
      message,
    }),
  );
  clearCursor(context.documentProps);
  withDocumentLock(() => releaseRunLease(context.documentProps, cursor.runId));
  SpreadsheetApp.flush();
  log.info('run.end', { runId: cursor.runId, outcome, requests: cursor.requestsSent, counts: cursor.counts });
  return progressOf(execution, true, message, undefined);
}

export function progressOf(
  execution: Execution,
  finished: boolean,
  message: string,
  resumeAtMs: number | undefined,
): PushProgressDto {
  const { cursor } = execution;
  const progress: PushProgressDto = {
    runId: cursor.runId,
    done: cursor.linesDone,
    total: cursor.linesPlanned,
    requestsSent: cursor.requestsSent,
    requestsPlanned: cursor.requestsPlanned,
    counts: cursor.counts,
    finished,
    message,
  };
  if (!finished && cursor.lastStop !== undefined) progress.stopReason = cursor.lastStop;
  if (resumeAtMs !== undefined) {
    progress.resumeAfter = new Date(resumeAtMs).toISOString();
    progress.message = `${message} Continues at ${formatClockTime(resumeAtMs, execution.context.snapshot.timeZone)}.`;
  }
  if (execution.rows !== undefined) progress.rows = execution.rows;
  return progress;
}

/** Exposed for the sku text of zero lines and previews. */

/** Adds a log row for a run that stopped before it started sending (a guard or a sheet problem). */
export function logRunRefused(trigger: RunTrigger, options: PushOptions, message: string): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const now = Date.now();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  upsertRunLog(spreadsheet, {
    summary: {
      runId: newRunId(now, Math.random),
      trigger,
      startedAt: formatTimestamp(now, timeZone),
      endedAt: formatTimestamp(now, timeZone),
      outcome: 'aborted',
      counts: {},
      message,
    },
    options: describeOptions(options),
    rowsRead: 0,
    linesSent: 0,
    requests: 0,
    creditWindows: 0,
  });
}
