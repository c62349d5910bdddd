/**
 * Every user-facing string of row validation: row issues, sheet problems, notes and issue-group
 * titles. Each row message names the row, the column header, the value found and the fix.
 */

import type { FieldId } from '../../shared/types';

/** Field names as users read them in messages. */
export const FIELD_NOUNS: Readonly<Record<FieldId, string>> = {
  upc: 'UPC',
  style_number: 'style number',
  style_identifier: 'style identifier',
  color_code: 'colour code',
  size: 'size',
  style_id: 'JOOR style id',
  style_color_id: 'JOOR style color id',
  size_code: 'size code',
  quantity: 'quantity',
  warehouse: 'warehouse',
  inventory_date: 'inventory date',
  made_to_order: 'made-to-order flag',
};

/** Longest value quoted in full in a message; longer cells are cut, with their length given. */
const MAX_QUOTED_CHARS = 60;

/** Formats a value for a message: codes and numbers bare, other text in double quotes. */
export function showValue(value: string): string {
  if (value.length > MAX_QUOTED_CHARS) {
    return `"${value.slice(0, MAX_QUOTED_CHARS - 1)}…" (${value.length} characters)`;
  }
  return /^-?[0-9][0-9.,]*$/.test(value) ? value : `"${value}"`;
}

function at(row: number, header: string): string {
  return `Row ${row}, column "${header}"`;
}

function listRows(rows: readonly string[], max: number): string {
  if (rows.length <= max) return rows.join(', ');
  return `${rows.slice(0, max).join(', ')} and ${rows.length - max} more`;
}

const GTIN_NAMES: Readonly<Record<number, string>> = { 8: 'EAN-8', 12: 'UPC', 13: 'EAN-13', 14: 'GTIN-14' };

