/** Schedule endpoints: create, replace, delete and resume the document's scheduled push. */

import type { SaveScheduleRequest, ScheduleDto } from '../../shared/api';
import { AddonError } from '../errors';
import { documentStore } from '../gas/platform';
import { activeSpreadsheet, sheetById } from '../gas/sheet';
import { normalizePushOptions } from '../push/options';
import {
  checkInterval,
  createTrigger,
  DAILY_TRIGGER_BUDGET_MINUTES,
  deleteOwnTriggers,
  estimateDailyMinutes,
  loadSchedule,
  type StoredSchedule,
  scheduleDto,
  scheduleWarnings,
  storeSchedule,
} from '../schedule';
import { PROPERTY_KEYS } from '../settings';
import { ownerKey } from './push-api';

export function getScheduleState(): { schedule?: ScheduleDto; warnings: string[] } {
  const schedule = loadSchedule();
  const now = Date.now();
  const dto = scheduleDto(schedule, now);
  return dto === undefined ? { warnings: [] } : { schedule: dto, warnings: scheduleWarnings(schedule, now) };
}

export function saveScheduleRequest(request: SaveScheduleRequest): ScheduleDto {
  if (request === null || typeof request !== 'object') {
    throw new AddonError(
      'INVALID_REQUEST',
      'The schedule request is empty. Reload the sidebar and try again.',
    );
  }
  const { interval, hour } = checkInterval(request.interval, request.hour);
  const spreadsheet = activeSpreadsheet();
  const existing = loadSchedule();
  const me = ownerKey();
  if (existing !== undefined && existing.ownerKey !== me) {
    throw new AddonError(
      'SCHEDULE_OWNED_BY_OTHER',
      'This spreadsheet already has a scheduled push set up by another editor. Ask them to turn it off first, so two schedules never push the same sheet.',
    );
  }
  sheetById(spreadsheet, String(request.sheetId));
  const options = normalizePushOptions(request.options);
  if (options.overwrite && interval !== 'off' && request.overwriteConfirmation !== 'OVERWRITE') {
    throw new AddonError(
      'OVERWRITE_NOT_CONFIRMED',
      'A scheduled overwrite replaces the inventory of the whole JOOR account at every run. Type OVERWRITE in the confirmation box to save it.',
    );
  }
  if (interval === 'off') {
    deleteOwnTriggers(spreadsheet);
    documentStore().delete(PROPERTY_KEYS.schedule);
    return { interval: 'off', sheetId: String(request.sheetId), options, paused: false };
  }
  const recent = existing?.recentMinutes ?? [];
  const daily = estimateDailyMinutes(interval, recent);
  if (daily > DAILY_TRIGGER_BUDGET_MINUTES) {
    throw new AddonError(
      'SCHEDULE_OVER_BUDGET',
      `At ${interval} this push would use about ${daily} minutes of trigger time a day, more than the ${DAILY_TRIGGER_BUDGET_MINUTES} minutes Google allows consumer accounts. Choose a longer interval.`,
    );
  }
  const triggerId = createTrigger(spreadsheet, interval, hour);
  const schedule: StoredSchedule = {
    interval: interval as StoredSchedule['interval'],
    ...(hour === undefined ? {} : { hour }),
    spreadsheetId: spreadsheet.getId(),
    sheetId: String(request.sheetId),
    options,
    ownerKey: me,
    triggerId,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    createdAt: Date.now(),
    paused: false,
    consecutiveFailures: 0,
    recentMinutes: recent,
    ...(existing?.lastValidRows === undefined ? {} : { lastValidRows: existing.lastValidRows }),
  };
  storeSchedule(schedule);
  return scheduleDto(schedule, Date.now())!;
}

export function deleteScheduleRequest(): boolean {
  const spreadsheet = activeSpreadsheet();
  const existing = loadSchedule();
  if (existing !== undefined && existing.ownerKey !== ownerKey()) {
    throw new AddonError(
      'SCHEDULE_OWNED_BY_OTHER',
      'Only the editor who set up the schedule can turn it off, because its trigger runs under their account.',
    );
  }
  const deleted = deleteOwnTriggers(spreadsheet);
  documentStore().delete(PROPERTY_KEYS.schedule);
  return deleted > 0 || existing !== undefined;
}

export function resumeScheduleRequest(): ScheduleDto {
  const schedule = loadSchedule();
  if (schedule === undefined) {
    throw new AddonError(
      'NO_SCHEDULE',
      'There is no scheduled push to resume. Set one up in the schedule panel.',
    );
  }
  schedule.paused = false;
  delete schedule.pauseReason;
  schedule.consecutiveFailures = 0;
  storeSchedule(schedule);
  return scheduleDto(schedule, Date.now())!;
}
