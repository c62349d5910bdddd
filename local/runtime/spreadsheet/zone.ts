// Conversions between spreadsheet serial numbers, wall-clock times in an IANA zone and instants.
// Sheets stores a date as a serial day count from 1899-12-30 in the spreadsheet's time zone.

const MS_PER_DAY = 86_400_000;
/** Days between the serial epoch 1899-12-30 and the Unix epoch 1970-01-01. */
const SERIAL_UNIX_OFFSET_DAYS = 25_569;

/** A wall-clock time with a 1-based month. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not a known IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Invalid time zone "${timeZone}": use an IANA name such as "Europe/Berlin".`);
  }
}

/** Returns the wall-clock time that an instant shows in a zone. */
export function instantToWallTime(epochMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

function wallTimeAsUtc(wall: WallTime): number {
  const ms = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  );
  // Date.UTC maps years 0–99 to 1900–1999, so set the year again for them.
  if (wall.year >= 0 && wall.year < 100) {
    const date = new Date(ms);
    date.setUTCFullYear(wall.year);
    return date.getTime();
  }
  return ms;
}

/** Returns a zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallTimeAsUtc(instantToWallTime(epochMs, timeZone)) - epochMs;
}

/**
 * Returns the instant at which a zone shows the given wall-clock time. A time shown twice, when
 * clocks go back, resolves to the earlier instant. A time skipped when clocks go forward is read
 * with the offset before the jump, so it lands after the jump, as JavaScript's Date does.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): number {
  const asUtc = wallTimeAsUtc(wall);
  const before = asUtc - offsetAt(asUtc - MS_PER_DAY, timeZone);
  const after = asUtc - offsetAt(asUtc + MS_PER_DAY, timeZone);
  const shows = (instant: number) => wallTimeAsUtc(instantToWallTime(instant, timeZone)) === asUtc;

  const beforeShown = shows(before);
  const afterShown = shows(after);
  if (beforeShown && afterShown) return Math.min(before, after);
  if (afterShown) return after;
  return before;
}

/** Converts a serial day number to the wall-clock time it denotes. */
export function serialToWallTime(serial: number): WallTime {
  const ms = Math.round((serial - SERIAL_UNIX_OFFSET_DAYS) * MS_PER_DAY);
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

/** Converts a wall-clock time to its serial day number. */
export function wallTimeToSerial(wall: WallTime): number {
  return wallTimeAsUtc(wall) / MS_PER_DAY + SERIAL_UNIX_OFFSET_DAYS;
}

/** Converts a serial day number, read in the spreadsheet's zone, to epoch milliseconds. */
export function serialToInstant(serial: number, timeZone: string): number {
  return wallTimeToInstant(serialToWallTime(serial), timeZone);
}

/** Converts epoch milliseconds to the serial day number the spreadsheet's zone shows. */
export function instantToSerial(epochMs: number, timeZone: string): number {
  return wallTimeToSerial(instantToWallTime(epochMs, timeZone));
}
