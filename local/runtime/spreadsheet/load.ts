// Loads .xlsx files (exceljs) and .csv files (csv-parse) into the in-memory workbook model.

import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { type GridRange, parseA1 } from './a1';
import { ERROR_VALUES, evaluateFormula } from './formula';
import {
  addSheet,
  type CellValue,
  createWorkbook,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_ROWS,
  GENERAL_FORMAT,
  type SheetModel,
  type Workbook,
} from './model';
import { parseTypedInput } from './typed-input';

/** The spreadsheet settings a file does not carry. */
export interface LoadOptions {
  /** IANA zone of the spreadsheet. Date serials are read as midnight in this zone. */
  timeZone: string;
  /** Sheets locale code, such as `en_US`. It decides how CSV text becomes numbers and dates. */
  locale: string;
  /** Instant in epoch ms that gives CSV dates without a year their year. Defaults to now. */
  now?: number;
  /** Spreadsheet id, or a random Drive-style id when absent. */
  id?: string;
}

const MS_PER_DAY = 86_400_000;
const SERIAL_UNIX_OFFSET_DAYS = 25_569;
/** Pixels per character of .xlsx column width, an estimate for Excel's default font. */
const PIXELS_PER_WIDTH_UNIT = 7;

/** Loads an .xlsx or .csv file. The file is only read, never written. */
export async function loadWorkbook(path: string, options: LoadOptions): Promise<Workbook> {
  const extension = extname(path).toLowerCase();
  const name = basename(path, extname(path));
  const workbook = createWorkbook({ ...options, name });
  if (extension === '.xlsx') {
    await loadXlsx(path, workbook);
  } else if (extension === '.csv') {
    await loadCsv(path, workbook, options.now ?? Date.now());
  } else {
    throw new Error(`Cannot load "${path}": the file name must end in .xlsx or .csv.`);
  }
  return workbook;
}

/** Decodes UTF-8, or UTF-16 when the file starts with a UTF-16 byte order mark (Excel's "Unicode text"). */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('utf8');
}

/**
 * Picks the separator the first line uses most among comma, semicolon, tab and pipe, as Sheets'
 * import does with "Detect automatically". Quoted text is skipped when counting.
 */
function detectDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

async function loadCsv(path: string, workbook: Workbook, now: number): Promise<void> {
  const text = decodeText(await readFile(path));
  const records = parseCsv(text, {
    bom: true,
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][];
  const sheet = addSheet(workbook, workbook.name);
  const context = { locale: workbook.locale, timeZone: workbook.timeZone, now, cellFormat: GENERAL_FORMAT };

  let maxColumns = 0;
  records.forEach((record, row0) => {
    maxColumns = Math.max(maxColumns, record.length);
    record.forEach((field, column0) => {
      if (field === '') return;
      const parsed = parseTypedInput(field, context);
      sheet.values.set(row0, column0, parsed.value);
      if (parsed.formula !== null) sheet.formulas.set(row0, column0, parsed.formula);
      if (parsed.numberFormat !== null) sheet.numberFormats.set(row0, column0, parsed.numberFormat);
    });
  });
  sheet.maxRows = Math.max(DEFAULT_MAX_ROWS, records.length);
  sheet.maxColumns = Math.max(DEFAULT_MAX_COLUMNS, maxColumns);
}

async function loadXlsx(path: string, workbook: Workbook): Promise<void> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(path);
  for (const worksheet of source.worksheets) {
    const sheet = addSheet(workbook, worksheet.name);
    sheet.hidden = worksheet.state !== 'visible';
    readSheetLayout(worksheet, sheet);
    readRows(worksheet, sheet);
  }
  const firstVisible = workbook.sheets.find((sheet) => !sheet.hidden) ?? workbook.sheets[0];
  workbook.activeSheetId = firstVisible?.sheetId ?? null;
}

function readSheetLayout(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
  sheet.maxRows = Math.max(DEFAULT_MAX_ROWS, worksheet.rowCount);
  sheet.maxColumns = Math.max(DEFAULT_MAX_COLUMNS, worksheet.columnCount);

  for (const merge of worksheet.model.merges ?? []) {
    const range = parseA1(merge, sheet.maxRows, sheet.maxColumns);
    if (range) sheet.merges.push(range);
  }

  const view = worksheet.views?.[0];
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }

  sheet.filterRange = readFilterRange(worksheet.autoFilter, sheet);

  for (let column = 1; column <= worksheet.columnCount; column++) {
    const source = worksheet.getColumn(column);
    if (source.hidden) sheet.hiddenColumns.add(column);
    if (source.width !== undefined)
      sheet.columnWidths.set(column, Math.round(source.width * PIXELS_PER_WIDTH_UNIT));
    const columnFormat = source.numFmt;
    if (columnFormat && columnFormat !== GENERAL_FORMAT) sheet.columnNumberFormats[column - 1] = columnFormat;
  }
}

