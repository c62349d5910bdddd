/**
 * Sheet validation in one pass over the arrays of one `getValues()` and one `getDisplayValues()`
 * call: layout first, then every row below the header, then duplicates across rows.
 */

import type { FieldId, ValidatedRow } from '../../shared/types';
import { markDuplicates } from './duplicates';
import { type ColumnLayout, detectLayout } from './layout';
import { notes } from './messages';
import { createWarehouseList } from './other-fields';
import { createNumberSeparators } from './quantity';
import type { FieldColumn, RowContext } from './row-context';
import { trimCell } from './text';
import type { CellValue, SheetInput, ValidationConfig, ValidationCounts, ValidationResult } from './types';
import { createRowFields, type SheetColumns, type SheetEnvironment, validateRow } from './validate-row';

/** Locales whose spreadsheets read 03-04-2025 as March 4; the others read it as 3 April. */
const MONTH_FIRST_LOCALES: ReadonlySet<string> = new Set([
  'en_US',
  'en',
  'es_US',
  'en_PH',
  'fil_PH',
  'en_CA',
]);

/**
 * Validates every data row of a sheet and returns one result per non-blank row below the
 * header. When `problems` is not empty, the sheet cannot be pushed and `rows` is empty.
 */
export function validateSheet(input: SheetInput, config: ValidationConfig): ValidationResult {
  const layout = detectLayout(input, config);
  const counts: ValidationCounts = {
    dataRows: 0,
    valid: 0,
    invalid: 0,
    duplicate: 0,
    withWarnings: 0,
    blankRows: 0,
    uncalculated: 0,
  };
  const resultNotes = [...layout.notes, notes.hiddenRows];
  const base = {
    headerRow: layout.headerRow,
    columns: layout.columns,
    problems: layout.problems,
    notes: resultNotes,
  };
  if (layout.problems.length > 0) return { ...base, rows: [], counts };

  const env = createEnvironment(input, config, layout);
  const ctx: RowContext = {
    row: 0,
    issues: [],
    uncalculated: false,
    timeZone: input.timeZone,
    monthFirst: MONTH_FIRST_LOCALES.has(input.locale),
    formatDate: config.formatDate,
  };
  const reserved = layout.reservedIndexes;
  const rows: ValidatedRow[] = [];
  const fields = createRowFields();

  for (let r = layout.headerRow; r < input.values.length; r++) {
    const values = input.values[r] ?? [];
    if (isBlankRow(values, reserved)) {
      counts.blankRows++;
      continue;
    }
    ctx.row = r + 1;
    ctx.issues = [];
    ctx.uncalculated = false;
    rows.push(validateRow(ctx, env, values, input.displayValues[r] ?? [], fields));
    if (ctx.uncalculated) counts.uncalculated++;
  }

  markDuplicates(rows, env.columns.quantity?.header ?? '');
  countOutcomes(rows, counts);
  return { ...base, rows, counts };
}

function createEnvironment(
  input: SheetInput,
  config: ValidationConfig,
  layout: ColumnLayout,
): SheetEnvironment {
  const columns: SheetColumns = {};
  for (const [field, index] of Object.entries(layout.fieldIndex) as Array<[FieldId, number]>) {
    const column: FieldColumn = { field, index, header: layout.fieldHeader[field] ?? '' };
    columns[field] = column;
  }
  const headers: string[] = [];
  for (const info of layout.columns) headers[info.column - 1] = info.header;

  const warehouses = createWarehouseList(config.knownWarehouses);
  const defaultWarehouse = trimCell(config.defaultWarehouse);
  return {
    columns,
    headers,
    separators: createNumberSeparators(input.locale),
    warehouses,
    defaultWarehouse,
    defaultWarehouseKnown: warehouses.exact.has(defaultWarehouse),
    knownWarehouseNames: warehouses.names,
  };
}

/** Tests whether every cell outside the add-on's status columns is empty or whitespace. */
function isBlankRow(values: readonly CellValue[], reserved: ReadonlySet<number>): boolean {
  for (let c = 0; c < values.length; c++) {
    const value = values[c];
    if (value === '' || value === undefined || reserved.has(c)) continue;
    if (typeof value === 'string' && trimCell(value) === '') continue;
    return false;
  }
  return true;
}

function countOutcomes(rows: readonly ValidatedRow[], counts: ValidationCounts): void {
  counts.dataRows = rows.length;
  for (const row of rows) {
    if (row.outcome === 'valid') {
      counts.valid++;
      if (row.issues.length > 0) counts.withWarnings++;
    } else if (row.outcome === 'duplicate') {
      counts.duplicate++;
    } else {
      counts.invalid++;
    }
  }
}
