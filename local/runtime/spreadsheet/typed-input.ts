// The one parser for text entered into a cell: CSV import and setValues both use it, so that
// `001` becomes the number 1, `2025-03-10` a date and `=1+1` a formula, as when typed in Sheets.

import { evaluateFormula } from './formula';
import { type LocaleConventions, localeConventions } from './locale';
import type { CellValue } from './model';
import { TEXT_FORMAT } from './model';
import { instantToWallTime, wallTimeToSerial } from './zone';

/** Settings of the spreadsheet and the target cell that the parser reads. */
export interface TypedInputContext {
  locale: string;
  timeZone: string;
  /** Current instant in epoch milliseconds. A date typed without a year takes its year. */
  now: number;
  /** Number format of the target cell. `@` keeps every input as text. */
  cellFormat: string;
}

/** The content a cell gets from typed text. */
export interface ParsedInput {
  value: CellValue;
  /** The formula as typed when the text starts with `=`, else null. */
  formula: string | null;
  /** The format Sheets picks from the input (dates, grouping, exponents), or null for none. */
  numberFormat: string | null;
}

/** Start of a date with a month name, such as `10 Mar` or `Mar 10`. */
const NAMED_DATE_START = /^(?:\d{1,2}[\s-]+[A-Za-z]{3}|[A-Za-z]{3,9}\.?\s+\d)/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Parses text typed into a cell the way Sheets does under the spreadsheet's locale. */
export function parseTypedInput(text: string, context: TypedInputContext): ParsedInput {
  if (text.startsWith("'")) return asText(text.slice(1));
  if (context.cellFormat === TEXT_FORMAT) return asText(text);
  if (text.length > 1 && text.startsWith('=')) {
    return { value: evaluateFormula(text), formula: text, numberFormat: null };
  }

  const trimmed = text.trim();
  if (trimmed === '') return asText(text);

  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') {
    return { value: upper === 'TRUE', formula: null, numberFormat: null };
  }

  // Every number, date and time contains a digit, so most identifiers stop here.
  if (!/\d/.test(trimmed)) return asText(text);
  const conventions = localeConventions(context.locale);
  return (
    parseNumber(trimmed, conventions) ??
    parseDate(trimmed, conventions, context) ??
    (trimmed.includes(':') ? parseTime(trimmed) : null) ??
    asText(text)
  );
}

