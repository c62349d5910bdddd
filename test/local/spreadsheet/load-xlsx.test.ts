import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../../local/runtime/spreadsheet';
import { createApp, createTempDir, iso } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await createTempDir());
});

afterAll(async () => {
  await cleanup();
});

/** Writes a one-sheet workbook built by `build` and returns its path. */
async function writeXlsx(name: string, build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void) {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Inventory'), book);
  const path = join(dir, `${name}.xlsx`);
  await book.xlsx.writeFile(path);
  return path;
}

async function openSheet(path: string, timeZone = 'UTC', locale = 'en_US') {
  const workbook = await loadWorkbook(path, { timeZone, locale });
  const { app } = createApp(workbook);
  return app.getActiveSpreadsheet().getSheetByName('Inventory')!;
}

describe('loadWorkbook with .xlsx', () => {
  describe('numbers and number formats', () => {
    let path: string;

    beforeAll(async () => {
      path = await writeXlsx('numbers', (sheet) => {
        sheet.getCell('A1').value = 12345678905;
        sheet.getCell('A2').value = 12345678905;
        sheet.getCell('A2').numFmt = '000000000000';
        sheet.getCell('A3').value = 1200;
        sheet.getCell('A3').numFmt = '#,##0';
        sheet.getCell('A4').value = 1e21;
        sheet.getCell('A5').value = 1234567890123456;
        sheet.getCell('A6').value = 2.5;
        sheet.getCell('A7').value = 120000;
        sheet.getCell('A7').numFmt = '0.00E+00';
        sheet.getCell('A8').value = true;
        sheet.getCell('A9').value = '0012';
        sheet.getCell('A10').value = { richText: [{ text: 'ST-' }, { text: '100', font: { bold: true } }] };
      });
    });

    it('returns Number cells as numbers', async () => {
      const values = (await openSheet(path)).getRange('A1:A3').getValues();
      expect(values).toEqual([[12345678905], [12345678905], [1200]]);
    });

    it('renders display values from the number format', async () => {
      const display = (await openSheet(path)).getRange('A1:A7').getDisplayValues();
      expect(display[0]).toEqual(['12345678905']);
      expect(display[1]).toEqual(['012345678905']);
      expect(display[2]).toEqual(['1,200']);
      expect(display[3]).toEqual(['1E+21']);
      expect(display[4]).toEqual(['1.23457E+15']);
      expect(display[5]).toEqual(['2.5']);
      expect(display[6]).toEqual(['1.20E+05']);
    });

    it('returns booleans, text and rich text as Sheets does', async () => {
      const sheet = await openSheet(path);
      expect(sheet.getRange('A8').getValue()).toBe(true);
      expect(sheet.getRange('A8').getDisplayValue()).toBe('TRUE');
      expect(sheet.getRange('A9').getValue()).toBe('0012');
      expect(sheet.getRange('A10').getValue()).toBe('ST-100');
    });

    it('returns an empty string for empty cells', async () => {
      const sheet = await openSheet(path);
      expect(sheet.getRange('B1:B2').getValues()).toEqual([[''], ['']]);
      expect(sheet.getRange('B1').getDisplayValue()).toBe('');
    });

    it('reports number formats with the Automatic pattern for unformatted cells', async () => {
      const formats = (await openSheet(path)).getRange('A1:A3').getNumberFormats();
      expect(formats).toEqual([['0.###############'], ['000000000000'], ['#,##0']]);
    });
  });

  describe('date cells', () => {
    let path: string;

    beforeAll(async () => {
      path = await writeXlsx('dates', (sheet) => {
        const dates = [
          [2025, 2, 10],
          [2025, 2, 29],
          [2025, 2, 30],
          [2025, 2, 31],
          [2025, 3, 1],
        ];
        dates.forEach(([year, month, day], index) => {
          const cell = sheet.getCell(index + 1, 1);
          cell.value = new Date(Date.UTC(year!, month!, day!));
          cell.numFmt = 'yyyy-mm-dd';
        });
        sheet.getCell('B1').value = new Date(Date.UTC(2025, 2, 10, 14, 30));
        sheet.getCell('B1').numFmt = 'M/d/yyyy H:mm:ss';
      });
    });

    it('reads a date serial as midnight in Asia/Tokyo', async () => {
      const value = (await openSheet(path, 'Asia/Tokyo')).getRange('A1').getValue();
      expect(iso(value)).toBe('2025-03-09T15:00:00.000Z');
    });

    it('reads dates around the Berlin DST switch with the right offset', async () => {
      const values = (await openSheet(path, 'Europe/Berlin')).getRange('A2:A5').getValues();
      expect(iso(values[0]?.[0])).toBe('2025-03-28T23:00:00.000Z');
      expect(iso(values[1]?.[0])).toBe('2025-03-29T23:00:00.000Z');
      expect(iso(values[2]?.[0])).toBe('2025-03-30T22:00:00.000Z');
      expect(iso(values[3]?.[0])).toBe('2025-03-31T22:00:00.000Z');
    });

    it('reads a date serial as UTC midnight only in UTC', async () => {
      expect(iso((await openSheet(path, 'UTC')).getRange('A1').getValue())).toBe('2025-03-10T00:00:00.000Z');
    });

    it('shows the wall-clock date whatever the zone', async () => {
      const tokyo = (await openSheet(path, 'Asia/Tokyo')).getRange('A1:B1').getDisplayValues();
      expect(tokyo).toEqual([['2025-03-10', '3/10/2025 14:30:00']]);
    });

    it('keeps the time of a date-time cell in the zone', async () => {
      const value = (await openSheet(path, 'Europe/Berlin')).getRange('B1').getValue();
      expect(iso(value)).toBe('2025-03-10T13:30:00.000Z');
    });

    it('reads workbooks that use the 1904 date system', async () => {
      const path1904 = await writeXlsx('dates-1904', (sheet, book) => {
        book.properties.date1904 = true;
        sheet.getCell('A1').value = new Date(Date.UTC(2025, 2, 10));
        sheet.getCell('A1').numFmt = 'yyyy-mm-dd';
      });
      expect((await openSheet(path1904)).getRange('A1').getDisplayValue()).toBe('2025-03-10');
    });

    it('creates Dates with the Date class it was given', async () => {
      const workbook = await loadWorkbook(path, { timeZone: 'UTC', locale: 'en_US' });
      const realm = runInNewContext('({ Date, isDate: (value) => value instanceof Date })') as {
        Date: DateConstructor;
        isDate: (value: unknown) => boolean;
      };
      const { app } = createApp(workbook, { DateCtor: realm.Date });
      const value = app.getActive().getSheetByName('Inventory')!.getRange('A1').getValue();
      expect(realm.isDate(value)).toBe(true);
      expect(value instanceof Date).toBe(false);
    });
  });

  describe('formula cells', () => {
    let path: string;

    beforeAll(async () => {
      path = await writeXlsx('formulas', (sheet) => {
        sheet.getCell('A1').value = { formula: 'VLOOKUP(A2,Stock!A:B,2,FALSE)', result: { error: '#N/A' } };
        sheet.getCell('A2').value = { formula: 'Stock!B7', result: { error: '#REF!' } };
        sheet.getCell('A3').value = { formula: 'IMPORTRANGE("x","A1")', result: 'Loading...' };
        sheet.getCell('A4').value = { formula: 'SUM(1,2)', result: 3 };
        sheet.getCell('B1').value = { formula: 'IFERROR(VLOOKUP(A2,Stock!A:B,2,FALSE),"")' };
        sheet.getCell('B2').value = { formula: '2*3' };
      });
    });

    it('reads a formula without a cached result as empty', async () => {
      const values = (await openSheet(path)).getRange('B1:B2').getValues();
      expect(values).toEqual([[''], [6]]);
    });

    it('returns error results as strings', async () => {
      const values = (await openSheet(path)).getRange('A1:A4').getValues();
      expect(values).toEqual([['#N/A'], ['#REF!'], ['Loading...'], [3]]);
    });

    it('displays error results as they are', async () => {
      const display = (await openSheet(path)).getRange('A1:A2').getDisplayValues();
      expect(display).toEqual([['#N/A'], ['#REF!']]);
    });

    it('keeps the formulas', async () => {
      const formulas = (await openSheet(path)).getRange('A1:A4').getFormulas();
      expect(formulas[0]).toEqual(['=VLOOKUP(A2,Stock!A:B,2,FALSE)']);
      expect(formulas[3]).toEqual(['=SUM(1,2)']);
    });
  });

  describe('column formats', () => {
    let path: string;

    beforeAll(async () => {
      path = await writeXlsx('column-format', (sheet) => {
        sheet.getColumn(1).numFmt = '@';
        sheet.getCell('A1').value = 'UPC';
        sheet.getCell('B1').value = { text: 'JOOR', hyperlink: 'https://example.test' };
      });
    });

    it('keeps typed digits as text in a Plain text column', async () => {
      const sheet = await openSheet(path);
      sheet.getRange('A2:B2').setValues([['012345678905', '012345678905']]);
      expect(sheet.getRange('A2:B2').getValues()).toEqual([['012345678905', 12345678905]]);
    });

    it('reads a hyperlink cell as its text', async () => {
      expect((await openSheet(path)).getRange('B1').getValue()).toBe('JOOR');
    });
  });

  describe('layout', () => {
    let path: string;

    beforeAll(async () => {
      path = await writeXlsx('layout', (sheet, book) => {
        for (let row = 1; row <= 7; row++) sheet.getCell(row, 1).value = `row ${row}`;
        sheet.autoFilter = 'A1:B5';
        sheet.getRow(4).hidden = true;
        sheet.getRow(6).hidden = true;
        sheet.getColumn(3).hidden = true;
        sheet.mergeCells('B1:C2');
        sheet.getCell('B1').value = 'merged';
        sheet.getCell('A2').note = 'Check this row';
        sheet.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
        sheet.views = [{ state: 'frozen', ySplit: 1 }];
        book.addWorksheet('State', { state: 'hidden' });
      });
    });

    it('tells rows hidden by the filter from rows hidden by hand', async () => {
      const sheet = await openSheet(path);
      expect(sheet.isRowHiddenByFilter(4)).toBe(true);
      expect(sheet.isRowHiddenByUser(4)).toBe(false);
      expect(sheet.isRowHiddenByUser(6)).toBe(true);
      expect(sheet.isRowHiddenByFilter(6)).toBe(false);
      expect(sheet.isRowHiddenByUser(3)).toBe(false);
    });

    it('returns hidden rows from getValues', async () => {
      const values = (await openSheet(path)).getRange('A4:A6').getValues();
      expect(values).toEqual([['row 4'], ['row 5'], ['row 6']]);
    });

    it('reads hidden columns, frozen rows and hidden sheets', async () => {
      const sheet = await openSheet(path);
      expect(sheet.isColumnHiddenByUser(3)).toBe(true);
      expect(sheet.isColumnHiddenByUser(2)).toBe(false);
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getParent().getSheetByName('State')!.isSheetHidden()).toBe(true);
    });

    it('returns a merged value only in the top-left cell', async () => {
      const sheet = await openSheet(path);
      expect(sheet.getRange('B1:C2').getValues()).toEqual([
        ['merged', ''],
        ['', ''],
      ]);
      expect(sheet.getRange('C2').isPartOfMerge()).toBe(true);
      expect(
        sheet
          .getRange('A1')
          .getMergedRanges()
          .map((range) => range.getA1Notation()),
      ).toEqual([]);
      expect(
        sheet
          .getRange('C1')
          .getMergedRanges()
          .map((range) => range.getA1Notation()),
      ).toEqual(['B1:C2']);
    });

    it('reads notes and backgrounds', async () => {
      const sheet = await openSheet(path);
      expect(sheet.getRange('A2').getNote()).toBe('Check this row');
      expect(sheet.getRange('A3').getBackground()).toBe('#ffc7ce');
      expect(sheet.getRange('A4').getBackground()).toBe('#ffffff');
    });

    it('reports the last row and column with content', async () => {
      const sheet = await openSheet(path);
      expect(sheet.getLastRow()).toBe(7);
      expect(sheet.getLastColumn()).toBe(2);
      expect(sheet.getDataRange().getA1Notation()).toBe('A1:B7');
    });
  });
});
