// ScriptApp fake: authorisation info and time-driven triggers with the add-on rules from
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers (one time-driven
// trigger per user per document, at most hourly) and the quota page (20 triggers per user per
// script).
import { type Execution, SCOPES } from './execution';
import { zonedParts, zonedTimeToEpoch } from './zoned-time';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
export const MAX_TRIGGERS_PER_USER = 20;

export interface TriggerSchedule {
  unit: 'minutes' | 'hours' | 'days';
  interval: number;
  /** Hour of day (0-23) in `timeZone`, for daily triggers. */
  atHour: number | null;
  /** Minute the daily trigger fires at within its hour. */
  minute: number;
  timeZone: string;
}

/** A stored installable trigger. */
export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  eventType: 'CLOCK';
  /** Temporary active user key of the user who created it; it runs as that user. */
  ownerKey: string;
  /** Id of the document the add-on created it in. */
  documentId: string | null;
  schedule: TriggerSchedule;
  createdMs: number;
  nextFireMs: number;
}

export interface TriggerTable {
  triggers: TriggerRecord[];
  nextId: number;
}

export function createTriggerTable(): TriggerTable {
  return { triggers: [], nextId: 1 };
}

export interface ScriptAppContext {
  userKey: string;
  documentId: string | null;
  scriptTimeZone: string;
  authorizationRequired: boolean;
}

export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
};
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
};
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
};
export const WeekDay = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
};

/**
 * Computes the first fire time after `fromMs`. Hourly triggers fire `interval` hours after
 * creation. Daily triggers with `atHour` fire at `minute` within that hour, in the trigger's
 * time zone, because Apps Script picks a fixed random minute inside the hour.
 */
export function computeNextFire(schedule: TriggerSchedule, fromMs: number): number {
  if (schedule.unit === 'minutes') return fromMs + schedule.interval * 60_000;
  if (schedule.unit === 'hours') return fromMs + schedule.interval * HOUR_MS;
  if (schedule.atHour === null) return fromMs + schedule.interval * DAY_MS;

  const today = zonedParts(fromMs, schedule.timeZone);
  for (let dayOffset = 0; dayOffset <= schedule.interval + 1; dayOffset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + dayOffset));
    const candidate = zonedTimeToEpoch(
      schedule.timeZone,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      schedule.atHour,
      schedule.minute,
    );
    if (candidate > fromMs) return candidate;
  }
  return fromMs + schedule.interval * DAY_MS;
}

/** Advances a trigger's next fire time after it fired at `firedMs`. */
export function scheduleAfterFire(trigger: TriggerRecord, firedMs: number): void {
  const { schedule } = trigger;
  if (schedule.unit === 'days' && schedule.atHour !== null) {
    // Next occurrence at the same local hour, `interval` days on.
    trigger.nextFireMs = computeNextFire(schedule, firedMs + (schedule.interval - 1) * DAY_MS + 60_000);
  } else {
    trigger.nextFireMs = computeNextFire(schedule, firedMs);
  }
}

/** Event object of a time-driven trigger, as Apps Script passes it (fields in UTC). */
export function createTimeDrivenEvent(trigger: TriggerRecord, firedMs: number): Record<string, unknown> {
  const utc = zonedParts(firedMs, 'UTC');
  const startOfYear = Date.UTC(utc.year, 0, 1);
  return {
    authMode: AuthMode.FULL,
    triggerUid: trigger.id,
    year: utc.year,
    month: utc.month,
    'day-of-month': utc.day,
    'day-of-week': utc.weekday === 0 ? 7 : utc.weekday,
    'week-of-year': Math.floor((firedMs - startOfYear) / (7 * DAY_MS)) + 1,
    hour: utc.hour,
    minute: utc.minute,
    second: utc.second,
    timezone: 'UTC',
  };
}

export function createScriptApp(execution: Execution, table: TriggerTable, context: ScriptAppContext) {
  const enter = (method: string) => execution.enter('ScriptApp', method);
  const needsScope = (method: string) =>
    execution.requireAuthorization('ScriptApp', method, SCOPES.scriptApp);
  const mine = () => table.triggers.filter((t) => t.ownerKey === context.userKey);

  return {
    AuthMode,
    AuthorizationStatus,
    TriggerSource,
    EventType,
    WeekDay,
    getAuthorizationInfo(authMode: unknown) {
      enter('getAuthorizationInfo');
      if (authMode !== AuthMode.FULL && authMode !== AuthMode.LIMITED) {
        throw new Error(
          `Invalid argument: authMode "${String(authMode)}". Use ScriptApp.AuthMode.FULL or LIMITED.`,
        );
      }
      const required = context.authorizationRequired;
      return {
        getAuthorizationStatus: () =>
          required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED,
        getAuthorizationUrl: () => (required ? 'https://script.google.com/macros/d/local/authorize' : null),
        getAuthorizedScopes: () => (required ? [] : Object.values(SCOPES)),
      };
    },
    getScriptId() {
      enter('getScriptId');
      return 'local-script';
    },
    newTrigger(functionName: unknown) {
      enter('newTrigger');
      needsScope('newTrigger');
      if (typeof functionName !== 'string' || functionName === '') {
        throw new Error('Invalid argument: functionName. Pass the name of a top-level function.');
      }
      return createTriggerBuilder(execution, table, context, functionName);
    },
    getProjectTriggers() {
      enter('getProjectTriggers');
      needsScope('getProjectTriggers');
      return mine().map((t) => wrapTrigger(execution, t));
    },
    getUserTriggers(document: unknown) {
      enter('getUserTriggers');
      needsScope('getUserTriggers');
      const id = (document as { getId?: () => string } | null)?.getId?.();
      if (id === undefined)
        throw new Error('Invalid argument: pass the Spreadsheet whose triggers you want.');
      return mine()
        .filter((t) => t.documentId === id)
        .map((t) => wrapTrigger(execution, t));
    },
    deleteTrigger(trigger: unknown) {
      enter('deleteTrigger');
      needsScope('deleteTrigger');
      const id = (trigger as { getUniqueId?: () => string } | null)?.getUniqueId?.();
      const index = table.triggers.findIndex((t) => t.id === id && t.ownerKey === context.userKey);
      if (index < 0) throw new Error(`Trigger not found: ${String(id)}. It may have been deleted already.`);
      table.triggers.splice(index, 1);
    },
  };
}

