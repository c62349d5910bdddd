/**
 * Cell-level text helpers: trimming invisible characters, header normalisation, formula error
 * values and the realm-safe Date test.
 */

/** Characters trimmed from both ends of every cell besides ASCII whitespace. */
function isTrimmedCode(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Trims ASCII whitespace, no-break spaces (U+00A0, U+202F), zero-width characters (U+200B to
 * U+200D, U+2060) and the byte-order mark at both ends. Inner characters and case are kept.
 */
export function trimCell(text: string): string {
  const length = text.length;
  if (length === 0) return text;
  if (!isTrimmedCode(text.charCodeAt(0)) && !isTrimmedCode(text.charCodeAt(length - 1))) return text;

  let start = 0;
  let end = length;
  while (start < end && isTrimmedCode(text.charCodeAt(start))) start++;
  while (end > start && isTrimmedCode(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

const HEADER_STRIPPED = /[\s#._\-/\u00a0\u200b-\u200d\u2060\u202f\ufeff]+/g;

/** Header key used for synonym matching: case-folded, without `#` `.` `_` `-` `/` and spaces. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(HEADER_STRIPPED, '');
}

/** Error values Sheets returns from `getValues()` for a formula cell that failed. */
const FORMULA_ERRORS: ReadonlySet<string> = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
  'Loading...',
]);

/** Values that mean the source has not been calculated yet, rather than a broken formula. */
const UNCALCULATED_VALUES: ReadonlySet<string> = new Set(['#N/A', 'Loading...']);

/** Returns the formula error a trimmed cell text is, or undefined. */
export function findFormulaError(text: string): string | undefined {
  if (text.length === 0) return undefined;
  const first = text.charCodeAt(0);
  // Every error value starts with '#' or 'L', so most cells leave after one comparison.
  if (first !== 0x23 && first !== 0x4c) return undefined;
  return FORMULA_ERRORS.has(text) ? text : undefined;
}

export function isUncalculatedValue(errorValue: string): boolean {
  return UNCALCULATED_VALUES.has(errorValue);
}

/**
 * Tests for a Date without `instanceof`: the local runtime's service fakes create Dates in
 * Node's realm while the bundle runs in a vm context, where `instanceof Date` is false.
 */
export function isDateValue(value: unknown): value is Date {
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]'
  );
}

/** True when a trimmed text contains only ASCII digits. */
export function isDigits(text: string): boolean {
  const length = text.length;
  if (length === 0) return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Text that Sheets or Excel produced by writing a long number in scientific notation. */
const SCIENTIFIC_TEXT = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;

/** Scientific notation that lost digits, like `8.12346E+11`; `12E4` alone could be a real style. */
const SCIENTIFIC_WITH_FRACTION = /^[+-]?\d+[.,]\d+[eE][+-]?\d+$/;

export function isScientificText(text: string): boolean {
  return SCIENTIFIC_TEXT.test(text);
}

export function isScientificWithFraction(text: string): boolean {
  return SCIENTIFIC_WITH_FRACTION.test(text);
}

/** Display text that shows a number in exponent form, e.g. `1.20E+05`. */
export function showsExponent(display: string): boolean {
  return display.indexOf('E+') !== -1 || display.indexOf('E-') !== -1 || display.indexOf('e+') !== -1;
}