function asText(text: string): ParsedInput {
  return { value: text, formula: null, numberFormat: null };
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const numberPatterns = new Map<LocaleConventions, RegExp>();

function numberPattern(conventions: LocaleConventions): RegExp {
  let pattern = numberPatterns.get(conventions);
  if (!pattern) {
    const group = escapeForRegExp(conventions.groupingSeparator);
    const decimal = escapeForRegExp(conventions.decimalSeparator);
    pattern = new RegExp(
      `^([+-])?(\\$)?(?:(\\d{1,3}(?:${group}\\d{3})+)|(\\d*))(?:${decimal}(\\d*))?(?:[eE]([+-]?\\d+))?(%)?$`,
    );
    numberPatterns.set(conventions, pattern);
  }
  return pattern;
}

/** Parses numbers with optional sign, grouping, decimals, exponent, percent sign or `$`. */
function parseNumber(text: string, conventions: LocaleConventions): ParsedInput | null {
  const match = numberPattern(conventions).exec(text);
  if (!match) return null;

  const [, sign, currency, grouped, plain, fraction, exponent, percent] = match;
  const integerDigits = grouped !== undefined ? grouped.split(conventions.groupingSeparator).join('') : plain;
  if (!integerDigits && !fraction) return null;
  if (grouped !== undefined && exponent !== undefined) return null;

  const source = `${sign ?? ''}${integerDigits || '0'}.${fraction ?? ''}${exponent !== undefined ? `e${exponent}` : ''}`;
  let value = Number(source);
  if (!Number.isFinite(value)) return null;
  if (percent) value /= 100;

  return {
    value,
    formula: null,
    numberFormat: inferNumberFormat(grouped, fraction, exponent, percent, currency),
  };
}

function inferNumberFormat(
  grouped: string | undefined,
  fraction: string | undefined,
  exponent: string | undefined,
  percent: string | undefined,
  currency: string | undefined,
): string | null {
  const decimals = fraction ? '.00' : '';
  if (currency) return '"$"#,##0.00';
  if (percent) return `0${decimals}%`;
  if (exponent !== undefined) return '0.00E+00';
  if (grouped !== undefined) return `#,##0${decimals}`;
  return null;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses dates such as `2025-03-10`, `3/10/2025`, `3/4`, `10.03.2025` or `Mar 10, 2025`. */
function parseDate(
  text: string,
  conventions: LocaleConventions,
  context: TypedInputContext,
): ParsedInput | null {
  const [datePart, timePart] = text.includes(':') ? splitDateAndTime(text) : [text, null];
  const time = timePart === null ? 0 : parseTimeFraction(timePart);
  if (time === null) return null;

  const parsed = /[A-Za-z]/.test(datePart)
    ? NAMED_DATE_START.test(datePart)
      ? parseNamedDate(datePart, context)
      : null
    : (parseIsoDate(datePart) ?? parseLocaleDate(datePart, conventions, context));
  if (!parsed) return null;

  const { parts, format } = parsed;
  if (!isValidDay(parts)) return null;

  const serial = wallTimeToSerial({ ...parts, hour: 0, minute: 0, second: 0, millisecond: 0 }) + time;
  const numberFormat = timePart === null ? format : `${format} H:mm:ss`;
  return { value: serial, formula: null, numberFormat };
}

function splitDateAndTime(text: string): [string, string | null] {
  const match = /^(\S+(?:\s+\S+,?\s+\S+)?|\S+)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)$/i.exec(text);
  if (!match) return [text, null];
  return [match[1] ?? text, match[2] ?? null];
}

function parseIsoDate(text: string): { parts: DateParts; format: string } | null {
  const match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (!match) return null;
  const [, year, separator = '-', month, day] = match;
  return {
    parts: { year: Number(year), month: Number(month), day: Number(day) },
    format: `yyyy${separator}mm${separator}dd`,
  };
}

const DATE_WITH_DOTS = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;
const DATE_WITHOUT_DOTS = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;

function parseLocaleDate(
  text: string,
  conventions: LocaleConventions,
  context: TypedInputContext,
): { parts: DateParts; format: string } | null {
  // A dot separates date parts only where it is not the decimal separator.
  const match = (conventions.decimalSeparator === ',' ? DATE_WITH_DOTS : DATE_WITHOUT_DOTS).exec(text);
  if (!match) return null;

  const [, first, separator = '/', second, yearText] = match;
  const monthFirst = conventions.dateOrder === 'MDY';
  const month = Number(monthFirst ? first : second);
  const day = Number(monthFirst ? second : first);
  const year = yearText === undefined ? currentYear(context) : expandYear(yearText);

  // NOTE: a date typed without a year is shown as month and day in the typed order, but real
  // Sheets may pick another pattern.
  if (yearText !== undefined) return { parts: { year, month, day }, format: conventions.dateFormat };
  const format = monthFirst ? `M${separator}d` : `d${separator}M`;
  return { parts: { year, month, day }, format };
}

function parseNamedDate(
  text: string,
  context: TypedInputContext,
): { parts: DateParts; format: string } | null {
  const dayFirst = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?(?:[\s-,]+(\d{4}))?$/.exec(text);
  const monthFirst = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/.exec(text);
  const monthName = dayFirst?.[2] ?? monthFirst?.[1];
  const dayText = dayFirst?.[1] ?? monthFirst?.[2];
  const yearText = dayFirst ? dayFirst[3] : monthFirst?.[3];
  if (monthName === undefined || dayText === undefined) return null;

  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const year = yearText === undefined ? currentYear(context) : Number(yearText);
  return { parts: { year, month, day: Number(dayText) }, format: 'd mmm yyyy' };
}

/** Expands a two-digit year: 00–29 are 2000–2029 and 30–99 are 1930–1999. */
function expandYear(yearText: string): number {
  const year = Number(yearText);
  if (yearText.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function currentYear(context: TypedInputContext): number {
  return instantToWallTime(context.now, context.timeZone).year;
}

function isValidDay(parts: DateParts): boolean {
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.year < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, parts.month, 0)).getUTCDate();
  const leap = parts.year % 4 === 0 && (parts.year % 100 !== 0 || parts.year % 400 === 0);
  return parts.day <= (parts.month === 2 && !leap ? 28 : daysInMonth);
}

function parseTime(text: string): ParsedInput | null {
  const fraction = parseTimeFraction(text);
  if (fraction === null) return null;
  const twelveHour = /[ap]m$/i.test(text);
  return { value: fraction, formula: null, numberFormat: twelveHour ? 'h:mm:ss AM/PM' : 'H:mm:ss' };
}

/** Parses `14:30`, `14:30:05` or `2:30 pm` as a fraction of a day. */
function parseTimeFraction(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? 0);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return (hour * 3600 + minute * 60 + second) / 86_400;
}
