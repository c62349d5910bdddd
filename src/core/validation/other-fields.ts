/** Readers for the made-to-order flag and the warehouse name. */

import { rowMessages, showValue } from './messages';
import { addError, type FieldColumn, type RowContext, rejectFormulaError, shownText } from './row-context';
import { isDateValue, trimCell } from './text';
import type { CellValue } from './types';

const YES_WORDS: ReadonlySet<string> = new Set(['yes', 'y', 'true', '1']);
const NO_WORDS: ReadonlySet<string> = new Set(['no', 'n', 'false', '0']);

/** Returns the flag, `undefined` for a blank cell, or `null` after recording an error. */
export function readMadeToOrder(
  ctx: RowContext,
  column: FieldColumn,
  value: CellValue,
  display: string | undefined,
): boolean | null | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (value === 1) return true;
    if (value === 0) return false;
  }

  let displayed: string;
  if (typeof value === 'string') {
    displayed = trimCell(value);
    if (displayed === '') return undefined;
    if (rejectFormulaError(ctx, column, displayed)) return null;
    const word = displayed.toLowerCase();
    if (YES_WORDS.has(word)) return true;
    if (NO_WORDS.has(word)) return false;
  } else {
    displayed = shownText(value, display);
  }
  addError(
    ctx,
    column,
    'MADE_TO_ORDER_INVALID',
    displayed,
    rowMessages.madeToOrderInvalid(ctx.row, column.header, showValue(displayed)),
  );
  return null;
}

/** The account's warehouse names, with a case-folded index for "did you mean" messages. */
export interface WarehouseList {
  names: readonly string[];
  exact: ReadonlySet<string>;
  byLowerCase: ReadonlyMap<string, string>;
}

export function createWarehouseList(known: readonly string[]): WarehouseList {
  const names = known.includes('Default') ? [...known] : ['Default', ...known];
  const byLowerCase = new Map<string, string>();
  for (const name of names)
    if (!byLowerCase.has(name.toLowerCase())) byLowerCase.set(name.toLowerCase(), name);
  return { names, exact: new Set(names), byLowerCase };
}

/**
 * Returns the warehouse named in the cell, `undefined` for a blank cell (the caller applies the
 * default), or `null` after recording an error. Names must match the list exactly.
 */
export function readWarehouse(
  ctx: RowContext,
  column: FieldColumn,
  value: CellValue,
  display: string | undefined,
  warehouses: WarehouseList,
): string | null | undefined {
  if (typeof value === 'boolean' || isDateValue(value)) {
    const displayed = shownText(value, display);
    addError(
      ctx,
      column,
      'WAREHOUSE_UNKNOWN',
      displayed,
      rowMessages.warehouseUnknown(ctx.row, column.header, displayed, warehouses.names),
    );
    return null;
  }
  const name = typeof value === 'number' ? String(value) : trimCell(value);
  if (name === '') return undefined;
  if (rejectFormulaError(ctx, column, name)) return null;
  if (warehouses.exact.has(name)) return name;

  const knownName = warehouses.byLowerCase.get(name.toLowerCase());
  if (knownName !== undefined) {
    addError(
      ctx,
      column,
      'WAREHOUSE_CASE',
      name,
      rowMessages.warehouseCase(ctx.row, column.header, name, knownName),
    );
    return null;
  }
  addError(
    ctx,
    column,
    'WAREHOUSE_UNKNOWN',
    name,
    rowMessages.warehouseUnknown(ctx.row, column.header, name, warehouses.names),
  );
  return null;
}
