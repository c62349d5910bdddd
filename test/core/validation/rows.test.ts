import { validateSheet } from '../../../src/core/validation';
import { type CellSpec, codesOf, config, messageOf, rowOf, sheet, shown } from './sheet-builder';

const HEADER: CellSpec[] = ['UPC', 'Quantity', 'Warehouse'];

describe('validateSheet totals and blank rows', () => {
  it('rejects a totals row at the bottom instead of sending it', () => {
    const input = sheet([
      ['Inventory export – ACME Apparel', '', '', '', '', ''],
      ['Generated 2025-03-01', '', '', '', '', ''],
      ['UPC ', 'Style #', 'Colour Code', 'Size', 'Qty Available', 'Whse'],
      ['012345678905', 'ST-100', '001', 'M', 12, 'Main'],
      ['TOTAL', '', '', '', 12, 345],
    ]);
    const row = rowOf(validateSheet(input, config()), 5);
    expect(row.outcome).toBe('invalid');
    expect(row.item).toBeUndefined();
    expect(codesOf(row)).toEqual(['TOTALS_ROW']);
    expect(messageOf(row, 'TOTALS_ROW')).toBe(
      'Row 5, column "UPC": "TOTAL" looks like a totals row and has no UPC or style number, so it is not sent. Delete the row, or move the totals to another sheet.',
    );
  });

  it.each(['Grand total', 'Total:', 'Subtotal', 'TOTALS', 'Summe'])(
    'rejects totals label %j in any column',
    (label) => {
      const input = sheet([
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Notes'],
        ['', '', '', 40, label],
      ]);
      expect(codesOf(rowOf(validateSheet(input, config()), 2))).toEqual(['TOTALS_ROW']);
    },
  );

  it('keeps a style number that only starts with the letters of total', () => {
    const input = sheet([
      ['Style Number', 'Color Code', 'Size', 'Quantity'],
      ['Totally-Tee', '001', 'M', 4],
    ]);
    expect(rowOf(validateSheet(input, config()), 2).outcome).toBe('valid');
  });

  it('rejects a row without any identifier', () => {
    const row = rowOf(validateSheet(sheet([HEADER, ['', 5, 'Main']]), config()), 2);
    expect(codesOf(row)).toEqual(['NO_IDENTIFIER']);
    expect(messageOf(row, 'NO_IDENTIFIER')).toContain('Row 2: no UPC, style number or JOOR style id');
  });

  it('skips and counts blank and whitespace-only rows', () => {
    const input = sheet([
      HEADER,
      ['012345678905', 1, 'Main'],
      ['', '', ''],
      [' ', '\u00a0', '\u200b'],
      [],
      ['009876543215', 2, 'Main'],
    ]);
    const result = validateSheet(input, config());
    expect(result.rows.map((row) => row.row)).toEqual([2, 6]);
    expect(result.counts.blankRows).toBe(3);
    expect(result.counts.dataRows).toBe(2);
  });

  it('gives every non-blank row a result, in sheet order', () => {
    const input = sheet([
      HEADER,
      ['012345678905', 1, 'Main'],
      ['bad', 'bad', 'Main'],
      ['009876543215', 2, 'Nowhere'],
    ]);
    const result = validateSheet(input, config());
    expect(result.rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'valid'],
      [3, 'invalid'],
      [4, 'invalid'],
    ]);
  });

  it('states the hidden-row policy in the notes', () => {
    const result = validateSheet(sheet([HEADER, ['012345678905', 1, 'Main']]), config());
    expect(result.notes).toContain(
      'Hidden and filtered rows are validated and pushed like visible rows, and get a status too. Delete the rows you do not want to send.',
    );
  });

  it('notes that the style number serves as the style identifier', () => {
    const result = validateSheet(sheet([['Style Number', 'Color Code', 'Size', 'Quantity']]), config());
    expect(result.notes).toContain(
      'The sheet has no Style Identifier column, so each row sends its style number as the style identifier.',
    );
  });

  it('rejects a blank style identifier when the column exists', () => {
    const input = sheet([
      ['Style Number', 'Style Identifier', 'Color Code', 'Size', 'Quantity'],
      ['ST-1', '', '001', 'M', 1],
    ]);
    const row = rowOf(validateSheet(input, config()), 2);
    expect(codesOf(row)).toEqual(['MISSING_VALUE']);
    expect(messageOf(row, 'MISSING_VALUE')).toContain('the style identifier is blank');
  });

  it('names each blank part of a style row', () => {
    const input = sheet([
      ['Style Number', 'Color Code', 'Size', 'Quantity'],
      ['ST-1', '', '', 1],
    ]);
    const row = rowOf(validateSheet(input, config()), 2);
    expect(codesOf(row)).toEqual(['MISSING_VALUE', 'MISSING_VALUE']);
    expect(row.issues.map((issue) => issue.column)).toEqual(['Color Code', 'Size']);
  });

  it('rejects a style row when the sheet lacks a style column', () => {
    const input = sheet([
      ['UPC', 'Style Number', 'Color Code', 'Quantity'],
      ['', 'ST-1', '001', 1],
    ]);
    const row = rowOf(validateSheet(input, config()), 2);
    expect(codesOf(row)).toEqual(['MISSING_COLUMN']);
    expect(messageOf(row, 'MISSING_COLUMN')).toContain('the sheet has no size column');
  });
});

