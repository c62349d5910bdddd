import { validateSheet } from '../../../src/core/validation';
import type { FieldId } from '../../../src/shared/types';
import { type CellSpec, config, rowOf, sheet } from './sheet-builder';

/** Maps each header to its field ('' for none) after validating a header row and one data row. */
function fieldsOf(header: CellSpec[], dataRow: CellSpec[] = []) {
  const result = validateSheet(sheet([header, dataRow]), config());
  return Object.fromEntries(result.columns.map((info) => [info.header, info.field ?? '']));
}

describe('validateSheet header synonyms', () => {
  it.each<[string, FieldId]>([
    ['UPC', 'upc'],
    ['UPC Code', 'upc'],
    ['UPC/EAN', 'upc'],
    ['EAN', 'upc'],
    ['EAN13', 'upc'],
    ['EAN-13', 'upc'],
    ['GTIN', 'upc'],
    ['Barcode', 'upc'],
    ['Barcode #1', 'upc'],
    ['Variant Barcode', 'upc'],
    ['Style', 'style_number'],
    ['Style #', 'style_number'],
    ['Style No', 'style_number'],
    ['STYLE NO', 'style_number'],
    ['Style Number', 'style_number'],
    ['Style Code', 'style_number'],
    ['ItemNumber', 'style_number'],
    ['Model', 'style_number'],
    ['Style Identifier', 'style_identifier'],
    ['style_identifier', 'style_identifier'],
    ['style_identifer', 'style_identifier'],
    ['Color Code', 'color_code'],
    ['Colour Code', 'color_code'],
    ['ColorCode', 'color_code'],
    ['Color', 'color_code'],
    ['Colour', 'color_code'],
    ['Short Colour', 'color_code'],
    ['Color Name', 'color_code'],
    ['Size', 'size'],
    ['Size Name', 'size'],
    ['SIZE NAME', 'size'],
    ['Option2 Value', 'size'],
    ['JOOR Style ID', 'style_id'],
    ['JOOR Style Color ID', 'style_color_id'],
    ['Quantity', 'quantity'],
    ['Qty', 'quantity'],
    ['Inventory', 'quantity'],
    ['ATS', 'quantity'],
    ['Qty Available', 'quantity'],
    ['Quantity Available', 'quantity'],
    ['Stock', 'quantity'],
    ['InStockQuantity', 'quantity'],
    ['Variant Inventory Qty', 'quantity'],
    ['New Quantity', 'quantity'],
    ['Warehouse', 'warehouse'],
    ['Whse', 'warehouse'],
    ['WH', 'warehouse'],
    ['Location', 'warehouse'],
    ['Warehouse Code', 'warehouse'],
    ['Inventory Date', 'inventory_date'],
    ['Date', 'inventory_date'],
    ['Available Date', 'inventory_date'],
    ['Date Available', 'inventory_date'],
    ['Available from', 'inventory_date'],
    ['Period Start', 'inventory_date'],
    ['Made to order', 'made_to_order'],
    ['MTO', 'made_to_order'],
  ])('maps %j to %s', (header, field) => {
    // A partner column makes the header row recognisable whatever the header under test is.
    const partner = field === 'warehouse' ? 'Quantity' : 'Warehouse';
    expect(fieldsOf([header, partner])[header]).toBe(field);
  });

  it.each([
    ['  UPC  ', 'UPC'],
    ['UPC\u00a0', 'UPC'],
    ['\ufeffUPC', 'UPC'],
    ['u.p.c.', 'u.p.c.'],
    ['QTY_AVAILABLE', 'QTY_AVAILABLE'],
    ['style  number', 'style  number'],
    ['Quantity (units)', 'Quantity (units)'],
    ['Available Date (YYYY-MM-DD)', 'Available Date (YYYY-MM-DD)'],
  ])('matches %j after trimming, case-folding and removing punctuation', (header, shownHeader) => {
    expect(fieldsOf([header, 'Warehouse'])[shownHeader]).not.toBe('');
  });
});

