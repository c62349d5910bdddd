import { mkdtempSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

async function openCsv(name: string, text: string, timeZone = 'UTC', locale = 'en_US') {
  const path = join(dir, `${name}.csv`);
  await writeFile(path, text, 'utf8');
  const workbook = await loadWorkbook(path, { timeZone, locale, now: Date.UTC(2026, 5, 1) });
  const { app } = createApp(workbook);
  return app.getActiveSpreadsheet().getActiveSheet();
}

describe('loadWorkbook with .csv', () => {
  it('names the sheet after the file', async () => {
    const sheet = await openCsv('inventory', 'UPC\n1\n');
    expect(sheet.getName()).toBe('inventory');
  });

  it('parses fields the way Sheets parses typed input', async () => {
    const sheet = await openCsv(
      'typed',
      [
        'UPC,Quantity,Size,Flag,Style',
        '012345678905,"1,200",3-4,TRUE,12E4',
        "'0012,1 200,5-6x,false,ST-100",
      ].join('\n'),
    );
    const values = sheet.getDataRange().getValues();
    expect(values[0]).toEqual(['UPC', 'Quantity', 'Size', 'Flag', 'Style']);
    expect(values[1]?.[0]).toBe(12345678905);
    expect(values[1]?.[1]).toBe(1200);
    expect(iso(values[1]?.[2])).toBe('2026-03-04T00:00:00.000Z');
    expect(values[1]?.[3]).toBe(true);
    expect(values[1]?.[4]).toBe(120000);
    expect(values[2]).toEqual(['0012', '1 200', '5-6x', false, 'ST-100']);
  });

  it('renders the formats that typed input picks', async () => {
    const sheet = await openCsv('display', 'a,b,c,d\n"1,200",12E4,2025-03-10,012345678905\n');
    expect(sheet.getRange('A2:D2').getDisplayValues()).toEqual([
      ['1,200', '1.20E+05', '2025-03-10', '12345678905'],
    ]);
  });

  it('reads a typed date as midnight in the spreadsheet zone', async () => {
    const sheet = await openCsv('zone', 'Date\n2025-03-10\n', 'Asia/Tokyo');
    expect(iso(sheet.getRange('A2').getValue())).toBe('2025-03-09T15:00:00.000Z');
  });

  it('stores formulas with their trivial results', async () => {
    const sheet = await openCsv('formulas', 'a,b,c\n=1+1,=VLOOKUP(A1;B:C;2),"=cmd|\' /C calc\'!A0"\n');
    expect(sheet.getRange('A2:C2').getValues()).toEqual([[2, '#NAME?', '#ERROR!']]);
    expect(sheet.getRange('A2:C2').getFormulas()).toEqual([
      ['=1+1', '=VLOOKUP(A1;B:C;2)', "=cmd|' /C calc'!A0"],
    ]);
  });

  it('reads grouping and dates under de_DE', async () => {
    const sheet = await openCsv(
      'german',
      'Menge;Datum\n"1.200";10.03.2025\n'.replace(/;/g, ','),
      'Europe/Berlin',
      'de_DE',
    );
    const values = sheet.getRange('A2:B2').getValues();
    expect(values[0]?.[0]).toBe(1200);
    expect(iso(values[0]?.[1])).toBe('2025-03-09T23:00:00.000Z');
    expect(sheet.getRange('A2:B2').getDisplayValues()).toEqual([['1.200', '10.03.2025']]);
  });

  it('keeps empty fields empty', async () => {
    const sheet = await openCsv('empty', 'a,b,c\n1,,3\n');
    expect(sheet.getRange('A2:C2').getValues()).toEqual([[1, '', 3]]);
    expect(sheet.getLastColumn()).toBe(3);
  });
});

describe('CSV separators and encodings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-detect-'));

  it.each([
    ['semicolon', 'UPC;Menge\n012345678905;3\n'],
    ['tab', 'UPC\tMenge\n012345678905\t3\n'],
    ['pipe', 'UPC|Menge\n012345678905|3\n'],
  ])('detects the %s separator', async (_label, text) => {
    const file = join(dir, `${_label}.csv`);
    writeFileSync(file, text);
    const workbook = await loadWorkbook(file, { timeZone: 'UTC', locale: 'de_DE' });
    expect(workbook.sheets[0]?.values.rows[0]).toEqual(['UPC', 'Menge']);
    expect(workbook.sheets[0]?.values.rows[1]?.[1]).toBe(3);
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const file = join(dir, 'utf16.csv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UPC,Größe\n012345678905,M\n', 'utf16le')]),
    );
    const workbook = await loadWorkbook(file, { timeZone: 'UTC', locale: 'de_DE' });
    expect(workbook.sheets[0]?.values.rows[0]).toEqual(['UPC', 'Größe']);
  });
});
