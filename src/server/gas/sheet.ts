/**
 * Spreadsheet access for pushes: one bulk read per execution, the add-on's own status columns,
 * and bulk status writes that land on the right rows even when the user inserts or deletes rows
 * while a push runs.
 */

import type { CellValue, MergedRange } from '../../core/validation';
import { AddonError } from '../errors';

/** Headers of the columns the add-on writes. The state column is hidden. */
export const STATUS_HEADERS = {
  status: 'JOOR Status',
  pushedAt: 'JOOR Pushed At',
  logId: 'JOOR Log ID',
  state: 'JOOR Sync State',
} as const;

export type StatusColumnKey = keyof typeof STATUS_HEADERS;
export const STATUS_COLUMN_KEYS: StatusColumnKey[] = ['status', 'pushedAt', 'logId', 'state'];
export const RESERVED_HEADERS: string[] = Object.values(STATUS_HEADERS);

/** 1-based column numbers of the status columns. */
export type StatusColumns = Record<StatusColumnKey, number>;

export const STATUS_COLORS = {
  error: '#f4c7c3',
  attention: '#fce8b2',
  warning: '#fff2cc',
} as const;

export interface SheetSnapshot {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  sheetId: string;
  sheetName: string;
  values: CellValue[][];
  display: string[][];
  lastRow: number;
  lastColumn: number;
  timeZone: string;
  locale: string;
  /** Merged ranges in the used range; only their top-left cells have values. */
  merges: MergedRange[];
  /** Backgrounds and notes of status cells as last read or written, so span writes keep them. */
  statusFormats?: Map<number, { color: string | null; note: string | null }>;
}

/**
 * Returns the spreadsheet the add-on runs in. Scheduled runs pass the id saved with the schedule.
 * Whether getActiveSpreadsheet() returns the document in an add-on's time-driven trigger under
 * the spreadsheets.currentonly scope can only be checked in a real install, so a missing or
 * different document fails loudly instead of touching another file.
 */
export function activeSpreadsheet(expectedId?: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (spreadsheet === null || spreadsheet === undefined) {
    throw new AddonError(
      'SPREADSHEET_NOT_AVAILABLE',
      'The add-on could not open its spreadsheet from this context. Open the spreadsheet and run the push from the sidebar; if this was a scheduled run, re-create the schedule from the sidebar.',
    );
  }
  if (expectedId !== undefined && spreadsheet.getId() !== expectedId) {
    throw new AddonError(
      'SPREADSHEET_MISMATCH',
      `The scheduled run expected spreadsheet ${expectedId} but was given ${spreadsheet.getId()}. Nothing was pushed. Re-create the schedule from the sidebar of the right spreadsheet.`,
    );
  }
  return spreadsheet;
}

export function sheetById(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetId: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const found = spreadsheet.getSheets().find((sheet) => String(sheet.getSheetId()) === String(sheetId));
  if (found === undefined) {
    throw new AddonError(
      'SHEET_NOT_FOUND',
      `Sheet with id ${sheetId} was not found in this spreadsheet. It may have been deleted; choose a sheet in the sidebar.`,
    );
  }
  return found;
}

/** Reads the used range with one getValues() and one getDisplayValues() call. */
export function readSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
): SheetSnapshot {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  let values: CellValue[][] = [];
  let display: string[][] = [];
  let merges: MergedRange[] = [];
  if (lastRow > 0 && lastColumn > 0) {
    const range = sheet.getRange(1, 1, lastRow, lastColumn);
    values = range.getValues() as CellValue[][];
    display = range.getDisplayValues();
    merges = range.getMergedRanges().map((merged) => ({
      row: merged.getRow(),
      column: merged.getColumn(),
      numRows: merged.getNumRows(),
      numColumns: merged.getNumColumns(),
    }));
  }
  return {
    sheet,
    sheetId: String(sheet.getSheetId()),
    sheetName: sheet.getName(),
    values,
    display,
    merges,
    lastRow,
    lastColumn,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    locale: spreadsheet.getSpreadsheetLocale(),
  };
}

function normalizeHeader(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase();
}

/** Finds the status columns by their header text in the header row. */
export function findStatusColumns(snapshot: SheetSnapshot, headerRow: number): Partial<StatusColumns> {
  const found: Partial<StatusColumns> = {};
  const header = snapshot.values[headerRow - 1] ?? [];
  for (const key of STATUS_COLUMN_KEYS) {
    const wanted = STATUS_HEADERS[key].toLowerCase();
    const index = header.findIndex((cell) => normalizeHeader(cell) === wanted);
    if (index >= 0) found[key] = index + 1;
  }
  return found;
}