describe('validateSheet formula errors', () => {
  it.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', 'Loading...'])(
    'rejects %s in the UPC column',
    (errorValue) => {
      const row = rowOf(validateSheet(sheet([HEADER, [errorValue, 1, 'Main']]), config()), 2);
      expect(row.outcome).toBe('invalid');
      expect(codesOf(row)).toEqual(['FORMULA_ERROR']);
    },
  );

  it('names the error in the quantity column', () => {
    const row = rowOf(validateSheet(sheet([HEADER, ['012345678905', '#N/A', 'Main']]), config()), 2);
    expect(messageOf(row, 'FORMULA_ERROR')).toBe(
      'Row 2, column "Quantity": the formula returns the error #N/A, not a value. Fix the formula, or wait until imported data has loaded, and validate again.',
    );
  });

  it('counts #N/A and Loading... rows as uncalculated, once per row', () => {
    const input = sheet([
      HEADER,
      ['012345678905', '#N/A', 'Main'],
      ['009876543215', '#REF!', 'Main'],
      ['Loading...', '#N/A', 'Main'],
      ['098765432105', 3, 'Main'],
    ]);
    const result = validateSheet(input, config());
    expect(result.counts.uncalculated).toBe(2);
    expect(result.counts.invalid).toBe(3);
    expect(result.counts.valid).toBe(1);
  });

  it('ignores errors in columns the add-on does not use', () => {
    const input = sheet([
      ['UPC', 'Quantity', 'Price'],
      ['012345678905', 3, '#DIV/0!'],
    ]);
    expect(rowOf(validateSheet(input, config()), 2).outcome).toBe('valid');
  });
});

describe('validateSheet made to order', () => {
  const header: CellSpec[] = ['UPC', 'Quantity', 'MTO'];

  it.each<[CellSpec, boolean]>([
    [true, true],
    [false, false],
    ['yes', true],
    ['No', false],
    ['Y', true],
    ['n', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
    [shown(true, 'TRUE'), true],
  ])('reads %p as %p', (cell, expected) => {
    const row = rowOf(validateSheet(sheet([header, ['012345678905', 3, cell]]), config()), 2);
    expect(row.item?.made_to_order).toBe(expected);
  });

  it('leaves the flag out for a blank cell', () => {
    const row = rowOf(validateSheet(sheet([header, ['012345678905', 3, '']]), config()), 2);
    expect(row.item).not.toHaveProperty('made_to_order');
  });

  it.each([['maybe'], [2], ['si']])('rejects %p', (cell) => {
    const row = rowOf(validateSheet(sheet([header, ['012345678905', 3, cell]]), config()), 2);
    expect(codesOf(row)).toEqual(['MADE_TO_ORDER_INVALID']);
    expect(row.issues[0]?.message).toContain('is not a yes/no value');
  });
});

describe('validateSheet warehouses', () => {
  it('uses the default warehouse for a blank cell and without a column', () => {
    const withColumn = rowOf(validateSheet(sheet([HEADER, ['012345678905', 3, '']]), config()), 2);
    const withoutColumn = rowOf(
      validateSheet(
        sheet([
          ['UPC', 'Qty'],
          ['012345678905', 3],
        ]),
        config(),
      ),
      2,
    );
    expect(withColumn.item?.warehouse).toBe('Default');
    expect(withoutColumn.item?.warehouse).toBe('Default');
  });

  it('trims the warehouse name', () => {
    const row = rowOf(validateSheet(sheet([HEADER, ['012345678905', 3, ' Main\u00a0']]), config()), 2);
    expect(row.item?.warehouse).toBe('Main');
  });

  it('always knows Default', () => {
    const row = rowOf(
      validateSheet(sheet([HEADER, ['012345678905', 3, 'Default']]), config({ knownWarehouses: [] })),
      2,
    );
    expect(row.outcome).toBe('valid');
  });

  it('rejects an unknown warehouse, listing the known ones and how to add one', () => {
    const row = rowOf(validateSheet(sheet([HEADER, ['012345678905', 3, 'Paris']]), config()), 2);
    expect(codesOf(row)).toEqual(['WAREHOUSE_UNKNOWN']);
    expect(messageOf(row, 'WAREHOUSE_UNKNOWN')).toBe(
      'Row 2, column "Warehouse": warehouse "Paris" is not in the warehouse list (Default, Main, Outlet). Check the spelling, or add the warehouse in Settings → Warehouses in the sidebar (for the command line, in the "warehouses" list of the settings file).',
    );
  });

  it('suggests the known spelling for a case-only mismatch', () => {
    const row = rowOf(validateSheet(sheet([HEADER, ['012345678905', 3, 'MAIN']]), config()), 2);
    expect(codesOf(row)).toEqual(['WAREHOUSE_CASE']);
    expect(messageOf(row, 'WAREHOUSE_CASE')).toContain('Change the cell to "Main"');
  });

  it('rejects rows that fall back to an unknown default warehouse', () => {
    const row = rowOf(
      validateSheet(sheet([HEADER, ['012345678905', 3, '']]), config({ defaultWarehouse: 'Lager' })),
      2,
    );
    expect(codesOf(row)).toEqual(['WAREHOUSE_UNKNOWN']);
    expect(messageOf(row, 'WAREHOUSE_UNKNOWN')).toContain('the default warehouse "Lager"');
  });

  it('reads a numeric warehouse name as text', () => {
    const row = rowOf(
      validateSheet(sheet([HEADER, ['012345678905', 3, 12]]), config({ knownWarehouses: ['12'] })),
      2,
    );
    expect(row.item?.warehouse).toBe('12');
  });
});
