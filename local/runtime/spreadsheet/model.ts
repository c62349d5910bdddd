// In-memory workbook model behind the SpreadsheetApp fake. Cells live in dense row arrays so
// that reading or writing 100,000 rows stays linear.

import type { GridRange } from './a1';
import { localeConventions } from './locale';
import { assertTimeZone } from './zone';

/**
 * A stored cell value. Dates and times are serial numbers with a date number format, as in
 * Sheets. Formula errors such as `#N/A` are stored as those strings. Empty is `''`.
 */
export type CellValue = string | number | boolean;

/** Sheets' default number format ("Automatic"). */
export const GENERAL_FORMAT = 'General';
/** The number format of Plain text cells. */
export const TEXT_FORMAT = '@';

/** One layer of per-cell data (values, formulas, formats…) stored as sparse rows of dense arrays. */
export class CellLayer<T> {
  /** Rows indexed from 0. A missing row or entry means "not set". */
  rows: (T[] | undefined)[] = [];

  get(row0: number, column0: number): T | undefined {
    return this.rows[row0]?.[column0];
  }

  set(row0: number, column0: number, value: T | undefined): void {
    let row = this.rows[row0];
    if (!row) {
      if (value === undefined) return;
      row = [];
      this.rows[row0] = row;
    }
    row[column0] = value as T;
  }

  /** Inserts `count` empty rows before row index `row0`. */
  insertRows(row0: number, count: number): void {
    if (row0 >= this.rows.length) return;
    this.rows.splice(row0, 0, ...new Array<T[] | undefined>(count));
  }

  deleteRows(row0: number, count: number): void {
    this.rows.splice(row0, count);
  }

  insertColumns(column0: number, count: number): void {
    for (const row of this.rows) {
      if (row && column0 < row.length) row.splice(column0, 0, ...new Array<T>(count));
    }
  }

  deleteColumns(column0: number, count: number): void {
    for (const row of this.rows) {
      if (row) row.splice(column0, count);
    }
  }

  clear(range: GridRange): void {
    const lastRow0 = Math.min(range.row - 1 + range.numRows, this.rows.length);
    for (let row0 = range.row - 1; row0 < lastRow0; row0++) {
      const row = this.rows[row0];
      if (!row) continue;
      const lastColumn0 = Math.min(range.column - 1 + range.numColumns, row.length);
      for (let column0 = range.column - 1; column0 < lastColumn0; column0++) row[column0] = undefined as T;
    }
  }
}

