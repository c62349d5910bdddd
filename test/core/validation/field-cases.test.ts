/**
 * Whole-sheet repros of failures reported in the field, one per kind of failure, with the cell
 * types Sheets returns for them.
 */

import { validateSheet } from '../../../src/core/validation';
import { codesOf, config, dateCell, rowOf, sheet, shown } from './sheet-builder';

describe('validateSheet field failures', () => {
  it('restores leading zeros a Number cell dropped from a UPC', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Warehouse'],
        [12345678905, 10, 'Main'],
        [9876543215, 4, 'Main'],
        ['012345678905', 10, 'Main'],
      ]),
      config(),
    );
    expect(rowOf(result, 2).item?.upc).toBe('012345678905');
    expect(rowOf(result, 3).item?.upc).toBe('009876543215');
    expect(codesOf(rowOf(result, 2))).toEqual(['LEADING_ZERO_RESTORED']);
    expect(rowOf(result, 4).outcome).toBe('duplicate');
    expect(rowOf(result, 4).duplicateOf).toBe(2);
  });

  it('rejects UPCs whose digits were lost to scientific notation', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Warehouse'],
        ['8.12346E+11', 6, 'Main'],
        ['2.00123E+12', 2, 'Main'],
      ]),
      config(),
    );
    expect(result.rows.map((row) => row.outcome)).toEqual(['invalid', 'invalid']);
    expect(result.rows.map((row) => codesOf(row))).toEqual([
      ['SCIENTIFIC_NOTATION'],
      ['SCIENTIFIC_NOTATION'],
    ]);
    expect(rowOf(result, 2).issues[0]?.message).toContain('Re-export the "UPC" column as text');
  });

  it('rejects identifiers beyond the precision of a spreadsheet number', () => {
    const result = validateSheet(
      sheet([
        ['Style Number', 'Style Identifier', 'Color Code', 'Size', 'Quantity'],
        // The cell held 1234567890123456789; a double keeps 1234567890123456800.
        ['ST-1', Number('1234567890123456789'), '001', 'M', 1],
      ]),
      config(),
    );
    expect(codesOf(rowOf(result, 2))).toEqual(['UNSAFE_NUMBER']);
  });

  it('validates GTIN lengths and padded keys', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Warehouse'],
        ['012345678905', 5, 'Main'],
        ['0012345678905', 5, 'Main'],
        ['00012345678905', 5, 'Main'],
        ['2001234567893', 3, 'Main'],
        ['10012345678902', 1, 'Main'],
        ['012345670060', 2, 'Main'],
        ['20001230', 2, 'Main'],
        ['012345678901', 7, 'Main'],
        ['01234567890', 7, 'Main'],
      ]),
      config(),
    );
    expect(result.rows.map((row) => row.outcome)).toEqual([
      'valid',
      'duplicate',
      'duplicate',
      'valid',
      'valid',
      'valid',
      'valid',
      'invalid',
      'invalid',
    ]);
    expect(rowOf(result, 9).issues[0]?.message).toContain('check digit should be 5');
    expect(rowOf(result, 10).issues[0]?.message).toContain('a UPC/EAN has 8, 12, 13 or 14 digits');
    expect(result.rows).toHaveLength(9);
  });

  it('rejects a style number the spreadsheet turned into a number', () => {
    const result = validateSheet(
      sheet([
        ['Style Number', 'Color Code', 'Size', 'Quantity'],
        [shown(120000, '1.20E+05'), '001', 'M', 1],
        [10045, '001', 'M', 1],
      ]),
      config(),
    );
    expect(codesOf(rowOf(result, 2))).toEqual(['NUMBER_CONVERTED']);
    expect(rowOf(result, 3).item?.style_number).toBe('10045');
  });

  it('rejects a size the spreadsheet turned into a date', () => {
    const result = validateSheet(
      sheet([
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['ST-300', '001', dateCell('2025-03-04'), 8, 'Main'],
        ['ST-300', '001', '5-6', 8, 'Main'],
      ]),
      config(),
    );
    expect(codesOf(rowOf(result, 2))).toEqual(['DATE_IN_TEXT_FIELD']);
    expect(rowOf(result, 2).issues[0]?.message).toContain('"3-4"');
    expect(rowOf(result, 3).outcome).toBe('valid');
  });

  it('trims invisible characters in keys', () => {
    const result = validateSheet(
      sheet([
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['ST-100 ', '001', 'M', 5, 'Main'],
        ['ST-100\u00a0', '001', 'M', 5, 'Main'],
        ['ST 100', '001', 'M', 5, 'Main'],
        ['ST-100', '001', 'M\u200b', 5, ' Main'],
      ]),
      config(),
    );
    expect(result.rows.map((row) => row.outcome)).toEqual(['valid', 'duplicate', 'valid', 'duplicate']);
    expect(rowOf(result, 4).item?.style_number).toBe('ST 100');
  });

  it('sends style, colour and size in the case typed', () => {
    const result = validateSheet(
      sheet([
        ['Style Number', 'Color Code', 'Size', 'Quantity'],
        ['st-100', '001', 'm', 5],
      ]),
      config(),
    );
    expect(rowOf(result, 2).item).toMatchObject({ style_number: 'st-100', size: 'm' });
  });

  it('reads thousands separators by the spreadsheet locale', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Warehouse'],
        ['012345678905', '1,200', 'Main'],
        ['009876543215', shown(1200, '1,200'), 'Main'],
        ['098765432105', '1 200', 'Main'],
      ]),
      config(),
    );
    expect(result.rows.map((row) => row.item?.inventory)).toEqual([1200, 1200, 1200]);
  });

  it('reads quantities without silent zeros', () => {
    const cells = ['N/A', '', '-', 'TBD', '2.5', -3, 'not stocked', '12 ', 0, 12.0000001, 12.0000000001];
    const outcomes = cells.map((cell) => {
      const row = rowOf(
        validateSheet(
          sheet([
            ['UPC', 'Quantity'],
            ['012345678905', cell],
          ]),
          config(),
        ),
        2,
      );
      return row.outcome === 'invalid' ? codesOf(row)[0] : row.item?.inventory;
    });
    expect(outcomes).toEqual([
      'QUANTITY_NOT_WHOLE',
      'QUANTITY_BLANK',
      'QUANTITY_NOT_WHOLE',
      'QUANTITY_NOT_WHOLE',
      'QUANTITY_NOT_WHOLE',
      'QUANTITY_NEGATIVE',
      'QUANTITY_NOT_WHOLE',
      12,
      0,
      'QUANTITY_NOT_WHOLE',
      12,
    ]);
  });

  it('formats Date cells in the spreadsheet time zone', () => {
    const tokyo = validateSheet(
      sheet(
        [
          ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
          ['012345678905', 20, 'Main', dateCell('2025-03-10', 'Asia/Tokyo')],
        ],
        { timeZone: 'Asia/Tokyo' },
      ),
      config(),
    );
    const berlin = validateSheet(
      sheet(
        [
          ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
          ['009876543215', 20, 'Main', dateCell('2025-04-01', 'Europe/Berlin')],
        ],
        { timeZone: 'Europe/Berlin' },
      ),
      config(),
    );
    expect(rowOf(tokyo, 2).item?.inventory_date).toBe('2025-03-10');
    expect(rowOf(berlin, 2).item?.inventory_date).toBe('2025-04-01');
  });

  it('finds headers below title rows', () => {
    const result = validateSheet(
      sheet([
        ['Inventory export – ACME Apparel', '', '', '', ''],
        ['Generated 2025-03-01', '', '', '', ''],
        ['UPC ', 'Style #', 'Colour Code', 'Size', 'Qty Available', 'Whse'],
        ['012345678905', 'ST-100', '001', 'M', 12, 'Main'],
      ]),
      config(),
    );
    expect(result.headerRow).toBe(3);
    expect(rowOf(result, 4).item).toEqual({ warehouse: 'Main', upc: '012345678905', inventory: 12 });
    expect(result.rows.some((row) => row.row < 4)).toBe(false);
  });

  it('includes hidden rows with a note', () => {
    const rows = ['012345678905', '009876543215', '098765432105', '2001234567893', '10012345678902'];
    const result = validateSheet(sheet([['UPC', 'Quantity'], ...rows.map((upc) => [upc, 1])]), config());
    expect(result.counts.valid).toBe(5);
    expect(
      result.notes.some((note) => note.startsWith('Hidden and filtered rows are validated and pushed')),
    ).toBe(true);
  });

  it('rejects formula errors and counts uncalculated imports', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Warehouse'],
        ['012345678905', '#N/A', 'Main'],
        ['009876543215', '#REF!', 'Main'],
        ['Loading...', 4, 'Main'],
      ]),
      config(),
    );
    expect(result.rows.map((row) => codesOf(row))).toEqual([
      ['FORMULA_ERROR'],
      ['FORMULA_ERROR'],
      ['FORMULA_ERROR'],
    ]);
    expect(result.counts.uncalculated).toBe(2);
    expect(rowOf(result, 2).issues[0]?.message).toContain('#N/A');
  });
});
