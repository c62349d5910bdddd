/** Damage that only shows across rows or in how cells are displayed: merges, repeated headers, dates, zeros. */

import { validateSheet } from '../../../src/core/validation';
import { config, dateCell, sheet, shown } from './sheet-builder';

describe('merged cells', () => {
  it('rejects rows covered by a merged warehouse', () => {
    const input = sheet([
      ['UPC', 'Quantity', 'Warehouse'],
      ['012345678905', 1, 'Default'],
      ['009876543215', 2, ''],
      ['098765432105', 3, ''],
    ]);
    input.merges = [{ row: 2, column: 3, numRows: 3, numColumns: 1 }];
    const result = validateSheet(input, config());
    expect(result.rows.map((row) => row.outcome)).toEqual(['valid', 'invalid', 'invalid']);
    expect(result.rows[1]?.issues[0]?.message).toBe(
      'Row 3, column "Warehouse": the cell is part of the merged cells C2:C4, so the sheet gives the add-on an empty value for this row. Unmerge the cells and fill the value into every row.',
    );
    expect(result.rows[1]?.item).toBeUndefined();
  });

  it('ignores merges outside the fields it reads', () => {
    const input = sheet([
      ['UPC', 'Quantity', 'Notes'],
      ['012345678905', 1, 'spring'],
      ['009876543215', 2, ''],
    ]);
    input.merges = [{ row: 2, column: 3, numRows: 2, numColumns: 1 }];
    expect(validateSheet(input, config()).rows.map((row) => row.outcome)).toEqual(['valid', 'valid']);
  });
});

describe('header rows below the header', () => {
  it('skips a repeated header with the same columns', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity'],
        ['012345678905', 1],
        ['UPC', 'Quantity'],
        ['009876543215', 2],
      ]),
      config(),
    );
    expect(result.rows.map((row) => [row.row, row.outcome, row.issues[0]?.code])).toEqual([
      [2, 'valid', undefined],
      [3, 'invalid', 'REPEATED_HEADER'],
      [4, 'valid', undefined],
    ]);
  });

  it('rejects rows under a header with other columns', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Reserved'],
        ['012345678905', 10, 1],
        ['UPC', 'Reserved', 'Quantity'],
        ['009876543215', 2, 20],
      ]),
      config(),
    );
    expect(result.rows.map((row) => [row.row, row.outcome, row.issues[0]?.code])).toEqual([
      [2, 'valid', undefined],
      [3, 'invalid', 'SECOND_HEADER'],
      [4, 'invalid', 'BELOW_SECOND_HEADER'],
    ]);
  });
});

describe('implausible dates', () => {
  it.each([
    ['1899-12-30', dateCell('1899-12-30')],
    ['1900-01-01', dateCell('1900-01-01')],
    ['2150-01-01', '2150-01-01'],
  ])('rejects %s', (label, cell) => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Inventory Date'],
        ['012345678905', 1, cell],
      ]),
      config(),
    );
    expect(result.rows[0]?.outcome).toBe('invalid');
    expect(result.rows[0]?.issues[0]?.message).toContain(`${label} is outside the years 2000 to 2099`);
  });
});

describe('UPC cells', () => {
  it.each([['000000000000'], ['00000000']])('rejects the placeholder %s', (text) => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity'],
        [text, 1],
      ]),
      config(),
    );
    expect(result.rows[0]?.issues[0]?.code).toBe('GTIN_ZERO');
  });

  it('rejects a Number cell holding 0', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity'],
        [0, 1],
      ]),
      config(),
    );
    expect(result.rows[0]?.issues[0]?.code).toBe('GTIN_ZERO');
  });

  it('accepts a full number shown in scientific notation', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity'],
        [shown(98765432105, '9.88E+10'), 1],
      ]),
      config(),
    );
    expect(result.rows[0]?.outcome).toBe('valid');
    expect(result.rows[0]?.item?.upc).toBe('098765432105');
    expect(result.rows[0]?.issues.map((issue) => issue.code)).toContain('EXPONENT_DISPLAY');
  });

  it('rejects a rounded number shown in scientific notation', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity'],
        [shown(812346000000, '8.12346E+11'), 1],
      ]),
      config(),
    );
    expect(result.rows[0]?.issues[0]?.code).toBe('SCIENTIFIC_NOTATION');
  });

  it('quotes a long value only in part', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity'],
        ['9'.repeat(5000), 1],
      ]),
      config(),
    );
    const message = result.rows[0]?.issues[0]?.message ?? '';
    expect(message.length).toBeLessThan(400);
    expect(message).toContain('(5000 characters)');
  });
});

describe('European headers', () => {
  it.each([
    [['EAN', 'Menge', 'Lager', 'Datum']],
    [['Code barre', 'Quantité', 'Entrepôt', 'Date']],
    [['EAN', 'Cantidad', 'Almacén', 'Fecha']],
    [['EAN', 'Giacenza', 'Magazzino', 'Data']],
  ])('reads %p', (headers) => {
    const result = validateSheet(
      sheet([headers, ['012345678905', 3, 'Default', '2027-01-15']], { locale: 'de_DE' }),
      config(),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows[0]?.item).toEqual({
      upc: '012345678905',
      inventory: 3,
      warehouse: 'Default',
      inventory_date: '2027-01-15',
    });
  });
});

describe('look-alike characters in codes', () => {
  it.each([
    ['ST\u00a0100', 'no-break space (U+00A0)'],
    ['ST\u2010100', 'Unicode hyphen (U+2010)'],
    ['ST\u00ad100', 'soft hyphen (U+00AD)'],
  ])('warns about %p and sends it as written', (style, name) => {
    const result = validateSheet(
      sheet([
        ['Style Number', 'Color Code', 'Size', 'Quantity'],
        [style, '001', 'M', 1],
      ]),
      config(),
    );
    expect(result.rows[0]?.outcome).toBe('valid');
    expect(result.rows[0]?.item?.style_number).toBe(style);
    expect(result.rows[0]?.issues[0]?.message).toContain(name);
  });
});
