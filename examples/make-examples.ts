/**
 * Writes the demo files that `npm start` and `npm run emulator` use: the emulator seed
 * (`catalogue.json`), the brand's workbook (`inventory.xlsx`), a smaller CSV variant
 * (`inventory.csv`) and the CLI settings (`settings.json`). Run with `npm run examples`.
 * Seeded generators and fixed timestamps make every run write the same bytes.
 */

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  buildCatalogue,
  buildSeed,
  type CatalogueEntry,
  DEFAULT_WAREHOUSE,
  FUTURE_WAREHOUSE,
} from './lib/catalogue';
import { buildExampleRows, EXAMPLE_HEADER, type ExampleRow, type SheetCell } from './lib/example-sheet';
import { setZipEntryTimes } from './lib/zip-timestamps';

const OUT_DIR = __dirname;
const TITLE = 'Northwind Apparel – available to sell by SKU, exported 2026-12-01 06:00';
/** Fixed so that regenerating the workbook does not change its properties or zip entry times. */
const WORKBOOK_DATE = new Date(Date.UTC(2026, 11, 1, 6, 0, 0));

async function main(): Promise<void> {
  const catalogue = buildCatalogue();
  const seed = buildSeed(catalogue);
  writeJson('catalogue.json', seed);

  const rows = buildExampleRows(catalogue);
  await writeExampleWorkbook(path.join(OUT_DIR, 'inventory.xlsx'), rows, catalogue);
  writeFileSync(path.join(OUT_DIR, 'inventory.csv'), buildExampleCsv(catalogue));

  writeJson('settings.json', {
    warehouses: [DEFAULT_WAREHOUSE, FUTURE_WAREHOUSE],
    options: {
      defaultWarehouse: DEFAULT_WAREHOUSE,
      overwrite: false,
      decPending: false,
      changeOnly: false,
      format: 'json',
    },
    itemsPerRequest: 200,
  });

  console.log(
    `Wrote ${seed.catalogue.length} catalogue SKUs and ${rows.length} sheet rows ` +
      `(${rows.filter((row) => row.mistake).length} annotated) to ${OUT_DIR}`,
  );
}

function writeJson(fileName: string, value: unknown): void {
  writeFileSync(path.join(OUT_DIR, fileName), `${JSON.stringify(value, null, 2)}\n`);
}

async function writeExampleWorkbook(
  file: string,
  rows: ExampleRow[],
  catalogue: CatalogueEntry[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Northwind ERP export';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;

  const sheet = workbook.addWorksheet('Inventory', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [
    { key: 'upc', width: 16, style: { numFmt: '@' } },
    { key: 'style', width: 20, style: { numFmt: '@' } },
    { key: 'colour', width: 12, style: { numFmt: '@' } },
    { key: 'size', width: 8, style: { numFmt: '@' } },
    { key: 'quantity', width: 13 },
    { key: 'warehouse', width: 20 },
    { key: 'date', width: 15, style: { numFmt: 'yyyy-mm-dd' } },
  ];

  sheet.getCell('A1').value = TITLE;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.mergeCells('A1:G1');
  const header = sheet.getRow(2);
  header.values = [...EXAMPLE_HEADER];
  header.font = { bold: true };
  sheet.autoFilter = 'A2:G2';

  rows.forEach((row, index) => {
    writeExampleRow(sheet, index + 3, row);
  });

  addStockSheet(workbook, catalogue);
  const zip = Buffer.from(await workbook.xlsx.writeBuffer());
  writeFileSync(file, setZipEntryTimes(zip, WORKBOOK_DATE));
}

function writeExampleRow(sheet: ExcelJS.Worksheet, rowNumber: number, row: ExampleRow): void {
  const cells: SheetCell[] = [
    row.upc,
    row.styleNumber,
    row.colourCode,
    row.size,
    row.quantity,
    row.warehouse,
    row.inventoryDate,
  ];
  cells.forEach((value, columnIndex) => {
    const cell = sheet.getCell(rowNumber, columnIndex + 1);
    cell.value = toExcelValue(value, rowNumber);
    // A UPC that lost its leading zero sits in a cell that is no longer formatted as text.
    if (columnIndex === 0 && typeof value === 'number') {
      cell.numFmt = 'General';
    }
  });
}

function toExcelValue(value: SheetCell, rowNumber: number): ExcelJS.CellValue {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return {
      formula: value.formula.replaceAll('{row}', String(rowNumber)),
      result: value.result,
    } as ExcelJS.CellValue;
  }
  return value;
}

/** Adds the lookup sheet that the quantity formula reads. It lacks the looked-up UPC, hence `#N/A`. */
function addStockSheet(workbook: ExcelJS.Workbook, catalogue: CatalogueEntry[]): void {
  const stock = workbook.addWorksheet('Stock');
  stock.getColumn(1).numFmt = '@';
  stock.getColumn(1).width = 16;
  stock.addRow(['UPC', 'On hand']);
  for (const sku of catalogue.slice(0, 12)) {
    stock.addRow([sku.upc, 10]);
  }
}

/**
 * Builds the CSV variant as a person would type it: every field is text, so Sheets' import turns
 * `084567000017` into a number and `2-3` into a date, which the add-on must catch.
 */
function buildExampleCsv(catalogue: CatalogueEntry[]): string {
  const records: string[][] = [[...EXAMPLE_HEADER]];
  const slice = catalogue.slice(0, 30);
  slice.forEach((sku, index) => {
    records.push([
      sku.upc,
      sku.style_number,
      sku.color_code,
      sku.size,
      String((index * 7) % 50),
      DEFAULT_WAREHOUSE,
      '',
    ]);
  });

  const kidsSku = catalogue.find((sku) => sku.size === '2-3')!;
  const scientificSku = catalogue.find((sku) => sku.upc.startsWith('8'))!;
  const wipSku = catalogue[1]!;
  records.push(
    [
      catalogue[40]!.upc,
      catalogue[40]!.style_number,
      catalogue[40]!.color_code,
      catalogue[40]!.size,
      '1,200',
      DEFAULT_WAREHOUSE,
      '',
    ],
    [
      catalogue[41]!.upc,
      catalogue[41]!.style_number,
      catalogue[41]!.color_code,
      catalogue[41]!.size,
      'N/A',
      DEFAULT_WAREHOUSE,
      '',
    ],
    ['', kidsSku.style_number, kidsSku.color_code, kidsSku.size, '6', DEFAULT_WAREHOUSE, ''],
    [
      Number(scientificSku.upc).toExponential(5).toUpperCase(),
      scientificSku.style_number,
      scientificSku.color_code,
      scientificSku.size,
      '3',
      DEFAULT_WAREHOUSE,
      '',
    ],
    [
      '',
      catalogue[42]!.style_number,
      catalogue[42]!.color_code,
      catalogue[42]!.size,
      '15',
      DEFAULT_WAREHOUSE,
      '',
    ],
    [wipSku.upc, wipSku.style_number, wipSku.color_code, wipSku.size, '80', FUTURE_WAREHOUSE, '2027-01-20'],
  );
  return stringify(records);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
