/**
 * Quantity reader: a whole number of 0 or more. Number cells use the raw value; text is parsed
 * with the spreadsheet locale's grouping and decimal separators, never with parseInt.
 */

import { rowMessages, showValue } from './messages';
import { addError, type FieldColumn, type RowContext, rejectFormulaError, shownText } from './row-context';
import { isDigits, trimCell } from './text';
import type { CellValue } from './types';

/**
 * Largest quantity accepted. JOOR documents `inventory` as an integer without a range.
 * NOTE: 2^31 - 1 (a signed 32-bit integer) is an assumption, not a documented JOOR limit.
 */
export const MAX_QUANTITY = 2147483647;

/** Numbers this close to an integer are formula artefacts (12.0000000001) and are rounded. */
const WHOLE_TOLERANCE = 1e-9;

/** Separators of one locale, as quantity text uses them. */
export interface NumberSeparators {
  locale: string;
  decimal: string;
  /** Characters accepted between groups of three digits. */
  groups: ReadonlySet<string>;
}

const SPACE_GROUPS = [' ', '\u00a0', '\u202f', '\u2009'];
const APOSTROPHE_GROUPS = ["'", '\u2019'];

/**
 * Derives the separators of a spreadsheet locale such as `de_DE` from Intl. Every space variant
 * is accepted as a group separator, and both apostrophes where the locale groups with one.
 */
export function createNumberSeparators(locale: string): NumberSeparators {
  let decimal = '.';
  let group = ',';
  try {
    const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1234567.5);
    decimal = parts.find((part) => part.type === 'decimal')?.value ?? decimal;
    group = parts.find((part) => part.type === 'group')?.value ?? group;
  } catch {
    // An unknown locale tag falls back to en_US separators.
  }
  // Space grouping (1 200) is unambiguous in every locale, and pasted text often carries it.
  const groups = new Set([group, ...SPACE_GROUPS]);
  if (APOSTROPHE_GROUPS.includes(group)) for (const apostrophe of APOSTROPHE_GROUPS) groups.add(apostrophe);
  groups.delete(decimal);
  return { locale, decimal, groups };
}

/** Returns the quantity, `undefined` for a blank cell, or `null` after recording an error. */
export function readQuantity(
  ctx: RowContext,
  column: FieldColumn,
  value: CellValue,
  display: string | undefined,
  separators: NumberSeparators,
): number | null | undefined {
  if (typeof value === 'number') return checkQuantity(ctx, column, value, shownText(value, display), '');
  if (typeof value !== 'string') {
    const displayed = shownText(value, display);
    addError(
      ctx,
      column,
      'QUANTITY_NOT_WHOLE',
      displayed,
      rowMessages.quantityNotWhole(ctx.row, column.header, showValue(displayed), ''),
    );
    return null;
  }

  const text = trimCell(value);
  if (text === '') return undefined;
  if (isDigits(text) && text.length <= 15) return checkQuantity(ctx, column, Number(text), text, '');
  if (rejectFormulaError(ctx, column, text)) return null;

  const parsed = parseLocaleNumber(text, separators);
  if (parsed === undefined) {
    addError(
      ctx,
      column,
      'QUANTITY_NOT_WHOLE',
      text,
      rowMessages.quantityNotWhole(ctx.row, column.header, showValue(text), ''),
    );
    return null;
  }
  return checkQuantity(ctx, column, parsed.value, text, parsed.looksGrouped ? localeHint(separators) : '');
}

function localeHint(separators: NumberSeparators): string {
  return ` (the spreadsheet locale ${separators.locale} reads "${separators.decimal}" as the decimal separator)`;
}

function checkQuantity(ctx: RowContext, column: FieldColumn, value: number, displayed: string, hint: string) {
  const rounded = Math.round(value);
  if (!Number.isFinite(value) || Math.abs(value - rounded) > WHOLE_TOLERANCE) {
    const message = rowMessages.quantityNotWhole(ctx.row, column.header, showValue(displayed), hint);
    addError(ctx, column, 'QUANTITY_NOT_WHOLE', displayed, message);
    return null;
  }
  if (rounded < 0) {
    addError(
      ctx,
      column,
      'QUANTITY_NEGATIVE',
      displayed,
      rowMessages.quantityNegative(ctx.row, column.header, showValue(displayed)),
    );
    return null;
  }
  if (rounded > MAX_QUANTITY) {
    addError(
      ctx,
      column,
      'QUANTITY_TOO_LARGE',
      displayed,
      rowMessages.quantityTooLarge(ctx.row, column.header, showValue(displayed)),
    );
    return null;
  }
  // Math.round(-0.0000000001) is -0, which JSON writes as 0 but Object.is distinguishes from 0.
  return rounded === 0 ? 0 : rounded;
}

interface ParsedNumber {
  value: number;
  /** True when the fraction has exactly three digits, so the text was probably meant as grouped. */
  looksGrouped: boolean;
}

/**
 * Parses signed decimal text with optional grouping: the first group has 1 to 3 digits and each
 * later group exactly 3. Returns undefined for anything else (placeholders, units, two decimals).
 */
export function parseLocaleNumber(text: string, separators: NumberSeparators): ParsedNumber | undefined {
  let body = text;
  let sign = 1;
  const first = body.charAt(0);
  if (first === '-' || first === '\u2212') {
    sign = -1;
    body = body.slice(1);
  } else if (first === '+') {
    body = body.slice(1);
  }

  const decimalAt = body.indexOf(separators.decimal);
  const integerPart = decimalAt === -1 ? body : body.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : body.slice(decimalAt + 1);
  if (decimalAt !== -1 && !isDigits(fraction)) return undefined;

  const integerDigits = readGroupedDigits(integerPart, separators.groups);
  if (integerDigits === undefined) return undefined;

  const value = sign * Number(fraction === '' ? integerDigits : `${integerDigits}.${fraction}`);
  return { value, looksGrouped: fraction.length === 3 };
}

function readGroupedDigits(text: string, groups: ReadonlySet<string>): string | undefined {
  if (isDigits(text)) return text;
  let digits = '';
  let run = 0;
  let groupCount = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      digits += char;
      run++;
      continue;
    }
    if (!groups.has(char)) return undefined;
    const validRun = groupCount === 0 ? run >= 1 && run <= 3 : run === 3;
    if (!validRun) return undefined;
    groupCount++;
    run = 0;
  }
  if (groupCount > 0 && run !== 3) return undefined;
  return digits === '' ? undefined : digits;
}
