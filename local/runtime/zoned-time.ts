// Time zone arithmetic for trigger schedules and Utilities.formatDate, on the same conversions the
// SpreadsheetApp fake uses for date cells.

import { assertTimeZone, instantToWallTime, wallTimeToInstant } from './spreadsheet/zone';

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

function checkZone(timeZone: string): void {
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new Error(`Invalid argument: time zone "${timeZone}". Use an IANA name such as "Europe/Paris".`);
  }
}

/** Splits an instant into wall-clock fields in `timeZone`. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  checkZone(timeZone);
  const wall = instantToWallTime(epochMs, timeZone);
  return {
    year: wall.year,
    month: wall.month,
    day: wall.day,
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
    weekday: new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay(),
  };
}

/** Offset of `timeZone` from UTC at an instant, in milliseconds (east positive). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** Converts a wall-clock time in `timeZone` to epoch milliseconds (month 1-12). */
export function zonedTimeToEpoch(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  checkZone(timeZone);
  return wallTimeToInstant({ year, month, day, hour, minute, second: 0, millisecond: 0 }, timeZone);
}