function wrapTrigger(execution: Execution, trigger: TriggerRecord) {
  const enter = (method: string) => execution.enter('Trigger', method);
  return {
    getUniqueId() {
      enter('getUniqueId');
      return trigger.id;
    },
    getHandlerFunction() {
      enter('getHandlerFunction');
      return trigger.handlerFunction;
    },
    getEventType() {
      enter('getEventType');
      return EventType.CLOCK;
    },
    getTriggerSource() {
      enter('getTriggerSource');
      return TriggerSource.CLOCK;
    },
    /** Time-driven triggers have no source id. */
    getTriggerSourceId() {
      enter('getTriggerSourceId');
      return null;
    },
  };
}

function createTriggerBuilder(
  execution: Execution,
  table: TriggerTable,
  context: ScriptAppContext,
  handler: string,
) {
  const enter = (method: string) => execution.enter('TriggerBuilder', method);
  const schedule: TriggerSchedule = {
    unit: 'hours',
    interval: 0,
    atHour: null,
    minute: -1,
    timeZone: context.scriptTimeZone,
  };

  const positiveInteger = (value: unknown, name: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`Invalid argument: ${name} ${String(value)}. Pass a whole number of 1 or more.`);
    return n;
  };

  const clockBuilder = {
    everyMinutes(n: unknown) {
      enter('everyMinutes');
      schedule.unit = 'minutes';
      schedule.interval = positiveInteger(n, 'minutes');
      return clockBuilder;
    },
    everyHours(n: unknown) {
      enter('everyHours');
      schedule.unit = 'hours';
      schedule.interval = positiveInteger(n, 'hours');
      return clockBuilder;
    },
    everyDays(n: unknown) {
      enter('everyDays');
      schedule.unit = 'days';
      schedule.interval = positiveInteger(n, 'days');
      return clockBuilder;
    },
    atHour(hour: unknown) {
      enter('atHour');
      const h = Number(hour);
      if (!Number.isInteger(h) || h < 0 || h > 23)
        throw new Error(`Invalid argument: hour ${String(hour)}. Use 0 to 23.`);
      schedule.atHour = h;
      return clockBuilder;
    },
    nearMinute(minute: unknown) {
      enter('nearMinute');
      const m = Number(minute);
      if (!Number.isInteger(m) || m < 0 || m > 59)
        throw new Error(`Invalid argument: minute ${String(minute)}. Use 0 to 59.`);
      schedule.minute = m;
      return clockBuilder;
    },
    inTimezone(timeZone: unknown) {
      enter('inTimezone');
      schedule.timeZone = String(timeZone);
      zonedParts(0, schedule.timeZone);
      return clockBuilder;
    },
    create() {
      enter('create');
      return wrapTrigger(execution, createTrigger(execution, table, context, handler, schedule));
    },
  };

  // NOTE: only time-driven triggers are modelled; forSpreadsheet() and other sources are absent.
  return {
    timeBased() {
      enter('timeBased');
      return clockBuilder;
    },
  };
}

function createTrigger(
  execution: Execution,
  table: TriggerTable,
  context: ScriptAppContext,
  handler: string,
  schedule: TriggerSchedule,
): TriggerRecord {
  if (schedule.interval === 0) {
    throw new Error('The trigger has no schedule. Call everyHours(n) or everyDays(n) before create().');
  }
  if (schedule.unit === 'minutes' || (schedule.unit === 'hours' && schedule.interval < 1)) {
    throw new Error('The recurrence interval for an Add-on trigger must be at least one hour');
  }
  const mine = table.triggers.filter((t) => t.ownerKey === context.userKey);
  if (mine.some((t) => t.documentId === context.documentId)) {
    throw new Error(
      'This add-on has created too many time-based triggers in this document for this Google user account',
    );
  }
  if (mine.length >= MAX_TRIGGERS_PER_USER) {
    throw new Error(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }

  const id = String(table.nextId++);
  const now = execution.clock.now();
  // Apps Script picks the minute inside the hour at random; a fixed minute per trigger keeps
  // runs reproducible.
  const minute = schedule.minute >= 0 ? schedule.minute : (Number(id) * 17) % 60;
  const finalSchedule = { ...schedule, minute };
  const record: TriggerRecord = {
    id,
    handlerFunction: handler,
    eventType: 'CLOCK',
    ownerKey: context.userKey,
    documentId: context.documentId,
    schedule: finalSchedule,
    createdMs: now,
    nextFireMs: computeNextFire(finalSchedule, now),
  };
  table.triggers.push(record);
  return record;
}
