/**
 * Scheduled pushes. An add-on gets one time-driven trigger per user per document, at most
 * hourly, with no UI and no failure emails. So the schedule lives in document properties, and the
 * trigger handler records every outcome where the sidebar and onOpen can show it. A run cut at
 * the time budget resumes at the next fire, because there is no room for a continuation trigger.
 */

import type { ScheduleDto, ScheduleInterval } from '../shared/api';
import type { PushOptions } from '../shared/types';
import { AddonError } from './errors';
import { createLogger, documentStore, formatClockTime } from './gas/platform';
import { PROPERTY_KEYS, readJsonProperty, writeJsonProperty } from './settings';

const log = createLogger('addon:schedule');

/** The trigger handler's name; a top-level function of the bundle. */
export const SCHEDULE_HANDLER = 'onScheduledPush';
/** Consumer accounts get 90 minutes of trigger runtime a day; Workspace accounts 6 hours. */
export const DAILY_TRIGGER_BUDGET_MINUTES = 90;
/** Runs needed to estimate length before there is a history: an estimate of one minute each. */
const DEFAULT_RUN_MINUTES = 1;
/** Consecutive failed scheduled runs after which the schedule pauses itself. */
export const MAX_CONSECUTIVE_FAILURES = 3;
/** Share of valid rows a scheduled overwrite may lose against the last successful run. */
export const OVERWRITE_DROP_LIMIT = 0.5;
/** Share of uncalculated cells (#N/A, Loading...) above which a scheduled run waits for the next fire. */
export const UNCALCULATED_LIMIT = 0.05;

export const INTERVAL_HOURS: Readonly<Record<Exclude<ScheduleInterval, 'off'>, number>> = {
  hourly: 1,
  every2h: 2,
  every4h: 4,
  every6h: 6,
  every12h: 12,
  daily: 24,
};

export interface StoredSchedule {
  interval: Exclude<ScheduleInterval, 'off'>;
  hour?: number;
  spreadsheetId: string;
  sheetId: string;
  options: PushOptions;
  /** Session.getTemporaryActiveUserKey() of the editor whose trigger runs it; not an email. */
  ownerKey: string;
  triggerId: string;
  timeZone: string;
  createdAt: number;
  paused: boolean;
  pauseReason?: string;
  consecutiveFailures: number;
  lastRunAt?: number;
  lastOutcome?: string;
  /** Valid rows of the last successful run, for the scheduled overwrite guard. */
  lastValidRows?: number;
  /** Minutes of the recent runs, newest last, for the daily runtime estimate. */
  recentMinutes: number[];
}

export function loadSchedule(): StoredSchedule | undefined {
  return readJsonProperty<StoredSchedule>(documentStore(), PROPERTY_KEYS.schedule);
}

export function storeSchedule(schedule: StoredSchedule): void {
  writeJsonProperty(documentStore(), PROPERTY_KEYS.schedule, schedule);
}

export function runsPerDay(interval: Exclude<ScheduleInterval, 'off'>): number {
  return 24 / INTERVAL_HOURS[interval];
}

/** Minutes of trigger runtime a day, from the recent runs' average (or one minute each). */
export function estimateDailyMinutes(
  interval: Exclude<ScheduleInterval, 'off'>,
  recentMinutes: number[],
): number {
  const perRun =
    recentMinutes.length === 0
      ? DEFAULT_RUN_MINUTES
      : recentMinutes.reduce((sum, value) => sum + value, 0) / recentMinutes.length;
  return Math.round(perRun * runsPerDay(interval) * 10) / 10;
}

/**
 * Next expected fire after `fromMs`, for the watchdog and the sidebar. Apps Script fires a daily
 * trigger within the hour after its hour, so this is the earliest expected time.
 */
export function nextRunAt(schedule: StoredSchedule, fromMs: number): number {
  if (schedule.interval === 'daily' && schedule.hour !== undefined) return nextDailyRun(schedule, fromMs);
  const hours = INTERVAL_HOURS[schedule.interval];
  const base = schedule.lastRunAt ?? schedule.createdAt;
  let next = base + hours * 3_600_000;
  while (next < fromMs) next += hours * 3_600_000;
  return next;
}

/**
 * First whole hour after `fromMs` whose hour of day in the schedule's time zone is the chosen
 * hour. NOTE: in zones with a half-hour offset the trigger's own hour boundary is unverified.
 */
function nextDailyRun(schedule: StoredSchedule, fromMs: number): number {
  const hourMs = 3_600_000;
  const start = Math.floor(fromMs / hourMs) * hourMs;
  for (let step = 1; step <= 48; step++) {
    const candidate = start + step * hourMs;
    const hour = Number(Utilities.formatDate(new Date(candidate), schedule.timeZone, 'H'));
    if (hour === schedule.hour) return candidate;
  }
  return start + 24 * hourMs;
}