/**
 * Adds the missing status columns after the last used column, never over user data, formats
 * them and hides the state column. Updates the snapshot so later writes see the new columns.
 */
export function ensureStatusColumns(snapshot: SheetSnapshot, headerRow: number): StatusColumns {
  const found = findStatusColumns(snapshot, headerRow);
  const missing = STATUS_COLUMN_KEYS.filter((key) => found[key] === undefined);
  if (missing.length > 0) {
    const sheet = snapshot.sheet;
    const first = snapshot.lastColumn + 1;
    if (sheet.getMaxColumns() < snapshot.lastColumn + missing.length) {
      sheet.insertColumnsAfter(
        sheet.getMaxColumns(),
        snapshot.lastColumn + missing.length - sheet.getMaxColumns(),
      );
    }
    sheet
      .getRange(headerRow, first, 1, missing.length)
      .setValues([missing.map((key) => STATUS_HEADERS[key])]);
    missing.forEach((key, offset) => {
      found[key] = first + offset;
    });
    for (const row of snapshot.values) {
      for (let i = 0; i < missing.length; i++) row.push('');
    }
    for (const row of snapshot.display) {
      for (let i = 0; i < missing.length; i++) row.push('');
    }
    snapshot.lastColumn += missing.length;
    const header = snapshot.values[headerRow - 1];
    if (header !== undefined) {
      missing.forEach((key, offset) => {
        header[first - 1 + offset] = STATUS_HEADERS[key];
      });
    }
    const rows = Math.max(sheet.getMaxRows() - headerRow, 1);
    if (missing.includes('pushedAt')) {
      sheet.getRange(headerRow + 1, found.pushedAt!, rows, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
    }
    if (missing.includes('logId')) sheet.getRange(headerRow + 1, found.logId!, rows, 1).setNumberFormat('@');
    if (missing.includes('state')) {
      sheet.getRange(headerRow + 1, found.state!, rows, 1).setNumberFormat('@');
      sheet.hideColumns(found.state!);
    }
  }
  return found as StatusColumns;
}

/** Neutralises text that Sheets would read as a formula: a leading =, +, - or @. */
export function asCellText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

export interface StatusWrite {
  row: number;
  text: string;
  pushedAt: Date | '';
  logId: string;
  state: string;
  color: string | null;
  /** Full detail for the status cell's note; null clears the note. */
  note: string | null;
}

/** Signature of a row's user data, to find it again after rows were inserted or deleted. */
function rowSignature(row: readonly CellValue[] | undefined, dataColumns: number): string {
  if (row === undefined) return '';
  const parts: string[] = [];
  for (let c = 0; c < dataColumns; c++) {
    const cell = row[c];
    parts.push(cell instanceof Date ? `d${cell.getTime()}` : String(cell ?? ''));
  }
  return parts.join('\u0001');
}

/** First status column minus one: the user's columns are those to its left. */
function dataColumnCount(columns: StatusColumns): number {
  return Math.min(columns.status, columns.pushedAt, columns.logId, columns.state) - 1;
}

/**
 * Checks that the rows about to be written still hold the data read at the start of the
 * execution. When the user inserted or deleted rows meanwhile, re-reads the sheet and moves each
 * write to the row that now contains its data. A write whose row is gone (deleted or edited) is
 * dropped, and the next run computes that row's status again.
 */
export function relocateWrites(
  snapshot: SheetSnapshot,
  columns: StatusColumns,
  writes: StatusWrite[],
  refresh: () => SheetSnapshot,
): { writes: StatusWrite[]; snapshot: SheetSnapshot; moved: boolean; dropped: number } {
  if (writes.length === 0) return { writes, snapshot, moved: false, dropped: 0 };
  const dataColumns = dataColumnCount(columns);
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const write of writes) {
    first = Math.min(first, write.row);
    last = Math.max(last, write.row);
  }
  const current =
    snapshot.sheet.getLastRow() >= last && dataColumns > 0
      ? (snapshot.sheet.getRange(first, 1, last - first + 1, dataColumns).getValues() as CellValue[][])
      : [];
  const unchanged = writes.every(
    (write) =>
      rowSignature(current[write.row - first], dataColumns) ===
      rowSignature(snapshot.values[write.row - 1], dataColumns),
  );
  if (unchanged) return { writes, snapshot, moved: false, dropped: 0 };

  const fresh = refresh();
  fresh.statusFormats = snapshot.statusFormats;
  const positions = new Map<string, number[]>();
  for (let r = 0; r < fresh.values.length; r++) {
    const signature = rowSignature(fresh.values[r], dataColumns);
    const list = positions.get(signature);
    if (list === undefined) positions.set(signature, [r + 1]);
    else list.push(r + 1);
  }
  const moved: StatusWrite[] = [];
  let dropped = 0;
  for (const write of writes) {
    const candidates = positions.get(rowSignature(snapshot.values[write.row - 1], dataColumns));
    const target = candidates?.shift();
    if (target === undefined) dropped++;
    else moved.push({ ...write, row: target });
  }
  return { writes: moved, snapshot: fresh, moved: true, dropped };
}

