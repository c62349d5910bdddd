/**
 * Readers for the cells that identify a SKU: UPC/EAN/GTIN codes, the text codes of the style
 * tuple (style number, style identifier, colour code, size, size code) and JOOR's integer ids.
 * Each reader records its issues on the row and returns the value to send, `undefined` for a
 * blank cell, or `null` for a cell that has an error.
 */

import { computeCheckDigit, GTIN_LENGTHS, hasValidCheckDigit } from './gtin';
import { FIELD_NOUNS, rowMessages, showValue } from './messages';
import {
  addError,
  addWarning,
  type FieldColumn,
  type RowContext,
  rejectFormulaError,
  shownText,
} from './row-context';
import { isDigits, isScientificText, isScientificWithFraction, showsExponent, trimCell } from './text';
import type { CellValue } from './types';

/** Maximum lengths JOOR's style API documents, in characters. */
export const MAX_LENGTHS: Readonly<Partial<Record<string, number>>> = {
  style_number: 45,
  style_identifier: 100,
};

/** A code of zeros only passes the check digit but names no product: a placeholder. */
const ALL_ZEROS = /^0+$/;

export function readGtin(
  ctx: RowContext,
  column: FieldColumn,
  value: CellValue,
  display: string | undefined,
): string | null | undefined {
  if (typeof value === 'string') return readGtinText(ctx, column, trimCell(value));
  if (typeof value === 'number') return readGtinNumber(ctx, column, value, display);

  const displayed = shownText(value, display);
  const code = typeof value === 'boolean' ? 'BOOLEAN_IN_FIELD' : 'GTIN_NOT_DIGITS';
  const message =
    typeof value === 'boolean'
      ? rowMessages.booleanInField(ctx.row, column.header, displayed, 'UPC')
      : rowMessages.gtinNotDigits(ctx.row, column.header, displayed);
  addError(ctx, column, code, displayed, message);
  return null;
}

function readGtinText(ctx: RowContext, column: FieldColumn, text: string): string | null | undefined {
  if (text === '') return undefined;
  if (rejectFormulaError(ctx, column, text)) return null;

  if (isDigits(text)) {
    if (ALL_ZEROS.test(text)) {
      addError(ctx, column, 'GTIN_ZERO', text, rowMessages.gtinAllZeros(ctx.row, column.header, text));
      return null;
    }
    if (!GTIN_LENGTHS.has(text.length)) {
      addError(ctx, column, 'GTIN_LENGTH', text, rowMessages.gtinLength(ctx.row, column.header, text));
      return null;
    }
    if (!hasValidCheckDigit(text)) {
      const message = rowMessages.gtinCheckDigit(ctx.row, column.header, text, computeCheckDigit(text));
      addError(ctx, column, 'GTIN_CHECK_DIGIT', text, message);
      return null;
    }
    return text;
  }

  if (isScientificText(text)) {
    addError(
      ctx,
      column,
      'SCIENTIFIC_NOTATION',
      text,
      rowMessages.scientificNotation(ctx.row, column.header, text),
    );
    return null;
  }
  addError(ctx, column, 'GTIN_NOT_DIGITS', text, rowMessages.gtinNotDigits(ctx.row, column.header, text));
  return null;
}

