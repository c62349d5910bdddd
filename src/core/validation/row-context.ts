/** Per-row state shared by the cell readers: where issues go and how cells are named. */

import type { FieldId, RowIssue } from '../../shared/types';
import type { DateFormatter } from '../ports';
import { rowMessages } from './messages';
import { findFormulaError, isUncalculatedValue } from './text';

/** A column that feeds a field, resolved once per sheet. */
export interface FieldColumn {
  field: FieldId;
  /** 0-based column index. */
  index: number;
  header: string;
}

/** Mutable state of the row being validated; one instance is reused for every row of a sheet. */
export interface RowContext {
  /** 1-based sheet row. */
  row: number;
  issues: RowIssue[];
  /** True once a cell of this row is `#N/A` or `Loading...`. */
  uncalculated: boolean;
  timeZone: string;
  /** True when the spreadsheet locale writes dates month first (en_US). */
  monthFirst: boolean;
  formatDate: DateFormatter;
}

export function addError(
  ctx: RowContext,
  column: FieldColumn,
  code: string,
  value: string,
  message: string,
): void {
  ctx.issues.push({ severity: 'error', code, field: column.field, column: column.header, value, message });
}

export function addWarning(
  ctx: RowContext,
  column: FieldColumn,
  code: string,
  value: string,
  message: string,
): void {
  ctx.issues.push({ severity: 'warning', code, field: column.field, column: column.header, value, message });
}

/**
 * Records an issue when a trimmed text cell is a formula error value, and returns whether it was.
 * `#N/A` and `Loading...` also mark the row as uncalculated.
 */
export function rejectFormulaError(ctx: RowContext, column: FieldColumn, text: string): boolean {
  const errorValue = findFormulaError(text);
  if (errorValue === undefined) return false;
  if (isUncalculatedValue(errorValue)) ctx.uncalculated = true;
  addError(
    ctx,
    column,
    'FORMULA_ERROR',
    errorValue,
    rowMessages.formulaError(ctx.row, column.header, errorValue),
  );
  return true;
}

/** Returns the displayed text of a non-text cell for messages, else its string form. */
export function shownText(value: number | boolean | Date, display: string | undefined): string {
  if (display !== undefined && display !== '') return display.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