export const rowMessages = {
  gtinCheckDigit(row: number, header: string, digits: string, expected: number): string {
    const name = GTIN_NAMES[digits.length] ?? 'UPC';
    return `${at(row, header)}: ${digits} is not a valid ${name} (check digit should be ${expected}). Check the code against the product label.`;
  },

  gtinCheckDigitFromNumber(
    row: number,
    header: string,
    cellDigits: string,
    padded: string,
    expected: number,
  ): string {
    return (
      `${at(row, header)}: ${cellDigits} is not a valid UPC/EAN, also read as ${padded} with the leading zero ` +
      `a Number cell drops (check digit should be ${expected}). Check the code against the product label ` +
      'and format the column as Plain text.'
    );
  },

  dateOutOfRange(row: number, header: string, date: string, first: number, last: number): string {
    return (
      `${at(row, header)}: ${date} is outside the years ${first} to ${last}, so the cell is probably a 0 or a ` +
      'number formatted as a date. Enter the date as YYYY-MM-DD, or leave the cell empty for stock available now.'
    );
  },

  mergedCell(row: number, header: string, range: string): string {
    return (
      `${at(row, header)}: the cell is part of the merged cells ${range}, so the sheet gives the add-on an ` +
      'empty value for this row. Unmerge the cells and fill the value into every row.'
    );
  },

  repeatedHeader(row: number, headerRow: number): string {
    return `Row ${row} repeats the header of row ${headerRow}, so it is not data and is not sent. Delete the row.`;
  },

  secondHeader(row: number, headerRow: number): string {
    return (
      `Row ${row} is a second header row whose columns differ from the header in row ${headerRow}. ` +
      'The add-on reads one table per sheet: move the second table to its own sheet.'
    );
  },

  belowSecondHeader(row: number, secondHeaderRow: number): string {
    return (
      `Row ${row} is below a second header row (row ${secondHeaderRow}) with other columns, so its cells ` +
      "cannot be read with this sheet's header. Move that table to its own sheet; the row is not sent."
    );
  },

  hiddenCharacter(row: number, header: string, text: string, name: string, point: string): string {
    return (
      `${at(row, header)}: ${showValue(text)} contains a ${name} (${point}) that looks like a plain space or ` +
      'hyphen. It is sent as written; if JOOR fails this row, retype the value with a plain character.'
    );
  },

  gtinAllZeros(row: number, header: string, text: string): string {
    return `${at(row, header)}: ${text} has only zeros, a placeholder that names no product. Enter the product's UPC or leave the row out.`;
  },

  exponentDisplayOnly(row: number, header: string, displayed: string, digits: string): string {
    return (
      `${at(row, header)}: shown as ${displayed}, but the cell holds all the digits (${digits}), so those ` +
      'are used. Format the column as Plain text so the codes stay readable.'
    );
  },

  gtinLength(row: number, header: string, text: string): string {
    return (
      `${at(row, header)}: ${showValue(text)} has ${text.length} digits, but a UPC/EAN has 8, 12, 13 or 14 digits. ` +
      'Check the code against the product label; if a leading zero is missing, format the column as Plain text and retype it.'
    );
  },

  gtinNotDigits(row: number, header: string, text: string): string {
    return (
      `${at(row, header)}: ${showValue(text)} is not a UPC/EAN, which has only digits (8, 12, 13 or 14 of them). ` +
      'Remove the other characters, or map this column to another field in the sidebar.'
    );
  },

  scientificNotation(row: number, header: string, displayed: string): string {
    return (
      `${at(row, header)}: ${displayed} is in scientific notation, so digits were lost. Re-export the ` +
      `"${header}" column as text (Plain text format) and paste the full values again.`
    );
  },

  unsafeNumber(row: number, header: string, displayed: string, noun: string): string {
    return (
      `${at(row, header)}: the ${noun} ${displayed} has more digits than a spreadsheet number can hold, so its last ` +
      'digits were changed. Format the column as Plain text and re-enter the value.'
    );
  },

  numberConverted(row: number, header: string, displayed: string, noun: string): string {
    return (
      `${at(row, header)}: ${displayed} looks like a ${noun} that the spreadsheet converted to a number. ` +
      'Format the column as Plain text and retype it.'
    );
  },

  dateInTextField(row: number, header: string, isoDate: string, typedGuess: string, noun: string): string {
    return (
      `${at(row, header)}: the cell holds the date ${isoDate}, probably converted by the spreadsheet from ` +
      `"${typedGuess}". Format the "${header}" column as Plain text and retype the ${noun}.`
    );
  },

  booleanInField(row: number, header: string, displayed: string, noun: string): string {
    return `${at(row, header)}: ${displayed} is a TRUE/FALSE value, not a ${noun}. Enter the ${noun} as text.`;
  },

  leadingZeroRestored(row: number, header: string, cellDigits: string, sent: string): string {
    return (
      `${at(row, header)}: UPC read from a Number cell as ${cellDigits}; leading zero restored, sent as ${sent}. ` +
      'Format the column as Plain text to keep the zeros.'
    );
  },

  numberReadAsText(row: number, header: string, sent: string, noun: string): string {
    return (
      `${at(row, header)}: ${noun} read from a Number cell and sent as "${sent}"; leading zeros may have been lost. ` +
      `If the ${noun} starts with 0, format the column as Plain text and retype it.`
    );
  },

  colorCodeReadAsText(row: number, header: string, sent: string): string {
    return (
      `${at(row, header)}: colour code read from a Number cell and sent as "${sent}"; leading zeros may have been ` +
      'lost, and JOOR suggests 3-character colour codes padded with zeros (for example 001). Format the column ' +
      'as Plain text and retype the code as it appears in JOOR.'
    );
  },

  tooLong(row: number, header: string, text: string, noun: string, max: number): string {
    return (
      `${at(row, header)}: ${showValue(text)} has ${text.length} characters, but JOOR accepts at most ${max} ` +
      `for a ${noun}. Use the ${noun} exactly as it is in JOOR.`
    );
  },

  missingValue(row: number, header: string, noun: string): string {
    return (
      `${at(row, header)}: the ${noun} is blank. Fill it in (a merged cell keeps its value in its first row ` +
      'only), or give the row a UPC instead.'
    );
  },

  styleIdentifierBlank(row: number, header: string): string {
    return (
      `${at(row, header)}: the style identifier is blank. Fill it in (it is often the same as the style ` +
      'number), or give the row a UPC instead.'
    );
  },

  missingColumn(row: number, noun: string, identity: string): string {
    return (
      `Row ${row}: the sheet has no ${noun} column, so the row cannot be matched by ${identity}. Give the ` +
      `row a UPC, or add a ${noun} column.`
    );
  },

  noIdentifier(row: number): string {
    return (
      `Row ${row}: no UPC, style number or JOOR style id is filled in, so the row cannot be matched to a SKU ` +
      'and is not sent. Fill in one of them, or delete the row.'
    );
  },

  totalsRow(row: number, header: string, displayed: string): string {
    return (
      `Row ${row}, column "${header}": ${displayed} looks like a totals row and has no UPC or style number, so it ` +
      'is not sent. Delete the row, or move the totals to another sheet.'
    );
  },

  formulaError(row: number, header: string, errorValue: string): string {
    if (errorValue === 'Loading...') {
      return (
        `${at(row, header)}: the cell is still loading (Loading...), so its value is not known yet. Wait until ` +
        'the imported data has loaded and validate again.'
      );
    }
    return (
      `${at(row, header)}: the formula returns the error ${errorValue}, not a value. Fix the formula, or wait ` +
      'until imported data has loaded, and validate again.'
    );
  },

  joorIdInvalid(row: number, header: string, displayed: string, noun: string): string {
    return `${at(row, header)}: ${displayed} is not a ${noun}, which is a whole number above 0. Copy the id from JOOR.`;
  },

  quantityBlank(row: number, header: string): string {
    return (
      `${at(row, header)}: the quantity is blank. Enter the quantity available, or 0 for sold out; a blank is ` +
      'never sent as 0.'
    );
  },

  quantityNotWhole(row: number, header: string, displayed: string, localeHint: string): string {
    return `${at(row, header)}: ${displayed} is not a whole number${localeHint}. Enter a whole number of 0 or more.`;
  },

  quantityNegative(row: number, header: string, displayed: string): string {
    return (
      `${at(row, header)}: ${displayed} is negative. Enter 0 or more: JOOR takes the quantity available to sell, ` +
      'and 0 means sold out.'
    );
  },

  quantityTooLarge(row: number, header: string, displayed: string): string {
    return `${at(row, header)}: ${displayed} is too large for a quantity. Check the value.`;
  },

  dateAmbiguous(row: number, header: string, text: string, monthFirst: string, dayFirst: string): string {
    return (
      `${at(row, header)}: ${showValue(text)} is ambiguous in this spreadsheet's locale (month first gives ` +
      `${monthFirst}, day first gives ${dayFirst}). Enter the date as YYYY-MM-DD.`
    );
  },

  dateDayFirst(row: number, header: string, text: string, dayFirst: string): string {
    return (
      `${at(row, header)}: ${showValue(text)} is not a valid MM-DD-YYYY date, the only other form JOOR reads. ` +
      `If you mean ${dayFirst}, enter it as ${dayFirst} (YYYY-MM-DD).`
    );
  },

  dateImpossible(row: number, header: string, text: string): string {
    return `${at(row, header)}: ${showValue(text)} is not a real calendar date. Enter the date as YYYY-MM-DD.`;
  },

  dateSerial(row: number, header: string, displayed: string): string {
    return (
      `${at(row, header)}: ${displayed} is a number, not a date. Format the column as a date, or enter the date ` +
      'as YYYY-MM-DD.'
    );
  },

  dateCompact(row: number, header: string, displayed: string, iso: string): string {
    return `${at(row, header)}: ${displayed} is not a date JOOR reads. If you mean ${iso}, enter it as ${iso} (YYYY-MM-DD).`;
  },

  dateUnrecognised(row: number, header: string, displayed: string): string {
    return (
      `${at(row, header)}: ${displayed} is not a date. Enter the date as YYYY-MM-DD, or leave the cell blank ` +
      '(or write "immediate") for stock available now.'
    );
  },

  madeToOrderInvalid(row: number, header: string, displayed: string): string {
    return (
      `${at(row, header)}: ${displayed} is not a yes/no value. Enter yes or no (y/n, true/false and 1/0 also ` +
      'work), or leave the cell blank.'
    );
  },

  warehouseUnknown(row: number, header: string, name: string, known: readonly string[]): string {
    return (
      `${at(row, header)}: warehouse "${name}" is not in the warehouse list (${known.join(', ')}). Check the ` +
      'spelling, or add the warehouse in Settings → Warehouses in the sidebar (for the command line, in the ' +
      '"warehouses" list of the settings file).'
    );
  },

  warehouseCase(row: number, header: string, name: string, knownName: string): string {
    return (
      `${at(row, header)}: warehouse "${name}" differs only in letter case from the known warehouse ` +
      `"${knownName}", and JOOR matches warehouse names exactly. Change the cell to "${knownName}".`
    );
  },

  defaultWarehouseUnknown(row: number, name: string, known: readonly string[]): string {
    return (
      `Row ${row}: the default warehouse "${name}" used for this row is not in the warehouse list ` +
      `(${known.join(', ')}). Choose a listed warehouse as the default, or add it in Settings → Warehouses ` +
      'in the sidebar (for the command line, in the "warehouses" list of the settings file).'
    );
  },

  duplicateConflict(
    row: number,
    header: string,
    quantity: string,
    others: readonly string[],
    sku: string,
    warehouse: string,
    date: string,
  ): string {
    const dateText = date === '' ? 'no date' : `date ${date}`;
    const rowsText =
      others.length === 1 ? `row ${others[0]}, which has` : `rows ${listRows(others, 5)}, which have`;
    return (
      `${at(row, header)}: ${quantity} conflicts with ${rowsText} the same SKU ` +
      `${sku}, warehouse "${warehouse}" and ${dateText}. None of these rows is sent: keep one row per SKU, ` +
      'warehouse and date.'
    );
  },

  duplicateSameValue(row: number, sentRow: number, sku: string): string {
    return (
      `Row ${row}: duplicate of row ${sentRow} (same SKU ${sku}, warehouse, date and quantity), so it is sent ` +
      `once, with row ${sentRow}. Delete this row to clear the message.`
    );
  },
};