describe('validateSheet header fixtures', () => {
  it('reads the minimal UPC layout', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Warehouse'],
        ['012345678905', 1, 'Main'],
      ]),
      config(),
    );
    expect(result.headerRow).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.counts.valid).toBe(1);
  });

  it('reads the style layout with identifier and date', () => {
    const header = [
      'Style Number',
      'Style Identifier',
      'Color Code',
      'Size',
      'Quantity',
      'Warehouse',
      'Inventory Date',
    ];
    const result = validateSheet(
      sheet([header, ['ST-100', 'ST-100-A', '001', 'M', 3, 'Main', '2025-06-01']]),
      config(),
    );
    expect(result.columns.map((info) => info.field)).toEqual([
      'style_number',
      'style_identifier',
      'color_code',
      'size',
      'quantity',
      'warehouse',
      'inventory_date',
    ]);
    expect(rowOf(result, 2).item).toEqual({
      warehouse: 'Main',
      inventory_date: '2025-06-01',
      style_number: 'ST-100',
      style_identifier: 'ST-100-A',
      color_code: '001',
      size: 'M',
      inventory: 3,
    });
  });

  it('reads the JOOR id layout with size_code as the size-run code', () => {
    const fields = fieldsOf(['style_id', 'style_color_id', 'size_code', 'inventory', 'warehouse']);
    expect(fields).toEqual({
      style_id: 'style_id',
      style_color_id: 'style_color_id',
      size_code: 'size_code',
      inventory: 'quantity',
      warehouse: 'warehouse',
    });
  });

  it('reads Size Code as the size in a style sheet', () => {
    expect(fieldsOf(['Style', 'Color', 'Size Code', 'Qty'])['Size Code']).toBe('size');
  });

  it('finds the header below two title rows', () => {
    const input = sheet([
      ['Inventory export – ACME Apparel', '', '', '', ''],
      ['Generated 2025-03-01', '', '', '', ''],
      ['UPC ', 'Style #', 'Colour Code', 'Size', 'Qty Available', 'Whse'],
      ['012345678905', 'ST-100', '001', 'M', 12, 'Main'],
    ]);
    const result = validateSheet(input, config());
    expect(result.headerRow).toBe(3);
    expect(result.rows.map((row) => row.row)).toEqual([4]);
    expect(rowOf(result, 4).item).toEqual({ warehouse: 'Main', upc: '012345678905', inventory: 12 });
  });

  it('reads Barcode, Stock and Location', () => {
    expect(fieldsOf(['Barcode', 'Stock', 'Location'])).toEqual({
      Barcode: 'upc',
      Stock: 'quantity',
      Location: 'warehouse',
    });
  });

  it('reads the Le New Black layout', () => {
    const result = validateSheet(
      sheet([
        ['EAN13', 'Quantity', 'Available from'],
        ['2001234567893', 7, '2025-09-01T00:00:00Z'],
      ]),
      config(),
    );
    expect(rowOf(result, 2).item).toEqual({
      warehouse: 'Default',
      inventory_date: '2025-09-01',
      upc: '2001234567893',
      inventory: 7,
    });
  });

  it('ignores Season with a note in the NuORDER layout', () => {
    const header = ['Style Number', 'Season', 'Color', 'Size', 'UPC', 'Quantity', 'Warehouse', 'Date'];
    const result = validateSheet(
      sheet([header, ['ST-100', 'FW25', '001', 'M', '012345678905', 2, 'Main', '']]),
      config(),
    );
    expect(result.problems).toEqual([]);
    expect(result.columns.find((info) => info.header === 'Season')?.field).toBeUndefined();
    expect(result.notes).toContain('Columns ignored because they are not JOOR inventory fields: "Season".');
  });

  it('prefers the colour code column over a colour name column', () => {
    const result = validateSheet(
      sheet([
        ['Style', 'Color', 'Color Code', 'Size', 'Qty'],
        ['ST-1', 'Black', '001', 'M', 1],
      ]),
      config(),
    );
    expect(result.problems).toEqual([]);
    expect(rowOf(result, 2).item?.color_code).toBe('001');
    expect(result.notes).toContain(
      'Column "Color" is ignored because column "Color Code" gives the colour code.',
    );
  });

  it('takes StockItemKey as the UPC when it holds GTINs', () => {
    const result = validateSheet(
      sheet([
        ['Warehouse', 'StockItemKey', 'Available Date', 'Quantity'],
        ['Main', '012345678905', '', 3],
      ]),
      config(),
    );
    expect(rowOf(result, 2).item?.upc).toBe('012345678905');
  });

  it('ignores StockItemKey holding free-form SKUs', () => {
    const result = validateSheet(
      sheet([
        ['Warehouse', 'StockItemKey', 'Quantity'],
        ['Main', 'SKU-ST100-M', 3],
      ]),
      config(),
    );
    expect(result.notes).toContain(
      'Column "StockItemKey" is ignored because its values are not UPC/EAN codes.',
    );
    expect(result.problems.map((problem) => problem.code)).toEqual(['NO_IDENTIFIER_COLUMN']);
  });

  it('never reads the status columns as data', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'Status', 'JOOR log id'],
        ['012345678905', 1, 'Sent', 'abc'],
        ['', '', 'Invalid', ''],
      ]),
      config(),
    );
    expect(result.columns.map((info) => info.field)).toEqual(['upc', 'quantity', undefined, undefined]);
    expect(result.notes.join(' ')).not.toContain('Status');
    expect(result.counts.blankRows).toBe(1);
    expect(result.rows).toHaveLength(1);
  });
});

