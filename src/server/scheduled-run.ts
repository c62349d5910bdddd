/**
 * The time-driven trigger handler. It has no UI, so every outcome goes to the schedule record,
 * the run log and the row statuses. It checks authorisation first, resumes a scheduled run cut
 * at the time budget, and pauses the schedule after repeated failures.
 */

import type { ValidationResult } from '../core/validation';
import { isAddonError } from './errors';
import { createLogger, documentStore } from './gas/platform';
import { activeSpreadsheet } from './gas/sheet';
import { loadCursor } from './push/cursor';
import { continueRun, logRunRefused, startRun } from './push/runner';
import {
  deleteOwnTriggers,
  loadSchedule,
  MAX_CONSECUTIVE_FAILURES,
  OVERWRITE_DROP_LIMIT,
  type StoredSchedule,
  storeSchedule,
  UNCALCULATED_LIMIT,
} from './schedule';

const log = createLogger('addon:schedule');
/** Recent run lengths kept for the daily runtime estimate. */
const RECENT_RUNS = 10;

function authorizationRequired(): boolean {
  try {
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  } catch (error) {
    log.warn('auth.check.failed', { error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/** Stops a scheduled run before any request when its data looks incomplete. */
export function scheduledPreflight(
  schedule: StoredSchedule,
): (validation: ValidationResult) => string | undefined {
  return (validation) => {
    const dataRows = validation.counts.dataRows;
    if (dataRows > 0 && validation.counts.uncalculated / dataRows > UNCALCULATED_LIMIT) {
      return `Source data not calculated yet: ${validation.counts.uncalculated} of ${dataRows} rows show #N/A or Loading...; nothing was sent and the next scheduled run tries again.`;
    }
    if (!schedule.options.overwrite) return undefined;
    if (validation.counts.invalid > 0) {
      return `Scheduled overwrite blocked: ${validation.counts.invalid} rows are invalid, and an overwrite would wipe their SKUs in JOOR. Fix the rows; nothing was sent.`;
    }
    const last = schedule.lastValidRows;
    if (last !== undefined && last > 0 && validation.counts.valid < last * (1 - OVERWRITE_DROP_LIMIT)) {
      return `Scheduled overwrite blocked: ${validation.counts.valid} valid rows against ${last} in the last successful run (more than ${Math.round(OVERWRITE_DROP_LIMIT * 100)} % fewer). Check the sheet; nothing was sent.`;
    }
    return undefined;
  };
}

export function runScheduledPush(): void {
  const startedMs = Date.now();
  if (authorizationRequired()) {
    log.warn('schedule.reauthorization_needed', {});
    try {
      const schedule = loadSchedule();
      if (schedule !== undefined) {
        schedule.lastOutcome = 'reauthorization_needed';
        schedule.lastRunAt = startedMs;
        storeSchedule(schedule);
      }
    } catch (error) {
      log.error('schedule.record.failed', { error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }

  const schedule = loadSchedule();
  if (schedule === undefined) {
    // A trigger without a schedule record is left over from a deleted schedule.
    const deleted = deleteOwnTriggers(activeSpreadsheet());
    log.warn('schedule.orphan_trigger', { deleted });
    return;
  }
  if (schedule.paused) {
    log.info('schedule.skipped_paused', { reason: schedule.pauseReason ?? '' });
    return;
  }
  schedule.lastRunAt = startedMs;
  storeSchedule(schedule);

  try {
    activeSpreadsheet(schedule.spreadsheetId);
    const cursor = loadCursor(documentStore());
    const progress =
      cursor !== undefined && cursor.trigger === 'schedule'
        ? continueRun(cursor.runId, false)
        : startRun(
            { sheetId: schedule.sheetId, options: schedule.options },
            'schedule',
            schedule.ownerKey,
            scheduledPreflight(schedule),
          );
    const failed = progress.finished && (progress.counts.failed ?? 0) + (progress.counts.not_sent ?? 0) > 0;
    if (!progress.finished) schedule.lastOutcome = 'resuming';
    else if (failed) schedule.lastOutcome = 'partial';
    else schedule.lastOutcome = 'succeeded';
    schedule.consecutiveFailures = failed ? schedule.consecutiveFailures + 1 : 0;
    if (progress.finished && !failed) schedule.lastValidRows = progress.total;
    log.info('schedule.run', {
      runId: progress.runId,
      finished: progress.finished,
      requests: progress.requestsSent,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = isAddonError(error) ? error.code : 'INTERNAL';
    log.error('schedule.run.failed', { code, error: message });
    schedule.lastOutcome = message;
    schedule.consecutiveFailures += 1;
    try {
      logRunRefused('schedule', schedule.options, message);
    } catch (logError) {
      log.error('schedule.log.failed', {
        error: logError instanceof Error ? logError.message : String(logError),
      });
    }
  }
  const minutes = (Date.now() - startedMs) / 60_000;
  schedule.recentMinutes = [...schedule.recentMinutes, Math.round(minutes * 100) / 100].slice(-RECENT_RUNS);
  if (schedule.consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
    schedule.paused = true;
    schedule.pauseReason = `${schedule.consecutiveFailures} scheduled runs in a row failed; the last error was: ${schedule.lastOutcome}`;
  }
  const latest = loadSchedule();
  if (latest !== undefined && latest.triggerId === schedule.triggerId) storeSchedule(schedule);
}