function readGtinNumber(
  ctx: RowContext,
  column: FieldColumn,
  value: number,
  display: string | undefined,
): string | null {
  const displayed = shownText(value, display);
  if (!Number.isSafeInteger(value) && Number.isInteger(value)) {
    addError(
      ctx,
      column,
      'UNSAFE_NUMBER',
      displayed,
      rowMessages.unsafeNumber(ctx.row, column.header, displayed, 'UPC'),
    );
    return null;
  }
  // The displayed exponent form may be all that is left of the code: a value with no more
  // significant digits than a scientific display keeps (6) can be the rounded number, so a check
  // digit that happens to pass proves nothing. A value with more digits is only displayed that way.
  const exponent = showsExponent(displayed);
  if (exponent && Number(value.toPrecision(6)) === value) {
    addError(
      ctx,
      column,
      'SCIENTIFIC_NOTATION',
      displayed,
      rowMessages.scientificNotation(ctx.row, column.header, displayed),
    );
    return null;
  }
  if (!Number.isInteger(value) || value < 0) {
    addError(
      ctx,
      column,
      'GTIN_NOT_DIGITS',
      displayed,
      rowMessages.gtinNotDigits(ctx.row, column.header, displayed),
    );
    return null;
  }

  const digits = String(value);
  if (exponent) {
    const message = rowMessages.exponentDisplayOnly(ctx.row, column.header, displayed, digits);
    addWarning(ctx, column, 'EXPONENT_DISPLAY', displayed, message);
  }
  // A number format such as 000000000000 shows the zeros the value lacks; send what is displayed.
  const trimmedDisplay = display === undefined ? '' : trimCell(display);
  if (trimmedDisplay.length > digits.length && isDigits(trimmedDisplay) && Number(trimmedDisplay) === value) {
    return readGtinText(ctx, column, trimmedDisplay) ?? null;
  }

  if (value === 0) {
    addError(
      ctx,
      column,
      'GTIN_ZERO',
      displayed,
      rowMessages.gtinAllZeros(ctx.row, column.header, displayed),
    );
    return null;
  }
  if (digits.length <= 11) {
    const padded = '000000000000'.slice(digits.length) + digits;
    if (!hasValidCheckDigit(padded)) {
      const expected = computeCheckDigit(padded);
      const message = rowMessages.gtinCheckDigitFromNumber(ctx.row, column.header, digits, padded, expected);
      addError(ctx, column, 'GTIN_CHECK_DIGIT', digits, message);
      return null;
    }
    const message = rowMessages.leadingZeroRestored(ctx.row, column.header, digits, padded);
    addWarning(ctx, column, 'LEADING_ZERO_RESTORED', digits, message);
    return padded;
  }
  return readGtinText(ctx, column, digits) ?? null;
}

/** Reads a style number, style identifier, colour code, size or size code, exactly as written. */
export function readCode(
  ctx: RowContext,
  column: FieldColumn,
  value: CellValue,
  display: string | undefined,
): string | null | undefined {
  const noun = FIELD_NOUNS[column.field];
  let text: string;
  if (typeof value === 'string') {
    text = trimCell(value);
    if (text === '') return undefined;
    if (rejectFormulaError(ctx, column, text)) return null;
    if (isScientificWithFraction(text)) {
      addError(
        ctx,
        column,
        'SCIENTIFIC_NOTATION',
        text,
        rowMessages.scientificNotation(ctx.row, column.header, text),
      );
      return null;
    }
  } else if (typeof value === 'number') {
    const fromNumber = readCodeNumber(ctx, column, value, display);
    if (fromNumber === null) return null;
    text = fromNumber;
  } else if (typeof value === 'boolean') {
    const displayed = shownText(value, display);
    addError(
      ctx,
      column,
      'BOOLEAN_IN_FIELD',
      displayed,
      rowMessages.booleanInField(ctx.row, column.header, displayed, noun),
    );
    return null;
  } else {
    rejectDateCode(ctx, column, value, display);
    return null;
  }

  const max = MAX_LENGTHS[column.field];
  if (max !== undefined && text.length > max) {
    addError(ctx, column, 'TOO_LONG', text, rowMessages.tooLong(ctx.row, column.header, text, noun, max));
    return null;
  }
  const hidden = HIDDEN_OR_LOOK_ALIKE.exec(text);
  if (hidden !== null) {
    const code = hidden[0].codePointAt(0) ?? 0;
    const name = CHARACTER_NAMES[code] ?? 'special character';
    const point = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const message = rowMessages.hiddenCharacter(ctx.row, column.header, text, name, point);
    addWarning(ctx, column, 'HIDDEN_CHARACTER', text, message);
  }
  return text;
}

/**
 * Characters inside a code that look like a space or a hyphen but are not. JOOR matches codes
 * exactly, so they are sent as written, with a warning that names them.
 */
const HIDDEN_OR_LOOK_ALIKE = /[\u00a0\u00ad\u2010-\u2015\u2212\u200b-\u200d\u2060\u202f\u2007\u3000]/;

