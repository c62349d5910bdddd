import { KEY_SEPARATOR, validateSheet } from '../../../src/core/validation';
import { codesOf, config, dateCell, messageOf, rowOf, sheet } from './sheet-builder';

describe('validateSheet duplicates', () => {
  it('flags conflicting quantities on every row of the key', () => {
    const input = sheet([
      ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
      ['012345678905', 5, 'Main', ''],
      ['012345678905', 7, 'Main', ''],
      [12345678905, 5, 'Main', ''],
      ['012345678905', 3, 'Outlet', ''],
      ['012345678905', 10, 'Main', dateCell('2025-05-01')],
    ]);
    const result = validateSheet(input, config());

    for (const rowNumber of [2, 3, 4]) {
      const row = rowOf(result, rowNumber);
      expect(row.outcome).toBe('invalid');
      expect(row.item).toBeUndefined();
      expect(codesOf(row)).toContain('DUPLICATE_CONFLICT');
    }
    expect(messageOf(rowOf(result, 2), 'DUPLICATE_CONFLICT')).toBe(
      'Row 2, column "Quantity": 5 conflicts with rows 3 (7), 4 (5), which have the same SKU 012345678905, warehouse "Main" and no date. None of these rows is sent: keep one row per SKU, warehouse and date.',
    );
    expect(rowOf(result, 5).outcome).toBe('valid');
    expect(rowOf(result, 6).outcome).toBe('valid');
    expect(rowOf(result, 6).item?.inventory_date).toBe('2025-05-01');
  });

  it('sends identical duplicates once, from the first row', () => {
    const input = sheet([
      ['UPC', 'Quantity', 'Warehouse'],
      ['012345678905', 10, 'Main'],
      [12345678905, 10, 'Main'],
      ['00012345678905', 10, 'Main'],
    ]);
    const result = validateSheet(input, config());
    expect(rowOf(result, 2).outcome).toBe('valid');
    for (const rowNumber of [3, 4]) {
      const row = rowOf(result, rowNumber);
      expect(row.outcome).toBe('duplicate');
      expect(row.duplicateOf).toBe(2);
      expect(messageOf(row, 'DUPLICATE_SAME_VALUE')).toContain(`Row ${rowNumber}: duplicate of row 2`);
    }
    expect(result.counts).toMatchObject({ valid: 1, duplicate: 2, invalid: 0 });
  });

  it('compares GTINs in their GTIN-14 form', () => {
    const input = sheet([
      ['UPC', 'Quantity', 'Warehouse'],
      ['012345678905', 5, 'Main'],
      ['0012345678905', 5, 'Main'],
      ['00012345678905', 5, 'Main'],
      ['20001230', 2, 'Main'],
      ['000020001230', 2, 'Main'],
    ]);
    const result = validateSheet(input, config());
    expect(rowOf(result, 2).key).toBe(['upc', '00012345678905', 'Main', ''].join(KEY_SEPARATOR));
    expect(rowOf(result, 3).duplicateOf).toBe(2);
    expect(rowOf(result, 4).duplicateOf).toBe(2);
    expect(rowOf(result, 6).duplicateOf).toBe(5);
  });

  it('treats trimmed style keys as one and inner spaces as data', () => {
    const input = sheet([
      ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
      ['ST-100 ', '001', 'M', 5, 'Main'],
      ['ST-100\u00a0', '001', 'M', 5, 'Main'],
      ['ST 100', '001', 'M', 5, 'Main'],
      ['ST-100', '001', 'M\u200b', 5, ' Main'],
    ]);
    const result = validateSheet(input, config());
    expect(rowOf(result, 2).outcome).toBe('valid');
    expect(rowOf(result, 3).duplicateOf).toBe(2);
    expect(rowOf(result, 4).outcome).toBe('valid');
    expect(rowOf(result, 5).duplicateOf).toBe(2);
  });

  it('compares style keys case-sensitively', () => {
    const input = sheet([
      ['Style Number', 'Color Code', 'Size', 'Quantity'],
      ['ST-100', '001', 'M', 5],
      ['st-100', '001', 'm', 7],
    ]);
    const result = validateSheet(input, config());
    expect(rowOf(result, 2).outcome).toBe('valid');
    expect(rowOf(result, 3).outcome).toBe('valid');
    expect(rowOf(result, 3).item?.size).toBe('m');
  });

  it('leaves invalid rows out of duplicate groups', () => {
    const input = sheet([
      ['UPC', 'Quantity'],
      ['012345678905', 5],
      ['012345678905', 'N/A'],
    ]);
    const result = validateSheet(input, config());
    expect(rowOf(result, 2).outcome).toBe('valid');
    expect(codesOf(rowOf(result, 3))).toEqual(['QUANTITY_NOT_WHOLE']);
  });

  it('treats a different made-to-order flag as a conflict', () => {
    const input = sheet([
      ['UPC', 'Quantity', 'MTO'],
      ['012345678905', 0, 'yes'],
      ['012345678905', 0, 'no'],
    ]);
    const result = validateSheet(input, config());
    expect(codesOf(rowOf(result, 2))).toEqual(['DUPLICATE_CONFLICT']);
    expect(messageOf(rowOf(result, 2), 'DUPLICATE_CONFLICT')).toContain(
      'row 3 (0, made to order no), which has',
    );
  });
});
