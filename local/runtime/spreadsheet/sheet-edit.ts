// Structural edits of a sheet model: inserting and deleting rows and columns moves every
// per-cell layer and every row- or column-keyed setting with the cells.

import type { GridRange } from './a1';
import type { CellLayer, SheetModel } from './model';

function layersOf(sheet: SheetModel): CellLayer<unknown>[] {
  return [
    sheet.values,
    sheet.formulas,
    sheet.numberFormats,
    sheet.notes,
    sheet.backgrounds,
    sheet.fontColors,
    sheet.fontWeights,
  ] as CellLayer<unknown>[];
}

/** Returns the numbers of a set moved for an insertion (count > 0) or a deletion (count < 0). */
function shiftNumbers(numbers: Iterable<number>, at: number, count: number): Set<number> {
  const shifted = new Set<number>();
  for (const number of numbers) {
    if (number < at) shifted.add(number);
    else if (count > 0) shifted.add(number + count);
    else if (number >= at - count) shifted.add(number + count);
  }
  return shifted;
}

/** Moves a span [start, start + length) for an insertion or deletion at `at`, or returns null if deleted. */
function shiftSpan(start: number, length: number, at: number, count: number): [number, number] | null {
  const end = start + length;
  if (count > 0) {
    if (at <= start) return [start + count, length];
    if (at < end) return [start, length + count];
    return [start, length];
  }
  const deletedEnd = at - count;
  const keptBefore = Math.max(0, Math.min(end, at) - start);
  const keptAfter = Math.max(0, end - Math.max(start, deletedEnd));
  const newLength = keptBefore + keptAfter;
  if (newLength === 0) return null;
  return [start < at ? start : Math.max(at, start + count), newLength];
}

function shiftRangeRows(range: GridRange, at: number, count: number): GridRange | null {
  const span = shiftSpan(range.row, range.numRows, at, count);
  return span ? { ...range, row: span[0], numRows: span[1] } : null;
}

function shiftRangeColumns(range: GridRange, at: number, count: number): GridRange | null {
  const span = shiftSpan(range.column, range.numColumns, at, count);
  return span ? { ...range, column: span[0], numColumns: span[1] } : null;
}

function shiftRanges(sheet: SheetModel, shift: (range: GridRange) => GridRange | null): void {
  sheet.merges = sheet.merges
    .map(shift)
    .filter((range): range is GridRange => range !== null && range.numRows * range.numColumns > 1);
  sheet.filterRange = sheet.filterRange ? shift(sheet.filterRange) : null;
  sheet.protections = sheet.protections.filter((protection) => {
    if (!protection.range) return true;
    protection.range = shift(protection.range);
    return protection.range !== null;
  });
}

/** Inserts `count` empty rows before the 1-based row `at`. */
export function insertRows(sheet: SheetModel, at: number, count: number): void {
  for (const layer of layersOf(sheet)) layer.insertRows(at - 1, count);
  sheet.rowsHiddenByUser = shiftNumbers(sheet.rowsHiddenByUser, at, count);
  sheet.rowsHiddenByFilter = shiftNumbers(sheet.rowsHiddenByFilter, at, count);
  shiftRanges(sheet, (range) => shiftRangeRows(range, at, count));
  sheet.maxRows += count;
}

/** Deletes `count` rows starting at the 1-based row `at`. */
export function deleteRows(sheet: SheetModel, at: number, count: number): void {
  for (const layer of layersOf(sheet)) layer.deleteRows(at - 1, count);
  sheet.rowsHiddenByUser = shiftNumbers(sheet.rowsHiddenByUser, at, -count);
  sheet.rowsHiddenByFilter = shiftNumbers(sheet.rowsHiddenByFilter, at, -count);
  shiftRanges(sheet, (range) => shiftRangeRows(range, at, -count));
  sheet.maxRows -= count;
  if (sheet.frozenRows >= at) sheet.frozenRows = Math.max(at - 1, sheet.frozenRows - count);
}

/** Inserts `count` empty columns before the 1-based column `at`. */
export function insertColumns(sheet: SheetModel, at: number, count: number): void {
  for (const layer of layersOf(sheet)) layer.insertColumns(at - 1, count);
  if (at - 1 < sheet.columnNumberFormats.length) {
    sheet.columnNumberFormats.splice(at - 1, 0, ...new Array<undefined>(count));
  }
  sheet.hiddenColumns = shiftNumbers(sheet.hiddenColumns, at, count);
  sheet.columnWidths = shiftWidths(sheet.columnWidths, at, count);
  shiftRanges(sheet, (range) => shiftRangeColumns(range, at, count));
  sheet.maxColumns += count;
}

/** Deletes `count` columns starting at the 1-based column `at`. */
export function deleteColumns(sheet: SheetModel, at: number, count: number): void {
  for (const layer of layersOf(sheet)) layer.deleteColumns(at - 1, count);
  sheet.columnNumberFormats.splice(at - 1, count);
  sheet.hiddenColumns = shiftNumbers(sheet.hiddenColumns, at, -count);
  sheet.columnWidths = shiftWidths(sheet.columnWidths, at, -count);
  shiftRanges(sheet, (range) => shiftRangeColumns(range, at, -count));
  sheet.maxColumns -= count;
  if (sheet.frozenColumns >= at) sheet.frozenColumns = Math.max(at - 1, sheet.frozenColumns - count);
}

function shiftWidths(widths: Map<number, number>, at: number, count: number): Map<number, number> {
  const shifted = new Map<number, number>();
  for (const [column, width] of widths) {
    if (column < at) shifted.set(column, width);
    else if (count > 0) shifted.set(column + count, width);
    else if (column >= at - count) shifted.set(column + count, width);
  }
  return shifted;
}
