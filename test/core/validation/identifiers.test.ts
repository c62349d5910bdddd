import { computeCheckDigit, hasValidCheckDigit, toGtin14, validateSheet } from '../../../src/core/validation';
import { type CellSpec, codesOf, config, dateCell, messageOf, rowOf, sheet, shown } from './sheet-builder';

const UPC_HEADER: CellSpec[] = ['UPC', 'Quantity', 'Warehouse'];

/** Validates one UPC cell in a minimal UPC sheet and returns the row result. */
function validateUpc(cell: CellSpec) {
  const result = validateSheet(sheet([UPC_HEADER, [cell, 5, 'Main']]), config());
  return rowOf(result, 2);
}

describe('gtin', () => {
  it.each([
    ['012345678905', 5],
    ['009876543215', 5],
    ['012345670060', 0],
    ['2001234567893', 3],
    ['10012345678902', 2],
    ['20001230', 0],
    ['012345678901', 5],
  ])('computes the check digit of %s', (digits, expected) => {
    expect(computeCheckDigit(digits)).toBe(expected);
  });

  it('accepts check digit 0', () => {
    expect(hasValidCheckDigit('012345670060')).toBe(true);
  });

  it.each([
    ['012345678905', '00012345678905'],
    ['0012345678905', '00012345678905'],
    ['20001230', '00000020001230'],
    ['10012345678902', '10012345678902'],
  ])('pads %s to GTIN-14', (digits, expected) => {
    expect(toGtin14(digits)).toBe(expected);
  });
});

