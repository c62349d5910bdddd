import { describeSku, groupIssues, validateSheet } from '../../../src/core/validation';
import { config, sheet } from './sheet-builder';

describe('groupIssues', () => {
  const result = validateSheet(
    sheet([
      ['UPC', 'Quantity', 'Warehouse'],
      ['012345678901', 1, 'Main'],
      [12345678905, 1, 'Main'],
      ['012345678904', 'N/A', 'Main'],
      ['009876543211', 2, 'Main'],
      ['098765432105', 'x', 'Main'],
      ['2001234567894', 3, 'Main'],
    ]),
    config(),
  );
  const groups = groupIssues(result, 2);

  it('lists errors before warnings, larger groups first', () => {
    expect(groups.map((group) => [group.code, group.severity, group.count])).toEqual([
      ['GTIN_CHECK_DIGIT', 'error', 4],
      ['QUANTITY_NOT_WHOLE', 'error', 2],
      ['LEADING_ZERO_RESTORED', 'warning', 1],
    ]);
  });

  it('keeps the first examples with the cell to select', () => {
    expect(groups[0]?.examples.map((example) => [example.row, example.column])).toEqual([
      [2, 1],
      [4, 1],
    ]);
    expect(groups[1]?.examples.map((example) => [example.row, example.column])).toEqual([
      [4, 2],
      [6, 2],
    ]);
  });

  it('titles each group in plain words', () => {
    expect(groups[0]?.title).toBe('UPC/EAN check digit is wrong');
  });
});

describe('describeSku', () => {
  it.each([
    [{ upc: '012345678905', inventory: 1 }, '012345678905'],
    [
      { style_number: 'ST-100', style_identifier: 'ST-100', color_code: '001', size: 'M', inventory: 1 },
      'ST-100 / 001 / M',
    ],
    [
      { style_number: 'ST-100', style_identifier: 'ST-100-B', color_code: '001', size: 'M', inventory: 1 },
      'ST-100 / ST-100-B / 001 / M',
    ],
    [{ style_id: 12, style_color_id: 34, size_code: 'S', inventory: 1 }, 'JOOR ids 12 / 34 / S'],
  ])('names %j as %s', (item, expected) => {
    expect(describeSku(item)).toBe(expected);
  });
});
