import { addSheet, createSpreadsheetApp, createWorkbook } from '../../../local/runtime/spreadsheet';
import { createApp, createRecordingUi, iso } from './helpers';

function createSheet(timeZone = 'UTC', locale = 'en_US') {
  const workbook = createWorkbook({ timeZone, locale, name: 'Test' });
  addSheet(workbook, 'Inventory');
  const { app, calls, ui } = createApp(workbook);
  const sheet = app.getActiveSpreadsheet().getSheetByName('Inventory')!;
  return { app, calls, ui, sheet, workbook };
}

describe('Range.setValues', () => {
  it('turns =1+1 into a formula', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1').setValues([['=1+1']]);
    expect(sheet.getRange('A1').getValue()).toBe(2);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
  });

  it('turns 001 into the number 1', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1').setValues([['001']]);
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  it('turns 2025-01-02 into a Date in the spreadsheet zone', () => {
    const { sheet } = createSheet('Asia/Tokyo');
    sheet.getRange('A1').setValues([['2025-01-02']]);
    expect(iso(sheet.getRange('A1').getValue())).toBe('2025-01-01T15:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2025-01-02');
  });

  it('keeps text in Plain text cells', () => {
    const { sheet } = createSheet();
    const range = sheet.getRange('A1:C1');
    range.setNumberFormat('@');
    range.setValues([['001', '2025-01-02', '=1+1']]);
    expect(range.getValues()).toEqual([['001', '2025-01-02', '=1+1']]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
  });

  it('keeps the rest of a quote-prefixed string as text', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1').setValues([["'0012"]]);
    expect(sheet.getRange('A1').getValue()).toBe('0012');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('0012');
  });

  it('stores numbers, booleans and header text as they are', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1:C1').setValues([[12345678905, false, 'Style Number']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[12345678905, false, 'Style Number']]);
  });

  it('stores a Date as the wall-clock time of the spreadsheet zone', () => {
    const { sheet } = createSheet('Europe/Berlin');
    sheet.getRange('A1:B1').setValues([[new Date('2025-03-30T22:00:00Z'), new Date('2025-03-10T13:30:00Z')]]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['3/31/2025', '3/10/2025 14:30:00']]);
    expect(iso(sheet.getRange('A1').getValue())).toBe('2025-03-30T22:00:00.000Z');
  });

  it('clears cells for null and empty strings', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1:B1').setValues([['x', 'y']]);
    sheet.getRange('A1:B1').setValues([[null, '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('keeps an explicit number format when text is parsed', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1').setNumberFormat('000000000000');
    sheet.getRange('A1').setValue('12345678905');
    expect(sheet.getRange('A1').getValue()).toBe(12345678905);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('012345678905');
  });

  it('rejects data with the wrong number of rows', () => {
    const { sheet } = createSheet();
    expect(() => sheet.getRange('A1:B3').setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  it('rejects data with the wrong number of columns', () => {
    const { sheet } = createSheet();
    expect(() => sheet.getRange('A1:B2').setValues([['a', 'b'], ['c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('rejects a one-dimensional array', () => {
    const { sheet } = createSheet();
    expect(() => sheet.getRange('A1:B1').setValues(['a', 'b'] as unknown as string[][])).toThrow(
      "The parameters (String[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('throws errors of the given Error class', () => {
    const workbook = createWorkbook({ timeZone: 'UTC', locale: 'en_US' });
    addSheet(workbook, 'Inventory');
    class ScriptError extends Error {}
    const app = createSpreadsheetApp(workbook, {
      DateCtor: Date,
      onCall: () => {},
      ui: createRecordingUi(),
      ErrorCtor: ScriptError as ErrorConstructor,
    });
    const range = app.getActiveSpreadsheet().getActiveSheet().getRange('A1:A2');
    expect(() => range.setValues([[1]])).toThrow(ScriptError);
  });
});

describe('Range display values', () => {
  it.each([
    [12345678905, '12345678905'],
    [1e21, '1E+21'],
    [123456789012345, '123456789012345'],
    [-1234567890123456, '-1.23457E+15'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.3333333333'],
    [0, '0'],
  ])('shows %p as %j under Automatic', (value, display) => {
    const { sheet } = createSheet();
    sheet.getRange('A1').setValue(value);
    expect(sheet.getRange('A1').getDisplayValue()).toBe(display);
  });

  it('uses the locale separators under de_DE', () => {
    const { sheet } = createSheet('Europe/Berlin', 'de_DE');
    sheet.getRange('A1:B1').setValues([[1234.5, 1200]]);
    sheet.getRange('B1').setNumberFormat('#,##0');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1234,5', '1.200']]);
  });

  it('shows a number in a date-formatted cell as a date', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1').setValue(45726);
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2025-03-10');
    expect(iso(sheet.getRange('A1').getValue())).toBe('2025-03-10T00:00:00.000Z');
  });
});

describe('Range merges', () => {
  it('keeps only the top-left value when merging', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1:B2').setValues([
      ['keep', 'lost'],
      ['lost', 'lost'],
    ]);
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['keep', ''],
      ['', ''],
    ]);
  });

  it('returns blank non-anchor cells even when written after the merge', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1:B1').merge();
    sheet.getRange('A1:B1').setValues([['a', 'b']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['a', '']]);
  });

  it('rejects merging part of a merged range', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1:B2').merge();
    expect(() => sheet.getRange('B2:C3').merge()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
  });

  it('breaks a merge apart', () => {
    const { sheet } = createSheet();
    sheet.getRange('A1:B2').merge();
    sheet.getRange('A1:B2').breakApart();
    expect(sheet.getRange('A1').isPartOfMerge()).toBe(false);
  });
});

describe('Range formats, notes and colours', () => {
  it('sets and reads backgrounds, font colours and notes in bulk', () => {
    const { sheet } = createSheet();
    const range = sheet.getRange('A1:B1');
    range.setBackgrounds([['#FFC7CE', null]]);
    range.setFontColors([['red', '#00f']]);
    range.setNotes([['Quantity "N/A" is not a whole number', null]]);
    expect(range.getBackgrounds()).toEqual([['#ffc7ce', '#ffffff']]);
    expect(range.getFontColors()).toEqual([['#ff0000', '#0000ff']]);
    expect(range.getNotes()).toEqual([['Quantity "N/A" is not a whole number', '']]);
  });

  it('rejects an invalid colour', () => {
    const { sheet } = createSheet();
    expect(() => sheet.getRange('A1').setBackground('not-a-colour')).toThrow('Invalid color "not-a-colour"');
  });

  it('clears content, formats and notes separately', () => {
    const { sheet } = createSheet();
    const range = sheet.getRange('A1');
    range.setValue('x').setBackground('#ff0000').setNote('n');
    range.clearContent();
    expect(range.getValue()).toBe('');
    expect(range.getBackground()).toBe('#ff0000');
    range.clearFormat();
    expect(range.getBackground()).toBe('#ffffff');
    expect(range.getNote()).toBe('n');
    range.clearNote();
    expect(range.getNote()).toBe('');
  });

  it('formats several ranges with one RangeList call', () => {
    const { sheet, calls } = createSheet();
    calls.length = 0;
    sheet.getRangeList(['A2:A3', 'C2:C3']).setBackground('#fff2cc');
    expect(sheet.getRange('A3').getBackground()).toBe('#fff2cc');
    expect(sheet.getRange('C2').getBackground()).toBe('#fff2cc');
    expect(sheet.getRange('B2').getBackground()).toBe('#ffffff');
    expect(calls.slice(0, 2)).toEqual(['Sheet.getRangeList', 'RangeList.setBackground']);
  });
});

describe('Range geometry', () => {
  it('describes itself in A1 notation', () => {
    const { sheet } = createSheet();
    const range = sheet.getRange(2, 3, 4, 20);
    expect(range.getA1Notation()).toBe('C2:V5');
    expect(range.getLastRow()).toBe(5);
    expect(range.getLastColumn()).toBe(22);
    expect(range.offset(1, -1).getA1Notation()).toBe('B3:U6');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
  });

  it('rejects ranges outside the sheet', () => {
    const { sheet } = createSheet();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('resolves a sheet name in Spreadsheet.getRange', () => {
    const { app } = createSheet();
    const spreadsheet = app.getActiveSpreadsheet();
    spreadsheet.insertSheet('Stock levels');
    const range = spreadsheet.getRange("'Stock levels'!B2:C3");
    expect(range.getSheet().getName()).toBe('Stock levels');
    expect(range.getA1Notation()).toBe('B2:C3');
  });
});