describe('validateSheet sheet problems', () => {
  it('asks which column to use for UPC and EAN', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'EAN', 'Quantity'],
        ['012345678905', '0012345678905', 1],
      ]),
      config(),
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'NEEDS_COLUMN_CHOICE',
      field: 'upc',
      columns: ['UPC', 'EAN'],
    });
    expect(result.rows).toEqual([]);
  });

  it('asks which column to use for Available and On hand', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Available', 'On hand'],
        ['012345678905', 1, 2],
      ]),
      config(),
    );
    expect(result.problems[0]).toMatchObject({
      code: 'NEEDS_COLUMN_CHOICE',
      field: 'quantity',
      columns: ['Available', 'On hand'],
      columnNumbers: [2, 3],
    });
  });

  it('tells apart two columns with the same header', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Quantity', 'UPC'],
        ['012345678905', 1, '009876543215'],
      ]),
      config(),
    );
    expect(result.problems[0]).toMatchObject({ code: 'NEEDS_COLUMN_CHOICE', columnNumbers: [1, 3] });
  });

  it('names both columns and the settings option when it cannot ask', () => {
    const result = validateSheet(sheet([['UPC', 'EAN', 'Quantity']]), config({ interactive: false }));
    expect(result.problems[0]?.code).toBe('NEEDS_COLUMN_CHOICE');
    expect(result.problems[0]?.message).toBe(
      'Sheet "Inventory": the columns "UPC" and "EAN" could both give the UPC, and they are never merged. Choose the column in the sidebar, or pass --settings with a column mapping for this sheet.',
    );
  });

  it('resolves two columns with a manual mapping', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'EAN', 'Quantity'],
        ['012345678905', '2001234567893', 1],
      ]),
      config({ mapping: { upc: 'EAN' } }),
    );
    expect(result.problems).toEqual([]);
    expect(rowOf(result, 2).item?.upc).toBe('2001234567893');
    expect(result.notes).toContain('Column "UPC" is ignored because column "EAN" gives the UPC.');
  });

  it('maps an unknown header by hand', () => {
    const result = validateSheet(
      sheet([
        ['Article', 'Menge'],
        ['012345678905', 4],
      ]),
      config({ mapping: { upc: 'Article', quantity: 'Menge' } }),
    );
    expect(result.headerRow).toBe(1);
    expect(rowOf(result, 2).item).toEqual({ warehouse: 'Default', upc: '012345678905', inventory: 4 });
  });

  it('reports a mapped header missing from the sheet', () => {
    const result = validateSheet(sheet([['UPC', 'Quantity']]), config({ mapping: { warehouse: 'Lager' } }));
    expect(result.problems[0]).toMatchObject({
      code: 'MAPPED_COLUMN_NOT_FOUND',
      field: 'warehouse',
      columns: ['Lager'],
    });
  });

  it('refuses pipe-delimited text in one column', () => {
    const result = validateSheet(
      sheet([['Warehouse|StockItemKey|Available Date|Quantity'], ['Main|012345678905||3']]),
      config(),
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.code).toBe('DELIMITED_TEXT');
    expect(result.problems[0]?.message).toContain('looks like delimited text in one column');
    expect(result.problems[0]?.message).toContain('Data → Split text to columns');
    expect(result.rows).toEqual([]);
  });

  it.each([[';'], ['\t'], [',']])('refuses text delimited by %j in one column', (delimiter) => {
    const result = validateSheet(sheet([[['UPC', 'Quantity', 'Warehouse'].join(delimiter)]]), config());
    expect(result.problems[0]?.code).toBe('DELIMITED_TEXT');
  });

  it('refuses sizes across columns', () => {
    const result = validateSheet(
      sheet([
        ['Style Number', 'Color Code', 'XS', 'S', 'M', 'L', 'Warehouse'],
        ['ST-1', '001', 1, 2, 3, 4, 'Main'],
      ]),
      config(),
    );
    expect(result.problems.map((problem) => problem.code)).toContain('SIZE_MATRIX');
    const matrix = result.problems.find((problem) => problem.code === 'SIZE_MATRIX');
    expect(matrix?.columns).toEqual(['XS', 'S', 'M', 'L']);
    expect(matrix?.message).toContain('one row per style, colour and size');
  });

  it('refuses numeric sizes across columns', () => {
    const result = validateSheet(sheet([['Style', 'Color', 28, 30, 32, 'Warehouse']]), config());
    expect(result.problems.map((problem) => problem.code)).toContain('SIZE_MATRIX');
  });

  it('reports a sheet without identifier columns', () => {
    const result = validateSheet(
      sheet([
        ['SKU', 'Quantity', 'Warehouse'],
        ['A-1', 1, 'Main'],
      ]),
      config(),
    );
    expect(result.problems.map((problem) => problem.code)).toEqual(['NO_IDENTIFIER_COLUMN']);
    expect(result.problems[0]?.message).toContain('"SKU", "Quantity", "Warehouse"');
  });

  it('names the missing style columns', () => {
    const result = validateSheet(
      sheet([
        ['Style Number', 'Quantity'],
        ['ST-1', 1],
      ]),
      config(),
    );
    expect(result.problems[0]?.message).toContain('The sheet has no colour code or size column.');
  });

  it('reports a sheet without a quantity column', () => {
    const result = validateSheet(
      sheet([
        ['UPC', 'Warehouse'],
        ['012345678905', 'Main'],
      ]),
      config(),
    );
    expect(result.problems.map((problem) => problem.code)).toEqual(['NO_QUANTITY_COLUMN']);
  });

  it('reports a sheet without a header row', () => {
    const result = validateSheet(
      sheet([
        ['hello', 'world'],
        ['a', 'b'],
      ]),
      config(),
    );
    expect(result.headerRow).toBe(0);
    expect(result.problems.map((problem) => problem.code)).toEqual(['NO_HEADER']);
  });

  it('reports an empty sheet', () => {
    const result = validateSheet(
      sheet([
        ['', ''],
        ['', ''],
      ]),
      config(),
    );
    expect(result.problems.map((problem) => problem.code)).toEqual(['EMPTY_SHEET']);
  });
});

describe('validateSheet delimited text', () => {
  it('refuses space-separated headers in one column', () => {
    const result = validateSheet(sheet([['UPC Quantity Warehouse'], ['012345678905 3 Main']]), config());
    expect(result.problems[0]?.code).toBe('DELIMITED_TEXT');
    expect(result.problems[0]?.message).toContain('separator Space');
  });

  it('reads a one-cell title above a real header as a title', () => {
    const result = validateSheet(
      sheet([
        ['Style inventory by size and warehouse'],
        ['Style', 'Color', 'Size', 'Qty'],
        ['ST-1', '001', 'M', 2],
      ]),
      config(),
    );
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(2);
  });

  it('reports only the size matrix for sizes across columns', () => {
    const result = validateSheet(sheet([['Style', 'Color', 'S', 'M', 'L']]), config());
    expect(result.problems.map((problem) => problem.code)).toEqual(['SIZE_MATRIX']);
  });
});
