import { validateSheet } from '../../../src/core/validation';
import { type CellSpec, codesOf, config, dateCell, messageOf, rowOf, sheet, shown } from './sheet-builder';

function validateDate(cell: CellSpec, options: { locale?: string; timeZone?: string } = {}) {
  const input = sheet(
    [
      ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
      ['012345678905', 20, 'Main', cell],
    ],
    options,
  );
  return rowOf(validateSheet(input, config()), 2);
}

describe('validateSheet inventory dates', () => {
  it.each([
    ['2025-03-10', 'Asia/Tokyo'],
    ['2025-04-01', 'Europe/Berlin'],
    ['2025-03-30', 'Europe/Berlin'],
    ['2025-11-02', 'America/New_York'],
    ['2025-01-01', 'Pacific/Kiritimati'],
    ['2025-12-31', 'Pacific/Pago_Pago'],
  ])('formats Date cell %s in the spreadsheet zone %s', (day, timeZone) => {
    const row = validateDate(dateCell(day, timeZone), { timeZone });
    expect(row.outcome).toBe('valid');
    expect(row.item?.inventory_date).toBe(day);
  });

  it('formats with the spreadsheet zone, not the UTC day of the instant', () => {
    const cell = dateCell('2025-03-10', 'Asia/Tokyo');
    expect(cell.toISOString().slice(0, 10)).toBe('2025-03-09');
    expect(validateDate(cell, { timeZone: 'Asia/Tokyo' }).item?.inventory_date).toBe('2025-03-10');
  });

  it.each([
    ['2025-05-01', '2025-05-01'],
    ['2025-5-1', '2025-05-01'],
    ['2025/05/01', '2025-05-01'],
    ['2025-05-01T00:00:00', '2025-05-01'],
    ['2025-05-01T00:00:00Z', '2025-05-01'],
    ['2028-02-29', '2028-02-29'],
  ])('reads text %s as %s', (text, expected) => {
    expect(validateDate(text).item?.inventory_date).toBe(expected);
  });

  it.each([
    ['05-01-2025', 'en_US', '2025-05-01'],
    ['05/01/2025', 'en_US', '2025-05-01'],
    ['03-25-2025', 'de_DE', '2025-03-25'],
    ['03/25/2025', 'fr_FR', '2025-03-25'],
    ['04-04-2025', 'de_DE', '2025-04-04'],
  ])('reads MM-DD-YYYY %s in %s', (text, locale, expected) => {
    expect(validateDate(text, { locale }).item?.inventory_date).toBe(expected);
  });

  it('rejects MM-DD-YYYY that a day-first locale could read either way', () => {
    const row = validateDate('03-04-2025', { locale: 'de_DE' });
    expect(codesOf(row)).toEqual(['DATE_AMBIGUOUS']);
    expect(messageOf(row, 'DATE_AMBIGUOUS')).toContain('Enter the date as YYYY-MM-DD');
    expect(messageOf(row, 'DATE_AMBIGUOUS')).toContain('2025-03-04');
    expect(messageOf(row, 'DATE_AMBIGUOUS')).toContain('2025-04-03');
  });

  it('suggests YYYY-MM-DD for day-first text JOOR cannot read', () => {
    const row = validateDate('25-03-2025', { locale: 'de_DE' });
    expect(codesOf(row)).toEqual(['DATE_INVALID']);
    expect(messageOf(row, 'DATE_INVALID')).toContain('enter it as 2025-03-25');
  });

  it.each(['2025-02-30', '2025-13-01', '2025-02-29', '02-30-2025', '13-13-2025'])(
    'rejects impossible date %s',
    (text) => {
      expect(codesOf(validateDate(text))).toEqual(['DATE_INVALID']);
    },
  );

  it('rejects a bare serial number', () => {
    const row = validateDate(45726);
    expect(codesOf(row)).toEqual(['DATE_INVALID']);
    expect(messageOf(row, 'DATE_INVALID')).toBe(
      'Row 2, column "Inventory Date": 45726 is a number, not a date. Format the column as a date, or enter the date as YYYY-MM-DD.',
    );
  });

  it.each([[20250501], ['20250501']])('rejects compact date %p with the YYYY-MM-DD form', (cell) => {
    const row = validateDate(cell);
    expect(codesOf(row)).toEqual(['DATE_INVALID']);
    expect(messageOf(row, 'DATE_INVALID')).toContain('2025-05-01');
  });

  it.each(['next week', '05-01-25', 'Q3', '2025-05-01T10:30:00+02:00'])(
    'rejects unreadable text %s',
    (text) => {
      expect(codesOf(validateDate(text))).toEqual(['DATE_INVALID']);
    },
  );

  it.each(['', 'immediate', 'Immediate', 'at once', 'ATS', ' \u00a0'])('sends no date for %j', (text) => {
    const row = validateDate(text);
    expect(row.outcome).toBe('valid');
    expect(row.item).not.toHaveProperty('inventory_date');
  });

  it('rejects a TRUE/FALSE date', () => {
    expect(codesOf(validateDate(shown(true, 'TRUE')))).toEqual(['DATE_INVALID']);
  });

  it('rejects a formula error in the date', () => {
    expect(codesOf(validateDate('#REF!'))).toEqual(['FORMULA_ERROR']);
  });
});