/**
 * Writes statuses for a set of rows with one setValues and one setBackgrounds over the span of
 * rows they cover. Rows inside the span without a write keep the values the snapshot holds.
 */
export function writeStatuses(snapshot: SheetSnapshot, columns: StatusColumns, writes: StatusWrite[]): void {
  if (writes.length === 0) return;
  const byRow = new Map<number, StatusWrite>();
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const write of writes) {
    byRow.set(write.row, write);
    first = Math.min(first, write.row);
    last = Math.max(last, write.row);
  }
  const order = STATUS_COLUMN_KEYS.slice().sort((a, b) => columns[a] - columns[b]);
  const contiguous = order.every((key, i) => columns[key] === columns[order[0]!] + i);
  const values: CellValue[][] = [];
  const colors: Array<Array<string | null>> = [];
  const notes: Array<Array<string | null>> = [];
  const formats = statusFormats(snapshot);
  for (let row = first; row <= last; row++) {
    const write = byRow.get(row);
    const mirror = snapshot.values[row - 1];
    const line: CellValue[] = [];
    for (const key of order) {
      let cell: CellValue;
      if (write !== undefined) {
        cell = statusCell(write, key);
        if (mirror !== undefined) mirror[columns[key] - 1] = cell;
      } else {
        cell = mirror?.[columns[key] - 1] ?? '';
      }
      line.push(cell);
    }
    values.push(line);
    const format = write === undefined ? formats.get(row) : { color: write.color, note: write.note };
    if (write !== undefined) formats.set(row, { color: write.color, note: write.note });
    colors.push([format?.color ?? null]);
    notes.push([format?.note ?? null]);
  }
  const sheet = snapshot.sheet;
  const height = last - first + 1;
  if (contiguous) {
    sheet.getRange(first, columns[order[0]!], height, order.length).setValues(values);
  } else {
    order.forEach((key, index) => {
      sheet.getRange(first, columns[key], height, 1).setValues(values.map((line) => [line[index] ?? '']));
    });
  }
  const statusRange = sheet.getRange(first, columns.status, height, 1);
  statusRange.setBackgrounds(colors);
  statusRange.setNotes(notes);
}

/** Value of one status column for a write; the status text is neutralised so it is never a formula. */
function statusCell(write: StatusWrite, key: StatusColumnKey): CellValue {
  if (key === 'status') return asCellText(write.text);
  if (key === 'pushedAt') return write.pushedAt;
  return write[key];
}

function statusFormats(snapshot: SheetSnapshot): Map<number, { color: string | null; note: string | null }> {
  if (snapshot.statusFormats === undefined) snapshot.statusFormats = new Map();
  return snapshot.statusFormats;
}

/** Reads the status cells' backgrounds and notes once, so rows inside a write span keep them. */
export function loadStatusFormats(snapshot: SheetSnapshot, columns: StatusColumns, headerRow: number): void {
  const rows = snapshot.lastRow - headerRow;
  if (rows <= 0) return;
  const range = snapshot.sheet.getRange(headerRow + 1, columns.status, rows, 1);
  const colors = range.getBackgrounds();
  const notes = range.getNotes();
  const formats = statusFormats(snapshot);
  for (let i = 0; i < rows; i++) {
    const color = colors[i]?.[0];
    const note = notes[i]?.[0];
    formats.set(headerRow + 1 + i, {
      color: color === undefined || color === '#ffffff' ? null : color,
      note: note === undefined || note === '' ? null : note,
    });
  }
}