export const sheetMessages = {
  emptySheet(sheet: string): string {
    return (
      `Sheet "${sheet}" has no data. Paste the inventory with a header row (for example UPC, Quantity, ` +
      'Warehouse) and validate again.'
    );
  },

  noHeader(sheet: string, rowsSearched: number): string {
    return (
      `Sheet "${sheet}": no header row found in the first ${rowsSearched} rows. Add a row of column names ` +
      'such as UPC, Style Number, Color Code, Size, Quantity and Warehouse above the data, or map the ' +
      'columns by hand in the sidebar.'
    );
  },

  delimitedText(sheet: string, row: number, displayed: string, delimiter: string): string {
    return (
      `Sheet "${sheet}", row ${row}: ${displayed} looks like delimited text in one column. Select the column and ` +
      `use Data → Split text to columns (separator ${delimiter}), then validate again.`
    );
  },

  sizeMatrix(sheet: string, row: number, headers: readonly string[]): string {
    return (
      `Sheet "${sheet}", row ${row}: the columns ${headers.map((h) => `"${h}"`).join(', ')} look like sizes ` +
      'across columns. JOOR takes one row per SKU: reshape the sheet to one row per style, colour and size, ' +
      'with a Size column and a Quantity column, and validate again.'
    );
  },

  needsColumnChoice(sheet: string, noun: string, headers: readonly string[], interactive: boolean): string {
    const names = headers.map((h) => `"${h}"`).join(' and ');
    const action = interactive
      ? 'Choose the column to use.'
      : 'Choose the column in the sidebar, or pass --settings with a column mapping for this sheet.';
    return `Sheet "${sheet}": the columns ${names} could both give the ${noun}, and they are never merged. ${action}`;
  },

  /** `missingParts` names the columns a partial style or JOOR id set lacks, or is empty. */
  noIdentifierColumn(sheet: string, headers: readonly string[], missingParts: readonly string[]): string {
    const missing = missingParts.length === 0 ? '' : ` The sheet has no ${missingParts.join(' or ')} column.`;
    return (
      `Sheet "${sheet}": no column identifies the SKU (columns found: ${headers.join(', ')}).${missing} Add a ` +
      'UPC column, or Style Number, Color Code and Size columns, or JOOR style id, style color id and size ' +
      'code columns, or map a column by hand in the sidebar.'
    );
  },

  noQuantityColumn(sheet: string, headers: readonly string[]): string {
    return (
      `Sheet "${sheet}": no quantity column (columns found: ${headers.join(', ')}). Name the column Quantity, ` +
      'or map it by hand in the sidebar.'
    );
  },

  mappedColumnNotFound(sheet: string, noun: string, header: string): string {
    return (
      `Sheet "${sheet}": the column mapping uses "${header}" for the ${noun}, but the header row has no such ` +
      'column. Choose the column again in the sidebar, or fix the mapping in the settings file.'
    );
  },
};

