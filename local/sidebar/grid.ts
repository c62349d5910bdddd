// Turns the in-memory workbook into the JSON the preview page draws as a grid: display values,
// formulas, background colours and the range the script selected last.

import type { GridRange } from '../runtime/spreadsheet/a1';
import { formatDisplayValue } from '../runtime/spreadsheet/display';
import { localeConventions } from '../runtime/spreadsheet/locale';
import {
  effectiveNumberFormat,
  lastColumnWithContent,
  lastRowWithContent,
  type SheetModel,
  type Workbook,
} from '../runtime/spreadsheet/model';

/** One cell as the grid shows it. */
export interface GridCell {
  /** Display value, as Sheets would show it. */
  text: string;
  /** The formula, when the cell contains one. */
  formula?: string;
  background?: string;
}

export interface GridSheet {
  sheetId: string;
  name: string;
  hidden: boolean;
  frozenRows: number;
  /** Rows from row 1, each cut to the last used column. */
  rows: GridCell[][];
}

export interface GridSnapshot {
  sheets: GridSheet[];
  activeSheetId: string | null;
  selection: GridRange | null;
}

/** Sheets the grid would draw too slowly beyond this many rows are cut, with a note on the page. */
export const MAX_GRID_ROWS = 2000;

export function snapshotWorkbook(workbook: Workbook): GridSnapshot {
  const conventions = localeConventions(workbook.locale);
  return {
    sheets: workbook.sheets.map((sheet) => snapshotSheet(sheet, conventions)),
    activeSheetId: workbook.activeSheetId === null ? null : String(workbook.activeSheetId),
    selection: workbook.activeRange,
  };
}

function snapshotSheet(sheet: SheetModel, conventions: ReturnType<typeof localeConventions>): GridSheet {
  const lastRow = Math.min(lastRowWithContent(sheet), MAX_GRID_ROWS);
  const lastColumn = Math.max(lastColumnWithContent(sheet), lastBackgroundColumn(sheet));
  const rows: GridCell[][] = [];
  for (let row0 = 0; row0 < lastRow; row0++) {
    const row: GridCell[] = [];
    for (let column0 = 0; column0 < lastColumn; column0++) {
      const value = sheet.values.get(row0, column0) ?? '';
      const cell: GridCell = {
        text: formatDisplayValue(value, effectiveNumberFormat(sheet, row0, column0), conventions),
      };
      const formula = sheet.formulas.get(row0, column0);
      if (formula) cell.formula = formula;
      const background = sheet.backgrounds.get(row0, column0);
      if (background && background !== '#ffffff') cell.background = background;
      row.push(cell);
    }
    rows.push(row);
  }
  return {
    sheetId: String(sheet.sheetId),
    name: sheet.name,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    rows,
  };
}

function lastBackgroundColumn(sheet: SheetModel): number {
  let last = 0;
  for (const row of sheet.backgrounds.rows.slice(0, MAX_GRID_ROWS)) {
    if (row) last = Math.max(last, row.length);
  }
  return last;
}
