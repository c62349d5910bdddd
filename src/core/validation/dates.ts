/**
 * Inventory date reader. JOOR reads YYYY-MM-DD and MM-DD-YYYY; the add-on always sends
 * YYYY-MM-DD and accepts MM-DD-YYYY text only where it cannot be misread.
 */

import { rowMessages, showValue } from './messages';
import { addError, type FieldColumn, type RowContext, rejectFormulaError, shownText } from './row-context';
import { isDateValue, trimCell } from './text';
import type { CellValue } from './types';

/** Words that mean stock available now, which JOOR expresses as no date. */
const IMMEDIATE_WORDS: ReadonlySet<string> = new Set(['immediate', 'immediately', 'at once', 'ats', 'now']);

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/;
const MONTH_DAY_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function formatIso(year: number, month: number, day: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Earliest and latest years accepted; outside them a date is almost always a damaged cell. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** Returns the date to send as YYYY-MM-DD, `undefined` for no date, or `null` after an error. */
export function readInventoryDate(
  ctx: RowContext,
  column: FieldColumn,
  value: CellValue,
  display: string | undefined,
): string | null | undefined {
  const date = readDateCell(ctx, column, value, display);
  if (typeof date !== 'string') return date;
  const year = Number(date.slice(0, 4));
  if (year >= FIRST_YEAR && year <= LAST_YEAR) return date;
  // A 0 or a small number formatted as a date shows as 1899-12-30 or 1900-01-01.
  addError(
    ctx,
    column,
    'DATE_OUT_OF_RANGE',
    date,
    rowMessages.dateOutOfRange(ctx.row, column.header, date, FIRST_YEAR, LAST_YEAR),
  );
  return null;
}

function readDateCell(
  ctx: RowContext,
  column: FieldColumn,
  value: CellValue,
  display: string | undefined,
): string | null | undefined {
  if (isDateValue(value)) {
    if (!Number.isNaN(value.getTime())) return ctx.formatDate(value, ctx.timeZone);
    const displayed = shownText(value, display);
    addError(
      ctx,
      column,
      'DATE_INVALID',
      displayed,
      rowMessages.dateUnrecognised(ctx.row, column.header, showValue(displayed)),
    );
    return null;
  }
  if (typeof value === 'number') {
    const displayed = shownText(value, display);
    const compact = COMPACT_DATE.exec(String(value));
    if (compact !== null && rejectCompact(ctx, column, displayed, compact)) return null;
    addError(
      ctx,
      column,
      'DATE_INVALID',
      displayed,
      rowMessages.dateSerial(ctx.row, column.header, displayed),
    );
    return null;
  }
  if (typeof value === 'boolean') {
    const displayed = shownText(value, display);
    addError(
      ctx,
      column,
      'DATE_INVALID',
      displayed,
      rowMessages.dateUnrecognised(ctx.row, column.header, displayed),
    );
    return null;
  }
  return readDateText(ctx, column, trimCell(value));
}

function readDateText(ctx: RowContext, column: FieldColumn, text: string): string | null | undefined {
  if (text === '' || IMMEDIATE_WORDS.has(text.toLowerCase())) return undefined;
  if (rejectFormulaError(ctx, column, text)) return null;

  const iso = ISO_DATE.exec(text);
  if (iso !== null) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    const day = Number(iso[3]);
    if (isCalendarDate(year, month, day)) return formatIso(year, month, day);
    addError(ctx, column, 'DATE_INVALID', text, rowMessages.dateImpossible(ctx.row, column.header, text));
    return null;
  }

  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy !== null)
    return readMonthDayYear(ctx, column, text, Number(mdy[1]), Number(mdy[2]), Number(mdy[3]));

  const compact = COMPACT_DATE.exec(text);
  if (compact !== null && rejectCompact(ctx, column, showValue(text), compact)) return null;
  addError(
    ctx,
    column,
    'DATE_INVALID',
    text,
    rowMessages.dateUnrecognised(ctx.row, column.header, showValue(text)),
  );
  return null;
}

/**
 * Reads `first-second-year` as JOOR's MM-DD-YYYY when the locale writes month first or the
 * second number cannot be a month; day-first locales otherwise make it ambiguous.
 */
function readMonthDayYear(
  ctx: RowContext,
  column: FieldColumn,
  text: string,
  first: number,
  second: number,
  year: number,
): string | null {
  const monthFirstValid = isCalendarDate(year, first, second);
  const dayFirstValid = isCalendarDate(year, second, first);
  const unambiguous = ctx.monthFirst || second > 12 || first === second || !dayFirstValid;

  if (monthFirstValid && unambiguous) return formatIso(year, first, second);
  if (monthFirstValid && dayFirstValid) {
    const monthFirst = `${MONTH_NAMES[first - 1]} ${second}, ${year} (${formatIso(year, first, second)})`;
    const dayFirst = `${first} ${MONTH_NAMES[second - 1]} ${year} (${formatIso(year, second, first)})`;
    const message = rowMessages.dateAmbiguous(ctx.row, column.header, text, monthFirst, dayFirst);
    addError(ctx, column, 'DATE_AMBIGUOUS', text, message);
    return null;
  }
  if (dayFirstValid) {
    const message = rowMessages.dateDayFirst(ctx.row, column.header, text, formatIso(year, second, first));
    addError(ctx, column, 'DATE_INVALID', text, message);
    return null;
  }
  addError(ctx, column, 'DATE_INVALID', text, rowMessages.dateImpossible(ctx.row, column.header, text));
  return null;
}

/** Records an error for YYYYMMDD digits that form a real date, and returns whether they did. */
function rejectCompact(
  ctx: RowContext,
  column: FieldColumn,
  displayed: string,
  parts: RegExpExecArray,
): boolean {
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (!isCalendarDate(year, month, day)) return false;
  const message = rowMessages.dateCompact(ctx.row, column.header, displayed, formatIso(year, month, day));
  addError(ctx, column, 'DATE_INVALID', displayed, message);
  return true;
}
