import { validateSheet } from '../../../src/core/validation';
import { type CellSpec, codesOf, config, dateCell, messageOf, rowOf, sheet, shown } from './sheet-builder';

function validateQuantity(cell: CellSpec, locale = 'en_US') {
  const input = sheet(
    [
      ['UPC', 'Quantity', 'Warehouse'],
      ['012345678905', cell, 'Main'],
    ],
    { locale },
  );
  return rowOf(validateSheet(input, config()), 2);
}

describe('validateSheet quantities', () => {
  it.each([
    [0, 0],
    [12, 12],
    [shown(1200, '1,200'), 1200],
    [12.0000000001, 12],
    [11.9999999999, 12],
    [-0.0000000001, 0],
    ['12 ', 12],
    ['007', 7],
    ['12.0', 12],
  ])('reads %p as %d', (cell, expected) => {
    const row = validateQuantity(cell);
    expect(row.outcome).toBe('valid');
    expect(row.item?.inventory).toBe(expected);
  });

  it('never sends negative zero', () => {
    expect(Object.is(validateQuantity(-0.0000000001).item?.inventory, 0)).toBe(true);
  });

  it.each([
    ['1,200', 'en_US'],
    ['1.200', 'de_DE'],
    ['1 200', 'fr_FR'],
    ['1\u00a0200', 'fr_FR'],
    ['1\u202f200', 'fr_FR'],
    ["1'200", 'de_CH'],
    ['1\u2019200', 'de_CH'],
    ['1,200,000', 'en_US'],
    ['1 200', 'en_US'],
  ])('reads %j in %s as grouped digits', (text, locale) => {
    const row = validateQuantity(text, locale);
    expect(row.outcome).toBe('valid');
    expect(row.item?.inventory).toBe(text.endsWith('000') ? 1200000 : 1200);
  });

  it('reads grouping by the locale, so 1,200 is a decimal in de_DE', () => {
    const row = validateQuantity('1,200', 'de_DE');
    expect(codesOf(row)).toEqual(['QUANTITY_NOT_WHOLE']);
    expect(messageOf(row, 'QUANTITY_NOT_WHOLE')).toContain('locale de_DE reads "," as the decimal separator');
  });

  it('reads 1.200 as a decimal in en_US', () => {
    expect(codesOf(validateQuantity('1.200'))).toEqual(['QUANTITY_NOT_WHOLE']);
  });

  it.each(['N/A', '-', 'TBD', 'not stocked', '2.5', '1,20', '12,00,000', '12 pcs', '1e3', '--'])(
    'rejects %j as not a whole number',
    (text) => {
      const row = validateQuantity(text);
      expect(row.outcome).toBe('invalid');
      expect(row.item).toBeUndefined();
      expect(codesOf(row)).toEqual(['QUANTITY_NOT_WHOLE']);
    },
  );

  it('names the value and the fix', () => {
    expect(messageOf(validateQuantity('N/A'), 'QUANTITY_NOT_WHOLE')).toBe(
      'Row 2, column "Quantity": "N/A" is not a whole number. Enter a whole number of 0 or more.',
    );
  });

  it.each([[-3], ['-3'], ['\u22123']])('rejects negative %p', (cell) => {
    const row = validateQuantity(cell);
    expect(codesOf(row)).toEqual(['QUANTITY_NEGATIVE']);
  });

  it.each([[2.5], [12.0000001], [true], [dateCell('2025-01-01')]])('rejects the cell %p', (cell) => {
    expect(codesOf(validateQuantity(cell))).toEqual(['QUANTITY_NOT_WHOLE']);
  });

  it('rejects a blank quantity instead of sending 0', () => {
    const row = validateQuantity('');
    expect(row.outcome).toBe('invalid');
    expect(codesOf(row)).toEqual(['QUANTITY_BLANK']);
    expect(messageOf(row, 'QUANTITY_BLANK')).toContain('a blank is never sent as 0');
  });

  it('rejects a whitespace-only quantity as blank', () => {
    expect(codesOf(validateQuantity(' \u00a0'))).toEqual(['QUANTITY_BLANK']);
  });

  it('rejects a quantity beyond the assumed integer range', () => {
    expect(codesOf(validateQuantity(3000000000))).toEqual(['QUANTITY_TOO_LARGE']);
  });

  it.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', 'Loading...'])('rejects formula error %s', (text) => {
    const row = validateQuantity(text);
    expect(codesOf(row)).toEqual(['FORMULA_ERROR']);
  });
});

describe('validateSheet quantities with made to order', () => {
  const header: CellSpec[] = ['UPC', 'Quantity', 'Warehouse', 'Made to order'];

  it('sends 0 for a blank quantity when made to order', () => {
    const row = rowOf(validateSheet(sheet([header, ['012345678905', '', 'Main', 'yes']]), config()), 2);
    expect(row.outcome).toBe('valid');
    expect(row.item).toEqual({ warehouse: 'Main', upc: '012345678905', inventory: 0, made_to_order: true });
  });

  it('still rejects a blank quantity when not made to order', () => {
    const row = rowOf(validateSheet(sheet([header, ['012345678905', '', 'Main', 'no']]), config()), 2);
    expect(codesOf(row)).toEqual(['QUANTITY_BLANK']);
  });
});
