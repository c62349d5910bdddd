/**
 * Validation of one data row: reads every mapped cell, decides how the row identifies its SKU
 * (UPC first, then the style tuple, then JOOR ids) and builds the line to send.
 */

import type { FieldId, IdentityMode, InventoryItem, RowIssue, ValidatedRow } from '../../shared/types';
import { readInventoryDate } from './dates';
import { toGtin14 } from './gtin';
import { readCode, readGtin, readJoorId } from './identifiers';
import { FIELD_NOUNS, rowMessages } from './messages';
import { readMadeToOrder, readWarehouse, type WarehouseList } from './other-fields';
import { type NumberSeparators, readQuantity } from './quantity';
import { addError, type FieldColumn, type RowContext } from './row-context';
import { trimCell } from './text';
import type { CellValue } from './types';

/** The column of each field present in the sheet. */
export type SheetColumns = Partial<Record<FieldId, FieldColumn>>;

/** Everything a row needs that is fixed for the whole sheet. */
export interface SheetEnvironment {
  columns: SheetColumns;
  /** Header of each column by 0-based index, for issues raised on an unmapped cell. */
  headers: readonly string[];
  separators: NumberSeparators;
  warehouses: WarehouseList;
  defaultWarehouse: string;
  defaultWarehouseKnown: boolean;
  knownWarehouseNames: readonly string[];
}

/**
 * Separator of duplicate-key parts: U+241F SYMBOL FOR UNIT SEPARATOR. Keys are stored in the
 * confirmed-state sheet, so the separator must survive a cell: a control character such as
 * U+001F does not survive .xlsx files (XML 1.0 forbids it), and a printable one does.
 */
export const KEY_SEPARATOR = '\u241f';

/** Labels that start a totals row, such as TOTAL, Grand total, Subtotal or Summe. */
const TOTALS_LABEL =
  /^(?:(?:grand|sub)[\s-]*)?totals?(?![a-z])|^(?:sum|summe|gesamt|totaal|totale)(?![a-z])/i;

/** Values read from one row; one instance is reused for every row of a sheet. */
export interface RowFields {
  upc: string | null | undefined;
  styleNumber: string | null | undefined;
  styleIdentifier: string | null | undefined;
  colorCode: string | null | undefined;
  size: string | null | undefined;
  styleId: number | null | undefined;
  styleColorId: number | null | undefined;
  sizeCode: string | null | undefined;
  quantity: number | null | undefined;
  warehouse: string | null | undefined;
  inventoryDate: string | null | undefined;
  madeToOrder: boolean | null | undefined;
}

export function createRowFields(): RowFields {
  return {
    upc: undefined,
    styleNumber: undefined,
    styleIdentifier: undefined,
    colorCode: undefined,
    size: undefined,
    styleId: undefined,
    styleColorId: undefined,
    sizeCode: undefined,
    quantity: undefined,
    warehouse: undefined,
    inventoryDate: undefined,
    madeToOrder: undefined,
  };
}