describe('validateSheet UPC cells', () => {
  it.each([
    ['012345678905', 'UPC-A'],
    ['0012345678905', 'the same GTIN as 13 digits'],
    ['00012345678905', 'the same GTIN as 14 digits'],
    ['2001234567893', 'EAN-13'],
    ['10012345678902', 'GTIN-14'],
    ['012345670060', 'check digit 0'],
    ['20001230', 'EAN-8'],
  ])('sends text %s (%s) as written', (text) => {
    const row = validateUpc(text);
    expect(row.outcome).toBe('valid');
    expect(row.item?.upc).toBe(text);
    expect(row.issues).toEqual([]);
  });

  it('rejects a wrong check digit naming the expected digit', () => {
    const row = validateUpc('012345678901');
    expect(row.outcome).toBe('invalid');
    expect(codesOf(row)).toEqual(['GTIN_CHECK_DIGIT']);
    expect(messageOf(row, 'GTIN_CHECK_DIGIT')).toBe(
      'Row 2, column "UPC": 012345678901 is not a valid UPC (check digit should be 5). Check the code against the product label.',
    );
  });

  it.each(['01234567890', '1234567', '123456789012345'])('rejects %s for its length', (text) => {
    const row = validateUpc(text);
    expect(row.outcome).toBe('invalid');
    expect(codesOf(row)).toEqual(['GTIN_LENGTH']);
    expect(messageOf(row, 'GTIN_LENGTH')).toContain('UPC/EAN has 8, 12, 13 or 14 digits');
  });

  it.each(['ABC-123', '0 12345 67890 5', '012345-678905'])('rejects non-digit text %s', (text) => {
    const row = validateUpc(text);
    expect(codesOf(row)).toEqual(['GTIN_NOT_DIGITS']);
  });

  it.each([
    ['8.12346E+11', '8.12346E+11'],
    ['2.00123E+12', '2.00123E+12'],
    ['1.2e+11', '1.2e+11'],
  ])('rejects scientific-notation text %s', (text, expectedShown) => {
    const row = validateUpc(text);
    expect(row.outcome).toBe('invalid');
    expect(row.item).toBeUndefined();
    expect(codesOf(row)).toEqual(['SCIENTIFIC_NOTATION']);
    expect(messageOf(row, 'SCIENTIFIC_NOTATION')).toContain(`${expectedShown} is in scientific notation`);
    expect(messageOf(row, 'SCIENTIFIC_NOTATION')).toContain('digits were lost');
  });

  it('rejects a Number cell displayed in exponent form', () => {
    const row = validateUpc(shown(812346000000, '8.12346E+11'));
    expect(codesOf(row)).toEqual(['SCIENTIFIC_NOTATION']);
  });

  it.each([
    [12345678905, '012345678905'],
    [9876543215, '009876543215'],
    [12345670060, '012345670060'],
  ])('restores leading zeros of Number cell %d', (value, expected) => {
    const row = validateUpc(value);
    expect(row.outcome).toBe('valid');
    expect(row.item?.upc).toBe(expected);
    expect(codesOf(row)).toEqual(['LEADING_ZERO_RESTORED']);
    expect(row.issues[0]?.severity).toBe('warning');
    expect(messageOf(row, 'LEADING_ZERO_RESTORED')).toContain('leading zero restored');
  });

  it('rejects a Number cell whose padded form fails the check digit', () => {
    const row = validateUpc(12345678901);
    expect(row.outcome).toBe('invalid');
    expect(codesOf(row)).toEqual(['GTIN_CHECK_DIGIT']);
    expect(messageOf(row, 'GTIN_CHECK_DIGIT')).toContain('12345678901 is not a valid UPC/EAN');
    expect(messageOf(row, 'GTIN_CHECK_DIGIT')).toContain('check digit should be 5');
  });

  it.each([
    [2001234567893, '2001234567893'],
    [10012345678902, '10012345678902'],
    [712345678904, '712345678904'],
  ])('sends Number cell %d of 12 to 14 digits as digit text', (value, expected) => {
    const row = validateUpc(value);
    expect(row.outcome).toBe('valid');
    expect(row.item?.upc).toBe(expected);
  });

  it('sends the zeros a number format shows', () => {
    const row = validateUpc(shown(12345678905, '012345678905'));
    expect(row.item?.upc).toBe('012345678905');
    expect(row.issues).toEqual([]);
  });

  it('rejects a Number cell beyond the safe-integer range', () => {
    const row = validateUpc(shown(1234567890123456800, '1234567890123456800'));
    expect(codesOf(row)).toEqual(['UNSAFE_NUMBER']);
  });

  it.each([
    [12.5, 'GTIN_NOT_DIGITS'],
    [true, 'BOOLEAN_IN_FIELD'],
    [dateCell('2025-03-04'), 'GTIN_NOT_DIGITS'],
  ])('rejects the cell %p', (value, code) => {
    expect(codesOf(validateUpc(value))).toEqual([code]);
  });

  it('never falls back to style columns when the UPC is invalid', () => {
    const input = sheet([
      ['UPC', 'Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
      ['012345678901', 'ST-100', '001', 'M', 5, 'Main'],
    ]);
    const row = rowOf(validateSheet(input, config()), 2);
    expect(row.outcome).toBe('invalid');
    expect(codesOf(row)).toEqual(['GTIN_CHECK_DIGIT']);
  });

  it('uses the UPC when a row has both identifier sets', () => {
    const input = sheet([
      ['Style Number', 'Season', 'Color', 'Size', 'UPC', 'Quantity', 'Warehouse', 'Date'],
      ['ST-100', 'FW25', '001', 'M', '012345678905', 4, 'Main', ''],
    ]);
    const row = rowOf(validateSheet(input, config()), 2);
    expect(row.identity).toBe('upc');
    expect(row.item).toEqual({ warehouse: 'Main', upc: '012345678905', inventory: 4 });
  });
});

const STYLE_HEADER: CellSpec[] = ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'];

function validateStyleRow(cells: CellSpec[], options: { locale?: string } = {}) {
  return rowOf(validateSheet(sheet([STYLE_HEADER, cells], options), config()), 2);
}

describe('validateSheet style codes', () => {
  it('sends a numeric style number as integer text with a warning', () => {
    const row = validateStyleRow([10045, '001', 'M', 3, 'Main']);
    expect(row.outcome).toBe('valid');
    expect(row.item?.style_number).toBe('10045');
    expect(codesOf(row)).toEqual(['NUMBER_READ_AS_TEXT']);
    expect(messageOf(row, 'NUMBER_READ_AS_TEXT')).toContain('leading zeros may have been lost');
  });

  it.each([
    [shown(120000, '1.20E+05'), '1.20E+05'],
    [shown(100.5, '100.5'), '100.5'],
  ])('rejects a style number converted to a number (%p)', (cell, display) => {
    const row = validateStyleRow([cell, '001', 'M', 3, 'Main']);
    expect(row.outcome).toBe('invalid');
    expect(codesOf(row)).toEqual(['NUMBER_CONVERTED']);
    expect(messageOf(row, 'NUMBER_CONVERTED')).toBe(
      `Row 2, column "Style Number": ${display} looks like a style number that the spreadsheet converted to a number. Format the column as Plain text and retype it.`,
    );
  });

  it('keeps text 12E4 as a style number', () => {
    const row = validateStyleRow(['12E4', '001', 'M', 3, 'Main']);
    expect(row.item?.style_number).toBe('12E4');
  });

  it('warns that JOOR suggests 3-character colour codes for a numeric colour code', () => {
    const row = validateStyleRow(['ST-100', 1, 'M', 3, 'Main']);
    expect(row.outcome).toBe('valid');
    expect(row.item?.color_code).toBe('1');
    expect(messageOf(row, 'NUMBER_READ_AS_TEXT')).toContain('3-character colour codes');
  });

  it('sends the zero-padded colour code a number format shows', () => {
    const row = validateStyleRow(['ST-100', shown(1, '001'), 'M', 3, 'Main']);
    expect(row.item?.color_code).toBe('001');
  });

  it.each([
    [8, '8'],
    [shown(8.5, '8.5'), '8.5'],
  ])('sends numeric size %p as text', (cell, expected) => {
    const row = validateStyleRow(['ST-100', '001', cell, 3, 'Main']);
    expect(row.outcome).toBe('valid');
    expect(row.item?.size).toBe(expected);
  });

  it('rejects a size converted to a date with the likely typed text', () => {
    const input = sheet([
      STYLE_HEADER,
      ['ST-300', '001', dateCell('2025-03-04'), 8, 'Main'],
      ['ST-300', '001', '5-6', 8, 'Main'],
    ]);
    const result = validateSheet(input, config());
    const row = rowOf(result, 2);
    expect(row.outcome).toBe('invalid');
    expect(codesOf(row)).toEqual(['DATE_IN_TEXT_FIELD']);
    expect(messageOf(row, 'DATE_IN_TEXT_FIELD')).toBe(
      'Row 2, column "Size": the cell holds the date 2025-03-04, probably converted by the spreadsheet from "3-4". Format the "Size" column as Plain text and retype the size.',
    );
    expect(rowOf(result, 3).item?.size).toBe('5-6');
  });

  it('guesses day-first typed text in a day-first locale', () => {
    const row = validateStyleRow(['ST-300', '001', dateCell('2025-04-03'), 8, 'Main'], { locale: 'de_DE' });
    expect(messageOf(row, 'DATE_IN_TEXT_FIELD')).toContain('"3-4"');
  });

  it('rejects a style number converted to a date', () => {
    const row = validateStyleRow([dateCell('2025-01-12'), '001', 'M', 8, 'Main']);
    expect(codesOf(row)).toEqual(['DATE_IN_TEXT_FIELD']);
  });

  it('rejects a style identifier beyond the safe-integer range', () => {
    const input = sheet([
      ['Style Number', 'Style Identifier', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
      ['ST-100', shown(1234567890123456800, '1.23457E+18'), '001', 'M', 1, 'Main'],
    ]);
    const row = rowOf(validateSheet(input, config()), 2);
    expect(codesOf(row)).toEqual(['UNSAFE_NUMBER']);
    expect(messageOf(row, 'UNSAFE_NUMBER')).toContain('more digits than a spreadsheet number can hold');
    expect(messageOf(row, 'UNSAFE_NUMBER')).toContain('Plain text');
  });

  it('rejects a style number longer than 45 characters', () => {
    const row = validateStyleRow(['S'.repeat(46), '001', 'M', 1, 'Main']);
    expect(codesOf(row)).toEqual(['TOO_LONG']);
    expect(messageOf(row, 'TOO_LONG')).toContain('at most 45');
  });

  it('accepts a style number of exactly 45 characters', () => {
    expect(validateStyleRow(['S'.repeat(45), '001', 'M', 1, 'Main']).outcome).toBe('valid');
  });

  it('rejects a style identifier longer than 100 characters', () => {
    const input = sheet([
      ['Style Number', 'Style Identifier', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
      ['ST-100', 'I'.repeat(101), '001', 'M', 1, 'Main'],
    ]);
    expect(codesOf(rowOf(validateSheet(input, config()), 2))).toEqual(['TOO_LONG']);
  });

  it('rejects a TRUE/FALSE size', () => {
    expect(codesOf(validateStyleRow(['ST-100', '001', true, 1, 'Main']))).toEqual(['BOOLEAN_IN_FIELD']);
  });

  it.each([
    ['ST-100 ', 'trailing space'],
    ['ST-100\u00a0', 'no-break space'],
    ['\ufeffST-100', 'byte-order mark'],
    ['\u200bST-100\u200b', 'zero-width spaces'],
    ['\u202fST-100\t', 'narrow no-break space and tab'],
  ])('trims %j (%s)', (text) => {
    expect(validateStyleRow([text, '001', 'M', 1, 'Main']).item?.style_number).toBe('ST-100');
  });

  it('keeps inner spaces and case', () => {
    const row = validateStyleRow(['st 100', 'blk', 'm', 1, 'Main']);
    expect(row.item).toEqual({
      warehouse: 'Main',
      style_number: 'st 100',
      style_identifier: 'st 100',
      color_code: 'blk',
      size: 'm',
      inventory: 1,
    });
  });
});

describe('validateSheet JOOR ids', () => {
  const header: CellSpec[] = ['style_id', 'style_color_id', 'size_code', 'inventory', 'warehouse'];

  it('sends JOOR ids as integers', () => {
    const result = validateSheet(sheet([header, [1001, '2002', 'S', 4, 'Main']]), config());
    const row = rowOf(result, 2);
    expect(row.identity).toBe('joor_ids');
    expect(row.item).toEqual({
      warehouse: 'Main',
      style_id: 1001,
      style_color_id: 2002,
      size_code: 'S',
      inventory: 4,
    });
  });

  it.each([[0], [-4], [12.5], ['12a'], [true]])('rejects style id %p', (value) => {
    const row = rowOf(validateSheet(sheet([header, [value, 2002, 'S', 4, 'Main']]), config()), 2);
    expect(codesOf(row)).toEqual(['JOOR_ID_INVALID']);
  });

  it('rejects a style id beyond the safe-integer range', () => {
    const row = rowOf(validateSheet(sheet([header, [2 ** 60, 2002, 'S', 4, 'Main']]), config()), 2);
    expect(codesOf(row)).toEqual(['UNSAFE_NUMBER']);
  });

  it('names a blank size code', () => {
    const row = rowOf(validateSheet(sheet([header, [1001, 2002, '', 4, 'Main']]), config()), 2);
    expect(codesOf(row)).toEqual(['MISSING_VALUE']);
    expect(messageOf(row, 'MISSING_VALUE')).toContain('column "size_code": the size code is blank');
  });
});