/**
 * Warnings for the sidebar and onOpen: a paused schedule, a missed run (no run within the
 * interval plus the hour Apps Script may add), or re-authorisation needed.
 */
export function scheduleWarnings(schedule: StoredSchedule | undefined, nowMs: number): string[] {
  if (schedule === undefined) return [];
  const warnings: string[] = [];
  if (schedule.paused) {
    warnings.push(
      `Scheduled pushes are paused: ${schedule.pauseReason ?? 'paused by the user'}. Resume them in the sidebar.`,
    );
    return warnings;
  }
  const hours = INTERVAL_HOURS[schedule.interval];
  const last = schedule.lastRunAt ?? schedule.createdAt;
  const graceMs = (hours + 1) * 3_600_000 + 15 * 60_000;
  if (nowMs - last > graceMs) {
    warnings.push(
      `The scheduled push expected by ${formatClockTime(last + hours * 3_600_000, schedule.timeZone)} did not run. The trigger may have been removed or its owner lost access; open the schedule panel to check and re-create it.`,
    );
  }
  if (schedule.lastOutcome === 'reauthorization_needed') {
    warnings.push(
      'The scheduled push needs re-authorisation. Open the sidebar as the schedule owner and accept the permissions.',
    );
  }
  return warnings;
}

export function scheduleDto(schedule: StoredSchedule | undefined, nowMs: number): ScheduleDto | undefined {
  if (schedule === undefined) return undefined;
  const dto: ScheduleDto = {
    interval: schedule.interval,
    sheetId: schedule.sheetId,
    options: schedule.options,
    paused: schedule.paused,
    estimatedDailyMinutes: estimateDailyMinutes(schedule.interval, schedule.recentMinutes),
  };
  if (schedule.hour !== undefined) dto.hour = schedule.hour;
  if (schedule.pauseReason !== undefined) dto.pauseReason = schedule.pauseReason;
  if (!schedule.paused) dto.nextRunAt = new Date(nextRunAt(schedule, nowMs)).toISOString();
  if (schedule.lastRunAt !== undefined) dto.lastRunAt = new Date(schedule.lastRunAt).toISOString();
  return dto;
}

function findOwnTriggers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    (trigger) => trigger.getHandlerFunction() === SCHEDULE_HANDLER,
  );
}

/** Deletes this user's schedule triggers for the document; returns how many were deleted. */
export function deleteOwnTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const triggers = findOwnTriggers(spreadsheet);
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  return triggers.length;
}

export function triggerExists(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  triggerId: string,
): boolean {
  return findOwnTriggers(spreadsheet).some((trigger) => trigger.getUniqueId() === triggerId);
}

/**
 * Creates the one time-driven trigger of this user in this document, replacing an earlier one.
 * Failures (the add-on trigger limits, missing authorisation) reach the user as an AddonError.
 */
export function createTrigger(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  interval: Exclude<ScheduleInterval, 'off'>,
  hour: number | undefined,
): string {
  deleteOwnTriggers(spreadsheet);
  try {
    const builder = ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased();
    const trigger =
      interval === 'daily'
        ? builder
            .everyDays(1)
            .atHour(hour ?? 6)
            .inTimezone(spreadsheet.getSpreadsheetTimeZone())
            .create()
        : builder.everyHours(INTERVAL_HOURS[interval]).create();
    return trigger.getUniqueId();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('trigger.create.failed', { error: message });
    throw new AddonError(
      'SCHEDULE_CREATE_FAILED',
      `Google did not create the schedule trigger: ${message}. Nothing is scheduled; try again, or remove other add-on triggers in this document.`,
    );
  }
}

export function checkInterval(
  interval: unknown,
  hour: unknown,
): {
  interval: ScheduleInterval;
  hour: number | undefined;
} {
  const allowed: ScheduleInterval[] = ['off', 'hourly', 'every2h', 'every4h', 'every6h', 'every12h', 'daily'];
  if (typeof interval !== 'string' || !allowed.includes(interval as ScheduleInterval)) {
    throw new AddonError(
      'INVALID_SCHEDULE',
      `Schedule interval must be one of ${allowed.join(', ')}; add-on triggers cannot run more often than hourly.`,
    );
  }
  if (interval !== 'daily') return { interval: interval as ScheduleInterval, hour: undefined };
  if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new AddonError(
      'INVALID_SCHEDULE',
      `A daily schedule needs an hour from 0 to 23; found ${JSON.stringify(hour)}.`,
    );
  }
  return { interval: 'daily', hour };
}
