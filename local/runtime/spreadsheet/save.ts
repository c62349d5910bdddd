// Saves the workbook model to .xlsx (values, formulas, formats, notes, colours, hidden rows,
// columns and sheets, merges, frozen panes) or to .csv (display values of one sheet).

import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formatA1 } from './a1';
import { formatDisplayValue } from './display';
import { ERROR_VALUES } from './formula';
import { localeConventions } from './locale';
import {
  effectiveNumberFormat,
  GENERAL_FORMAT,
  lastColumnWithContent,
  lastRowWithContent,
  type SheetModel,
  type Workbook,
} from './model';

/** Options for saving. */
export interface SaveOptions {
  /** Name of the sheet a .csv file receives, or the first sheet when absent. */
  sheetName?: string;
}

const PIXELS_PER_WIDTH_UNIT = 7;

/** Saves to .xlsx or .csv, chosen by the file name's extension. */
export async function saveWorkbook(
  workbook: Workbook,
  path: string,
  options: SaveOptions = {},
): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') {
    await saveXlsx(workbook, path);
  } else if (extension === '.csv') {
    await saveCsv(workbook, path, options.sheetName);
  } else {
    throw new Error(`Cannot save "${path}": the file name must end in .xlsx or .csv.`);
  }
}

async function saveCsv(workbook: Workbook, path: string, sheetName: string | undefined): Promise<void> {
  const sheet =
    sheetName === undefined ? workbook.sheets[0] : workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`Cannot save "${path}": the workbook has no sheet named "${sheetName ?? ''}".`);

  const conventions = localeConventions(workbook.locale);
  const lastRow = lastRowWithContent(sheet);
  const lastColumn = lastColumnWithContent(sheet);
  const records: string[][] = [];
  for (let row0 = 0; row0 < lastRow; row0++) {
    const record: string[] = [];
    for (let column0 = 0; column0 < lastColumn; column0++) {
      const value = sheet.values.get(row0, column0) ?? '';
      record.push(formatDisplayValue(value, effectiveNumberFormat(sheet, row0, column0), conventions));
    }
    records.push(record);
  }
  await writeFile(path, stringify(records), 'utf8');
}

async function saveXlsx(workbook: Workbook, path: string): Promise<void> {
  const target = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    const worksheet = target.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    writeLayout(sheet, worksheet);
    writeCells(sheet, worksheet);
    for (const merge of sheet.merges) worksheet.mergeCells(formatA1(merge));
  }
  await target.xlsx.writeFile(path);
}

function writeLayout(sheet: SheetModel, worksheet: ExcelJS.Worksheet): void {
  if (sheet.frozenRows > 0 || sheet.frozenColumns > 0) {
    worksheet.views = [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }];
  }
  if (sheet.filterRange) worksheet.autoFilter = formatA1(sheet.filterRange);

  const columnCount = Math.max(
    sheet.columnNumberFormats.length,
    ...sheet.hiddenColumns,
    ...sheet.columnWidths.keys(),
  );
  for (let column = 1; column <= columnCount; column++) {
    const target = worksheet.getColumn(column);
    if (sheet.hiddenColumns.has(column)) target.hidden = true;
    const width = sheet.columnWidths.get(column);
    if (width !== undefined) target.width = width / PIXELS_PER_WIDTH_UNIT;
    const format = sheet.columnNumberFormats[column - 1];
    if (format) target.numFmt = format;
  }
  for (const row of [...sheet.rowsHiddenByUser, ...sheet.rowsHiddenByFilter])
    worksheet.getRow(row).hidden = true;
}

function writeCells(sheet: SheetModel, worksheet: ExcelJS.Worksheet): void {
  const rowCount = Math.max(
    sheet.values.rows.length,
    sheet.numberFormats.rows.length,
    sheet.notes.rows.length,
    sheet.backgrounds.rows.length,
    sheet.fontColors.rows.length,
    sheet.fontWeights.rows.length,
  );
  for (let row0 = 0; row0 < rowCount; row0++) {
    const columnCount = Math.max(
      sheet.values.rows[row0]?.length ?? 0,
      sheet.numberFormats.rows[row0]?.length ?? 0,
      sheet.notes.rows[row0]?.length ?? 0,
      sheet.backgrounds.rows[row0]?.length ?? 0,
      sheet.fontColors.rows[row0]?.length ?? 0,
      sheet.fontWeights.rows[row0]?.length ?? 0,
    );
    if (columnCount === 0) continue;
    const row = worksheet.getRow(row0 + 1);
    for (let column0 = 0; column0 < columnCount; column0++) {
      writeCell(sheet, row.getCell(column0 + 1), row0, column0);
    }
  }
}

function writeCell(sheet: SheetModel, cell: ExcelJS.Cell, row0: number, column0: number): void {
  const format = sheet.numberFormats.get(row0, column0);
  if (format && format !== GENERAL_FORMAT) cell.numFmt = format;

  const value = sheet.values.get(row0, column0) ?? '';
  const formula = sheet.formulas.get(row0, column0);
  if (formula !== undefined) {
    const result = typeof value === 'string' && ERROR_VALUES.has(value) ? { error: value } : value;
    cell.value = { formula: formula.slice(1), result } as ExcelJS.CellFormulaValue;
  } else if (value !== '') {
    cell.value = value;
  }

  const note = sheet.notes.get(row0, column0);
  if (note) cell.note = note;
  const background = sheet.backgrounds.get(row0, column0);
  if (background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(background) } };
  const fontColor = sheet.fontColors.get(row0, column0);
  const bold = sheet.fontWeights.get(row0, column0) === 'bold';
  if (fontColor || bold) {
    cell.font = {
      ...(fontColor ? { color: { argb: hexToArgb(fontColor) } } : {}),
      ...(bold ? { bold } : {}),
    };
  }
}

function hexToArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}