/** A protection on a whole sheet or on a range of it. */
export interface ProtectionModel {
  type: 'SHEET' | 'RANGE';
  range: GridRange | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

/** One sheet (tab) of a workbook. Row and column numbers in sets and lists are 1-based. */
export interface SheetModel {
  sheetId: number;
  name: string;
  values: CellLayer<CellValue>;
  /** Formulas as typed, starting with `=`. The value layer contains their last result. */
  formulas: CellLayer<string>;
  numberFormats: CellLayer<string>;
  /** Formats set on whole columns, used where a cell has none of its own. */
  columnNumberFormats: (string | undefined)[];
  notes: CellLayer<string>;
  /** Background colours as lower-case `#rrggbb`. */
  backgrounds: CellLayer<string>;
  fontColors: CellLayer<string>;
  fontWeights: CellLayer<'bold' | 'normal'>;
  maxRows: number;
  maxColumns: number;
  rowsHiddenByUser: Set<number>;
  rowsHiddenByFilter: Set<number>;
  hiddenColumns: Set<number>;
  hidden: boolean;
  merges: GridRange[];
  /** Range of the sheet's filter. Hidden rows inside it count as hidden by the filter. */
  filterRange: GridRange | null;
  frozenRows: number;
  frozenColumns: number;
  protections: ProtectionModel[];
  /** Column widths in pixels. Unset columns have Sheets' default of 100. */
  columnWidths: Map<number, number>;
}

/** A whole spreadsheet. */
export interface Workbook {
  id: string;
  name: string;
  /** IANA zone in which date serials are read, such as `Asia/Tokyo`. */
  timeZone: string;
  /** Sheets locale code such as `en_US`. It decides how typed text becomes numbers and dates. */
  locale: string;
  sheets: SheetModel[];
  activeSheetId: number | null;
  /** The active range of the active sheet, if one was set. */
  activeRange: GridRange | null;
}

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

/** Creates an empty sheet with Sheets' default size of 1000 rows and 26 columns. */
export function createSheetModel(name: string, sheetId: number): SheetModel {
  return {
    sheetId,
    name,
    values: new CellLayer<CellValue>(),
    formulas: new CellLayer<string>(),
    numberFormats: new CellLayer<string>(),
    columnNumberFormats: [],
    notes: new CellLayer<string>(),
    backgrounds: new CellLayer<string>(),
    fontColors: new CellLayer<string>(),
    fontWeights: new CellLayer<'bold' | 'normal'>(),
    maxRows: DEFAULT_MAX_ROWS,
    maxColumns: DEFAULT_MAX_COLUMNS,
    rowsHiddenByUser: new Set(),
    rowsHiddenByFilter: new Set(),
    hiddenColumns: new Set(),
    hidden: false,
    merges: [],
    filterRange: null,
    frozenRows: 0,
    frozenColumns: 0,
    protections: [],
    columnWidths: new Map(),
  };
}

/** Options shared by workbook creation and loading. */
export interface WorkbookOptions {
  timeZone: string;
  locale: string;
  name?: string;
  id?: string;
}

/** Creates a workbook with no sheets, after checking the zone and the locale. */
export function createWorkbook(options: WorkbookOptions): Workbook {
  assertTimeZone(options.timeZone);
  localeConventions(options.locale);
  return {
    id: options.id ?? createSpreadsheetId(),
    name: options.name ?? 'Untitled spreadsheet',
    timeZone: options.timeZone,
    locale: options.locale,
    sheets: [],
    activeSheetId: null,
    activeRange: null,
  };
}

/** Adds a sheet with a fresh id. The first sheet added becomes the active sheet. */
export function addSheet(workbook: Workbook, name: string, index = workbook.sheets.length): SheetModel {
  const sheetId = workbook.sheets.length === 0 ? 0 : nextSheetId(workbook);
  const sheet = createSheetModel(name, sheetId);
  workbook.sheets.splice(index, 0, sheet);
  if (workbook.activeSheetId === null) workbook.activeSheetId = sheetId;
  return sheet;
}

function nextSheetId(workbook: Workbook): number {
  const used = new Set(workbook.sheets.map((sheet) => sheet.sheetId));
  let candidate = 1 + workbook.sheets.length * 7919;
  while (used.has(candidate)) candidate++;
  return candidate;
}

/** Creates a 44-character id in the alphabet of Google Drive file ids. */
function createSpreadsheetId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '1';
  for (let index = 1; index < 44; index++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}

/** Returns the number format that applies to a cell: its own, its column's, or General. */
export function effectiveNumberFormat(sheet: SheetModel, row0: number, column0: number): string {
  return sheet.numberFormats.get(row0, column0) ?? sheet.columnNumberFormats[column0] ?? GENERAL_FORMAT;
}

/** Returns the last row that has a value or a formula, or 0 for an empty sheet. */
export function lastRowWithContent(sheet: SheetModel): number {
  for (let row0 = sheet.values.rows.length - 1; row0 >= 0; row0--) {
    const row = sheet.values.rows[row0];
    if (row?.some((value) => value !== '' && value !== undefined)) return row0 + 1;
    if (sheet.formulas.rows[row0]?.some((formula) => formula !== undefined)) return row0 + 1;
  }
  return 0;
}

/** Returns the last column that has a value or a formula, or 0 for an empty sheet. */
export function lastColumnWithContent(sheet: SheetModel): number {
  let last = 0;
  for (const row of sheet.values.rows) {
    if (!row) continue;
    for (let column0 = row.length - 1; column0 >= last; column0--) {
      const value = row[column0];
      if (value !== '' && value !== undefined) {
        last = column0 + 1;
        break;
      }
    }
  }
  return last;
}