/** Reads every mapped cell of a row into `fields`; an absent column leaves its field undefined. */
function readFields(
  ctx: RowContext,
  env: SheetEnvironment,
  values: CellValue[],
  displays: string[],
  fields: RowFields,
): void {
  const c = env.columns;
  let column = c.upc;
  fields.upc = column && readGtin(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.style_number;
  fields.styleNumber = column && readCode(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.style_identifier;
  fields.styleIdentifier =
    column && readCode(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.color_code;
  fields.colorCode = column && readCode(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.size;
  fields.size = column && readCode(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.style_id;
  fields.styleId = column && readJoorId(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.style_color_id;
  fields.styleColorId = column && readJoorId(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.size_code;
  fields.sizeCode = column && readCode(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.quantity;
  fields.quantity =
    column && readQuantity(ctx, column, values[column.index] ?? '', displays[column.index], env.separators);
  column = c.warehouse;
  fields.warehouse =
    column && readWarehouse(ctx, column, values[column.index] ?? '', displays[column.index], env.warehouses);
  column = c.inventory_date;
  fields.inventoryDate =
    column && readInventoryDate(ctx, column, values[column.index] ?? '', displays[column.index]);
  column = c.made_to_order;
  fields.madeToOrder =
    column && readMadeToOrder(ctx, column, values[column.index] ?? '', displays[column.index]);
}

/** Validates one non-blank data row. `ctx.row` and a fresh `ctx.issues` are set by the caller. */
export function validateRow(
  ctx: RowContext,
  env: SheetEnvironment,
  values: CellValue[],
  displays: string[],
  fields: RowFields,
): ValidatedRow {
  readFields(ctx, env, values, displays, fields);
  const identity = decideIdentity(ctx, env, fields);

  if (identity === undefined || (ctx.issues.length > 0 && hasIdentityError(ctx.issues))) {
    const totals = findTotalsLabel(values);
    if (totals !== undefined) {
      const header = env.headers[totals.index] ?? `column ${totals.index + 1}`;
      const message = rowMessages.totalsRow(ctx.row, header, `"${totals.text}"`);
      ctx.issues = [{ severity: 'error', code: 'TOTALS_ROW', column: header, value: totals.text, message }];
      return { row: ctx.row, outcome: 'invalid', issues: ctx.issues };
    }
  }

  let quantity = fields.quantity;
  if (quantity === undefined && env.columns.quantity !== undefined) {
    if (fields.madeToOrder === true) quantity = 0;
    else
      addError(
        ctx,
        env.columns.quantity,
        'QUANTITY_BLANK',
        '',
        rowMessages.quantityBlank(ctx.row, env.columns.quantity.header),
      );
  }

  let warehouse = fields.warehouse;
  if (warehouse === undefined) {
    warehouse = env.defaultWarehouse;
    if (!env.defaultWarehouseKnown) {
      const message = rowMessages.defaultWarehouseUnknown(
        ctx.row,
        env.defaultWarehouse,
        env.knownWarehouseNames,
      );
      ctx.issues.push({
        severity: 'error',
        code: 'WAREHOUSE_UNKNOWN',
        field: 'warehouse',
        value: warehouse,
        message,
      });
    }
  }

  const issues = ctx.issues;
  if (
    identity === undefined ||
    quantity == null ||
    warehouse === null ||
    (issues.length > 0 && hasError(issues))
  ) {
    return { row: ctx.row, outcome: 'invalid', issues };
  }
  const item = buildItem(identity, fields, quantity, warehouse);
  const key = buildKey(identity, item);
  return {
    row: ctx.row,
    outcome: 'valid',
    issues: issues.length === 0 ? NO_ISSUES : dropUnsentFieldWarnings(issues, identity),
    identity,
    key,
    item,
  };
}

/** Fields each identity sends; warnings about other identity columns would describe lines never sent. */
const SENT_IDENTITY_FIELDS: Readonly<Record<IdentityMode, ReadonlySet<string>>> = {
  upc: new Set(['upc']),
  style: new Set(['style_number', 'style_identifier', 'color_code', 'size']),
  joor_ids: new Set(['style_id', 'style_color_id', 'size_code']),
};
/** Shared by every clean row; code that adds an issue later replaces the list instead of pushing. */
const NO_ISSUES: RowIssue[] = [];

function dropUnsentFieldWarnings(issues: RowIssue[], identity: IdentityMode): RowIssue[] {
  const sent = SENT_IDENTITY_FIELDS[identity];
  return issues.filter(
    (issue) => issue.field === undefined || !IDENTITY_FIELDS.has(issue.field) || sent.has(issue.field),
  );
}

function hasError(issues: readonly RowIssue[]): boolean {
  for (const issue of issues) if (issue.severity === 'error') return true;
  return false;
}

const IDENTITY_FIELDS: ReadonlySet<FieldId | undefined> = new Set<FieldId | undefined>([
  'upc',
  'style_number',
  'style_identifier',
  'color_code',
  'size',
  'style_id',
  'style_color_id',
  'size_code',
  undefined,
]);

function hasIdentityError(issues: readonly RowIssue[]): boolean {
  for (const issue of issues) if (issue.severity === 'error' && IDENTITY_FIELDS.has(issue.field)) return true;
  return false;
}

/**
 * Returns how the row identifies its SKU, recording what is missing. A UPC cell that is filled
 * in always decides, even when it is invalid: a row never falls back silently to other columns.
 */
function decideIdentity(ctx: RowContext, env: SheetEnvironment, fields: RowFields): IdentityMode | undefined {
  const c = env.columns;
  if (fields.upc !== undefined) return fields.upc === null ? undefined : 'upc';

  const styleFilled =
    fields.styleNumber !== undefined ||
    fields.colorCode !== undefined ||
    fields.size !== undefined ||
    fields.styleIdentifier !== undefined;
  if (styleFilled) {
    let complete = requirePart(ctx, c.style_number, fields.styleNumber, 'style_number', 'style');
    complete = requirePart(ctx, c.color_code, fields.colorCode, 'color_code', 'style') && complete;
    complete = requirePart(ctx, c.size, fields.size, 'size', 'style') && complete;
    if (c.style_identifier !== undefined && fields.styleIdentifier === undefined) {
      const message = rowMessages.styleIdentifierBlank(ctx.row, c.style_identifier.header);
      addError(ctx, c.style_identifier, 'MISSING_VALUE', '', message);
      complete = false;
    } else if (fields.styleIdentifier === null) {
      complete = false;
    }
    return complete ? 'style' : undefined;
  }

  const idsFilled =
    fields.styleId !== undefined || fields.styleColorId !== undefined || fields.sizeCode !== undefined;
  if (idsFilled) {
    let complete = requirePart(ctx, c.style_id, fields.styleId, 'style_id', 'JOOR ids');
    complete =
      requirePart(ctx, c.style_color_id, fields.styleColorId, 'style_color_id', 'JOOR ids') && complete;
    complete = requirePart(ctx, c.size_code, fields.sizeCode, 'size_code', 'JOOR ids') && complete;
    return complete ? 'joor_ids' : undefined;
  }

  ctx.issues.push({
    severity: 'error',
    code: 'NO_IDENTIFIER',
    value: '',
    message: rowMessages.noIdentifier(ctx.row),
  });
  return undefined;
}

/** Records a blank or absent part of an identity; returns true when the part has a valid value. */
function requirePart(
  ctx: RowContext,
  column: FieldColumn | undefined,
  value: string | number | null | undefined,
  field: FieldId,
  identity: string,
): boolean {
  if (value === null) return false;
  if (value !== undefined) return true;
  if (column === undefined) {
    const message = rowMessages.missingColumn(ctx.row, FIELD_NOUNS[field], identity);
    ctx.issues.push({ severity: 'error', code: 'MISSING_COLUMN', field, value: '', message });
    return false;
  }
  addError(
    ctx,
    column,
    'MISSING_VALUE',
    '',
    rowMessages.missingValue(ctx.row, column.header, FIELD_NOUNS[field]),
  );
  return false;
}

function findTotalsLabel(values: CellValue[]): { index: number; text: string } | undefined {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string' || value === '') continue;
    const text = trimCell(value);
    if (TOTALS_LABEL.test(text)) return { index: i, text };
  }
  return undefined;
}

/** Builds the JOOR line: warehouse always, then the identity fields, quantity and options. */
function buildItem(
  identity: IdentityMode,
  fields: RowFields,
  quantity: number,
  warehouse: string,
): InventoryItem {
  const item: InventoryItem = { warehouse, inventory: quantity };
  if (fields.inventoryDate != null) item.inventory_date = fields.inventoryDate;
  if (identity === 'upc') {
    item.upc = fields.upc!;
  } else if (identity === 'style') {
    item.style_number = fields.styleNumber!;
    item.style_identifier = fields.styleIdentifier ?? fields.styleNumber!;
    item.color_code = fields.colorCode!;
    item.size = fields.size!;
  } else {
    item.style_id = fields.styleId!;
    item.style_color_id = fields.styleColorId!;
    item.size_code = fields.sizeCode!;
  }
  if (fields.madeToOrder != null) item.made_to_order = fields.madeToOrder;
  return item;
}

/**
 * Builds the duplicate key: identity, warehouse and date joined by KEY_SEPARATOR. GTINs are
 * compared in GTIN-14 form; everything else is case-sensitive, as JOOR matches it.
 */
export function buildKey(identity: IdentityMode, item: InventoryItem): string {
  const S = KEY_SEPARATOR;
  let sku: string;
  if (identity === 'upc') sku = `upc${S}${toGtin14(item.upc!)}`;
  else if (identity === 'style')
    sku = `style${S}${item.style_number}${S}${item.style_identifier}${S}${item.color_code}${S}${item.size}`;
  else sku = `ids${S}${item.style_id}${S}${item.style_color_id}${S}${item.size_code}`;
  return `${sku}${S}${item.warehouse ?? ''}${S}${item.inventory_date ?? ''}`;
}