export const notes = {
  hiddenRows:
    'Hidden and filtered rows are validated and pushed like visible rows, and get a status too. Delete ' +
    'the rows you do not want to send.',

  styleIdentifierFromNumber:
    'The sheet has no Style Identifier column, so each row sends its style number as the style identifier.',

  ignoredColumns(headers: readonly string[]): string {
    return `Columns ignored because they are not JOOR inventory fields: ${headers.map((h) => `"${h}"`).join(', ')}.`;
  },

  lowerPriorityColumn(header: string, usedHeader: string, noun: string): string {
    return `Column "${header}" is ignored because column "${usedHeader}" gives the ${noun}.`;
  },

  notGtinColumn(header: string): string {
    return `Column "${header}" is ignored because its values are not UPC/EAN codes.`;
  },
};

/** Plain descriptions of each issue code, used as group titles in summaries. */
export const ISSUE_TITLES: Readonly<Record<string, string>> = {
  GTIN_CHECK_DIGIT: 'UPC/EAN check digit is wrong',
  GTIN_LENGTH: 'UPC/EAN has the wrong number of digits',
  GTIN_NOT_DIGITS: 'UPC/EAN contains characters other than digits',
  SCIENTIFIC_NOTATION: 'Value in scientific notation lost digits',
  UNSAFE_NUMBER: 'Number too long for a spreadsheet number',
  NUMBER_CONVERTED: 'Code converted to a number by the spreadsheet',
  DATE_IN_TEXT_FIELD: 'Code converted to a date by the spreadsheet',
  BOOLEAN_IN_FIELD: 'TRUE/FALSE value where a code belongs',
  LEADING_ZERO_RESTORED: 'Leading zero restored in a UPC read as a number',
  NUMBER_READ_AS_TEXT: 'Code read from a Number cell; zeros may be lost',
  TOO_LONG: 'Value longer than JOOR accepts',
  MISSING_VALUE: 'Part of the SKU is blank',
  MISSING_COLUMN: 'Part of the SKU has no column',
  NO_IDENTIFIER: 'Row has no UPC, style number or JOOR id',
  TOTALS_ROW: 'Totals row',
  FORMULA_ERROR: 'Formula error or data still loading',
  JOOR_ID_INVALID: 'JOOR id is not a whole number above 0',
  QUANTITY_BLANK: 'Quantity is blank',
  QUANTITY_NOT_WHOLE: 'Quantity is not a whole number',
  QUANTITY_NEGATIVE: 'Quantity is negative',
  QUANTITY_TOO_LARGE: 'Quantity is too large',
  DATE_AMBIGUOUS: 'Date could be read two ways',
  DATE_INVALID: 'Date is not a real or readable date',
  MADE_TO_ORDER_INVALID: 'Made-to-order value is not yes or no',
  WAREHOUSE_UNKNOWN: 'Warehouse is not in the warehouse list',
  WAREHOUSE_CASE: 'Warehouse differs in letter case',
  DUPLICATE_CONFLICT: 'Same SKU, warehouse and date with different quantities',
  DUPLICATE_SAME_VALUE: 'Duplicate row sent once',
  DATE_OUT_OF_RANGE: 'Date outside the years 2000 to 2099',
  GTIN_ZERO: 'UPC/EAN of zeros only',
  EXPONENT_DISPLAY: 'UPC shown in scientific notation, all digits kept',
  HIDDEN_CHARACTER: 'Code contains a character that looks like a space or hyphen',
  MERGED_CELL: 'Cell is part of merged cells',
  REPEATED_HEADER: 'Header row repeated below the header',
  SECOND_HEADER: 'Second header row with other columns',
  BELOW_SECOND_HEADER: 'Row below a second header row',
};
