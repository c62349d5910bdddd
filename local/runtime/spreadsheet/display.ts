// Display values: what a cell shows under its number format. exceljs's `cell.text` ignores
// number formats, so formats are applied here with ssf.

import * as SSF from 'ssf';
import type { LocaleConventions } from './locale';
import type { CellValue } from './model';
import { GENERAL_FORMAT, TEXT_FORMAT } from './model';

const dateFormatCache = new Map<string, boolean>();
/** Display texts by separators, format and value, because long columns repeat dates and quantities. */
const formattedValues = new Map<string, Map<number, string>>();
const MAX_CACHED_VALUES = 10_000;
const ssfFormatCache = new Map<string, string>();

/** Tells whether a number format shows a date, a time or both. */
export function isDateFormat(format: string): boolean {
  let isDate = dateFormatCache.get(format);
  if (isDate === undefined) {
    isDate = format !== GENERAL_FORMAT && format !== TEXT_FORMAT && safeIsDate(toSsfFormat(format));
    dateFormatCache.set(format, isDate);
  }
  return isDate;
}

function safeIsDate(format: string): boolean {
  try {
    return SSF.is_date(format);
  } catch {
    return false;
  }
}

/**
 * Rewrites a Sheets pattern for ssf. ssf reads a `.` after minutes or days as the start of
 * fractional seconds (`dd.MM.yyyy` fails), so unquoted dots in date patterns are escaped.
 */
function toSsfFormat(format: string): string {
  let converted = ssfFormatCache.get(format);
  if (converted !== undefined) return converted;

  converted = format;
  if (/[dDyY]/.test(format.replace(/"[^"]*"/g, ''))) {
    converted = format.replace(/("[^"]*")|(?<![sS0\\])\./g, (match, quoted: string | undefined) =>
      quoted ? match : '\\.',
    );
  }
  ssfFormatCache.set(format, converted);
  return converted;
}

/** Formats a stored value the way a Sheets cell with this number format displays it. */
export function formatDisplayValue(value: CellValue, format: string, conventions: LocaleConventions): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (format === GENERAL_FORMAT || format === TEXT_FORMAT || format === '') {
    return localiseNumber(formatGeneralNumber(value), conventions);
  }

  const cacheKey = conventions.decimalSeparator + conventions.groupingSeparator + format;
  let cache = formattedValues.get(cacheKey);
  if (!cache) {
    cache = new Map();
    formattedValues.set(cacheKey, cache);
  }
  let text = cache.get(value);
  if (text === undefined) {
    text = formatWithPattern(value, format, conventions);
    if (cache.size >= MAX_CACHED_VALUES) cache.clear();
    cache.set(value, text);
  }
  return text;
}

function formatWithPattern(value: number, format: string, conventions: LocaleConventions): string {
  let text: string;
  try {
    text = SSF.format(toSsfFormat(format), value);
  } catch {
    return localiseNumber(formatGeneralNumber(value), conventions);
  }
  return isDateFormat(format) ? text : localiseNumber(text, conventions);
}

/**
 * Formats a number under Sheets' Automatic format: integers below 10^15 in full, larger or
 * tiny magnitudes in scientific notation with up to 6 significant digits (`1.23457E+15`).
 * NOTE: the 10^15 threshold and the 10 decimal places are read off Sheets' behaviour, not from
 * a published specification.
 */
export function formatGeneralNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-9) return formatScientific(value);

  if (Number.isInteger(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  const fixed = rounded.toFixed(10).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

function formatScientific(value: number): string {
  const [mantissa = '0', exponent = '0'] = value.toExponential(5).split('e');
  const trimmed = mantissa.replace(/\.?0+$/, '');
  const power = Number(exponent);
  const sign = power < 0 ? '-' : '+';
  return `${trimmed}E${sign}${String(Math.abs(power)).padStart(2, '0')}`;
}

/** Swaps `.` and `,` in a formatted number for locales that use a decimal comma. */
function localiseNumber(text: string, conventions: LocaleConventions): string {
  if (conventions.decimalSeparator === '.') return text;
  const group = conventions.groupingSeparator;
  return text.replace(/[.,]/g, (char) => (char === '.' ? ',' : group));
}
