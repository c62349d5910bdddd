import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addSheet, createWorkbook, loadWorkbook, saveWorkbook } from '../../../local/runtime/spreadsheet';
import { createApp, createTempDir, iso } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await createTempDir());
});

afterAll(async () => {
  await cleanup();
});

function buildWorkbook() {
  const workbook = createWorkbook({ timeZone: 'Europe/Berlin', locale: 'en_US', name: 'Stock' });
  addSheet(workbook, 'Inventory');
  const { app } = createApp(workbook);
  const spreadsheet = app.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Inventory')!;
  sheet.getRange('A1:A2').setNumberFormat('@');
  sheet.getRange('A1:E2').setValues([
    ['UPC', 'Quantity', 'Date', 'Total', 'Status'],
    ['012345678905', '1,200', '2025-03-31', '=2*3', 'sent'],
  ]);
  sheet.getRange('A3').setValue('=VLOOKUP(A2,X!A:B,2,FALSE)');
  sheet.getRange('E2').setBackground('#d9ead3').setNote('JOOR returned pass').setFontColor('#006100');
  sheet.getRange('B4:C4').merge();
  sheet.hideRows(3);
  sheet.hideColumns(4);
  sheet.setFrozenRows(1);
  const state = spreadsheet.insertSheet('Confirmed state');
  state.getRange('A1').setValue('key');
  state.hideSheet();
  return workbook;
}

describe('saveWorkbook', () => {
  it('keeps values, formats and layout through an .xlsx round trip', async () => {
    const path = join(dir, 'round-trip.xlsx');
    await saveWorkbook(buildWorkbook(), path);
    const loaded = await loadWorkbook(path, { timeZone: 'Europe/Berlin', locale: 'en_US' });
    const sheet = createApp(loaded).app.getActiveSpreadsheet().getSheetByName('Inventory')!;

    const values = sheet.getRange('A1:E3').getValues();
    expect(values[1]?.[0]).toBe('012345678905');
    expect(values[1]?.[1]).toBe(1200);
    expect(iso(values[1]?.[2])).toBe('2025-03-30T22:00:00.000Z');
    expect(values[1]?.[3]).toBe(6);
    expect(values[2]?.[0]).toBe('#NAME?');
    expect(sheet.getRange('A1:E2').getDisplayValues()[1]).toEqual([
      '012345678905',
      '1,200',
      '2025-03-31',
      '6',
      'sent',
    ]);
    expect(sheet.getRange('D2').getFormula()).toBe('=2*3');
    expect(sheet.getRange('A2').getNumberFormat()).toBe('@');
  });

  it('keeps notes, colours, merges and hidden parts', async () => {
    const path = join(dir, 'layout.xlsx');
    await saveWorkbook(buildWorkbook(), path);
    const loaded = await loadWorkbook(path, { timeZone: 'Europe/Berlin', locale: 'en_US' });
    const spreadsheet = createApp(loaded).app.getActiveSpreadsheet();
    const sheet = spreadsheet.getSheetByName('Inventory')!;

    expect(sheet.getRange('E2').getBackground()).toBe('#d9ead3');
    expect(sheet.getRange('E2').getNote()).toBe('JOOR returned pass');
    expect(sheet.getRange('E2').getFontColors()).toEqual([['#006100']]);
    expect(sheet.getRange('C4').isPartOfMerge()).toBe(true);
    expect(sheet.isRowHiddenByUser(3)).toBe(true);
    expect(sheet.isColumnHiddenByUser(4)).toBe(true);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(spreadsheet.getSheetByName('Confirmed state')!.isSheetHidden()).toBe(true);
  });

  it('leaves the input file unchanged when saving to another path', async () => {
    const input = join(dir, 'input.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Inventory').getCell('A1').value = 'UPC';
    await book.xlsx.writeFile(input);
    const before = await readFile(input);

    const workbook = await loadWorkbook(input, { timeZone: 'UTC', locale: 'en_US' });
    createApp(workbook).app.getActive().getActiveSheet().getRange('B1').setValue('Status');
    await saveWorkbook(workbook, join(dir, 'output.xlsx'));

    expect((await readFile(input)).equals(before)).toBe(true);
    expect((await stat(join(dir, 'output.xlsx'))).size).toBeGreaterThan(0);
  });

  it('writes display values to .csv', async () => {
    const path = join(dir, 'out.csv');
    await saveWorkbook(buildWorkbook(), path);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('UPC,Quantity,Date,Total,Status');
    expect(lines[1]).toBe('012345678905,"1,200",2025-03-31,6,sent');
  });

  it('rejects an unknown extension', async () => {
    await expect(saveWorkbook(buildWorkbook(), join(dir, 'out.ods'))).rejects.toThrow(
      'the file name must end in .xlsx or .csv',
    );
  });
});