function readFilterRange(filter: ExcelJS.AutoFilter | undefined, sheet: SheetModel): GridRange | null {
  if (!filter) return null;
  if (typeof filter === 'string') return parseA1(filter, sheet.maxRows, sheet.maxColumns);
  const corner = (end: string | { row: number; column: number }) =>
    typeof end === 'string'
      ? parseA1(end, sheet.maxRows, sheet.maxColumns)
      : { ...end, numRows: 1, numColumns: 1 };
  const from = corner(filter.from);
  const to = corner(filter.to);
  if (!from || !to) return null;
  return {
    row: from.row,
    column: from.column,
    numRows: to.row - from.row + 1,
    numColumns: to.column - from.column + 1,
  };
}

function readRows(worksheet: ExcelJS.Worksheet, sheet: SheetModel): void {
  const filter = sheet.filterRange;
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) {
      // NOTE: .xlsx marks filtered and hand-hidden rows alike, so rows hidden below the filter's
      // header row are taken as hidden by the filter.
      const inFilter = filter !== null && rowNumber > filter.row && rowNumber < filter.row + filter.numRows;
      (inFilter ? sheet.rowsHiddenByFilter : sheet.rowsHiddenByUser).add(rowNumber);
    }
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      readCell(cell, sheet, rowNumber - 1, columnNumber - 1);
    });
  });
}

function readCell(cell: ExcelJS.Cell, sheet: SheetModel, row0: number, column0: number): void {
  const format = cell.numFmt;
  if (format && format !== GENERAL_FORMAT) sheet.numberFormats.set(row0, column0, format);
  readStyle(cell, sheet, row0, column0);

  const note = readNote(cell.note);
  if (note) sheet.notes.set(row0, column0, note);

  if (cell.type === ExcelJS.ValueType.Merge) return;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = `=${cell.formula}`;
    sheet.formulas.set(row0, column0, formula);
    const result = (cell.value as ExcelJS.CellFormulaValue).result;
    sheet.values.set(row0, column0, result === undefined ? uncachedResult(formula) : toCellValue(result));
    return;
  }
  const value = toCellValue(cell.value);
  if (value !== '') sheet.values.set(row0, column0, value);
}

/**
 * Value of a formula cell saved without a cached result. exceljs 4.4 reads a cached empty string
 * (for example from IFERROR(…,"")) as no result, and Sheets shows such a cell as empty, so only
 * plain arithmetic is worked out and anything else reads as ''.
 */
function uncachedResult(formula: string): CellValue {
  const evaluated = evaluateFormula(formula);
  return typeof evaluated === 'number' ? evaluated : '';
}

function readStyle(cell: ExcelJS.Cell, sheet: SheetModel, row0: number, column0: number): void {
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) {
    sheet.backgrounds.set(row0, column0, argbToHex(fill.fgColor.argb));
  }
  const fontColor = cell.font?.color?.argb;
  if (fontColor) sheet.fontColors.set(row0, column0, argbToHex(fontColor));
  if (cell.font?.bold) sheet.fontWeights.set(row0, column0, 'bold');
}

function readNote(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((part) => part.text).join('');
}

/**
 * Converts an exceljs value to the value Sheets stores. exceljs reads date serials as UTC Dates
 * and applies the workbook's 1904 date system itself, so a Date maps back to a 1900-system serial.
 */
function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + SERIAL_UNIX_OFFSET_DAYS;
  if (typeof value !== 'object') return String(value);

  if ('error' in value) {
    const error = String((value as ExcelJS.CellErrorValue).error);
    return ERROR_VALUES.has(error) ? error : '#ERROR!';
  }
  if ('richText' in value)
    return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return toCellValue((value as ExcelJS.CellHyperlinkValue).text);
  if ('result' in value) return toCellValue((value as ExcelJS.CellFormulaValue).result);
  return '';
}

/** Converts `FFRRGGBB` to `#rrggbb`. */
export function argbToHex(argb: string): string {
  return `#${argb.slice(-6).toLowerCase()}`;
}