const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  160: 'no-break space',
  173: 'soft hyphen',
  8208: 'Unicode hyphen',
  8209: 'non-breaking hyphen',
  8210: 'figure dash',
  8211: 'en dash',
  8212: 'em dash',
  8213: 'horizontal bar',
  8722: 'minus sign',
  8203: 'zero-width space',
  8204: 'zero-width non-joiner',
  8205: 'zero-width joiner',
  8288: 'word joiner',
  8239: 'narrow no-break space',
  8199: 'figure space',
  12288: 'ideographic space',
};

function readCodeNumber(ctx: RowContext, column: FieldColumn, value: number, display: string | undefined) {
  const noun = FIELD_NOUNS[column.field];
  const displayed = shownText(value, display);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    addError(
      ctx,
      column,
      'UNSAFE_NUMBER',
      displayed,
      rowMessages.unsafeNumber(ctx.row, column.header, displayed, noun),
    );
    return null;
  }
  // Shoe sizes such as 8.5 are real numbers; a fractional style number or colour code is not.
  const plainDecimal = /^\d+\.\d+$/.test(displayed) && Number(displayed) === value;
  const fractionalSize = column.field === 'size' && plainDecimal;
  if (showsExponent(displayed) || (!Number.isInteger(value) && !fractionalSize)) {
    addError(
      ctx,
      column,
      'NUMBER_CONVERTED',
      displayed,
      rowMessages.numberConverted(ctx.row, column.header, displayed, noun),
    );
    return null;
  }

  let text = fractionalSize ? displayed : String(value);
  // A number format such as 000 shows the zeros the value lacks; send what is displayed.
  const trimmedDisplay = display === undefined ? '' : trimCell(display);
  if (trimmedDisplay.length > text.length && isDigits(trimmedDisplay) && Number(trimmedDisplay) === value) {
    text = trimmedDisplay;
  }
  const message =
    column.field === 'color_code'
      ? rowMessages.colorCodeReadAsText(ctx.row, column.header, text)
      : rowMessages.numberReadAsText(ctx.row, column.header, text, noun);
  addWarning(ctx, column, 'NUMBER_READ_AS_TEXT', displayed, message);
  return text;
}

/** Records the error for a code the spreadsheet turned into a date, with the text likely typed. */
function rejectDateCode(
  ctx: RowContext,
  column: FieldColumn,
  value: Date,
  display: string | undefined,
): void {
  const displayed = shownText(value, display);
  const iso = Number.isNaN(value.getTime()) ? displayed : ctx.formatDate(value, ctx.timeZone);
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  let guess = displayed;
  if (parts !== null) {
    const month = String(Number(parts[2]));
    const day = String(Number(parts[3]));
    guess = ctx.monthFirst ? `${month}-${day}` : `${day}-${month}`;
  }
  const message = rowMessages.dateInTextField(ctx.row, column.header, iso, guess, FIELD_NOUNS[column.field]);
  addError(ctx, column, 'DATE_IN_TEXT_FIELD', displayed, message);
}

/** Reads a JOOR style id or style color id: a whole number above 0 within the safe-integer range. */
export function readJoorId(
  ctx: RowContext,
  column: FieldColumn,
  value: CellValue,
  display: string | undefined,
): number | null | undefined {
  const noun = FIELD_NOUNS[column.field];
  let displayed: string;
  let id = Number.NaN;
  if (typeof value === 'string') {
    displayed = trimCell(value);
    if (displayed === '') return undefined;
    if (rejectFormulaError(ctx, column, displayed)) return null;
    if (isDigits(displayed)) id = Number(displayed);
  } else {
    displayed = shownText(value, display);
    if (typeof value === 'number') id = value;
  }

  if (Number.isInteger(id) && !Number.isSafeInteger(id)) {
    addError(
      ctx,
      column,
      'UNSAFE_NUMBER',
      displayed,
      rowMessages.unsafeNumber(ctx.row, column.header, displayed, noun),
    );
    return null;
  }
  if (!Number.isSafeInteger(id) || id <= 0) {
    const message = rowMessages.joorIdInvalid(ctx.row, column.header, showValue(displayed), noun);
    addError(ctx, column, 'JOOR_ID_INVALID', displayed, message);
    return null;
  }
  return id;
}
