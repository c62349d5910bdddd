/**
 * Sheet validation in one pass over the arrays of one `getValues()` and one `getDisplayValues()`
 * call: layout first, then every row below the header, then duplicates across rows.
 */

import type { FieldId, ValidatedRow } from '../../shared/types';
import { markDuplicates } from './duplicates';
import { type ColumnLayout, detectLayout, headerFieldsOf } from './layout';
import { notes, rowMessages } from './messages';
import { createWarehouseList } from './other-fields';
import { createNumberSeparators } from './quantity';
import type { FieldColumn, RowContext } from './row-context';
import { trimCell } from './text';
import type {
  CellValue,
  MergedRange,
  SheetInput,
  ValidationConfig,
  ValidationCounts,
  ValidationResult,
} from './types';
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
  const quantityIndex = layout.fieldIndex.quantity;
  let foreignHeaderRow = 0;

  for (let r = layout.headerRow; r < input.values.length; r++) {
    const values = input.values[r] ?? [];
    if (isBlankRow(values, reserved)) {
      counts.blankRows++;
      continue;
    }
    // Only a row whose quantity cell is text can be a header, which keeps this check off the
    // common path of a numeric quantity.
    const quantityCell = quantityIndex === undefined ? undefined : values[quantityIndex];
    if (typeof quantityCell === 'string' && quantityCell !== '') {
      const header = headerFieldsOf(input, r);
      if (header.size >= 2) {
        const same = [...header].every(([field, index]) => layout.fieldIndex[field as FieldId] === index);
        foreignHeaderRow = same ? 0 : r + 1;
        const message = same
          ? rowMessages.repeatedHeader(r + 1, layout.headerRow)
          : rowMessages.secondHeader(r + 1, layout.headerRow);
        rows.push(structureError(r + 1, same ? 'REPEATED_HEADER' : 'SECOND_HEADER', message));
        continue;
      }
    }
    if (foreignHeaderRow > 0) {
      const message = rowMessages.belowSecondHeader(r + 1, foreignHeaderRow);
      rows.push(structureError(r + 1, 'BELOW_SECOND_HEADER', message));
      continue;
    }
    ctx.row = r + 1;
    // A clean row returns a shared empty list, so the scratch list serves the next row unless a
    // result kept it.
    if (ctx.issues.length > 0 || rows[rows.length - 1]?.issues === ctx.issues) ctx.issues = [];
    ctx.uncalculated = false;
    rows.push(validateRow(ctx, env, values, input.displayValues[r] ?? [], fields));
    if (ctx.uncalculated) counts.uncalculated++;
  }

  if (input.merges !== undefined && input.merges.length > 0) markMergedCells(rows, input.merges, env);
  markDuplicates(rows, env.columns.quantity?.header ?? '');
  countOutcomes(rows, counts);
  return { ...base, rows, counts };
}

function structureError(row: number, code: string, message: string): ValidatedRow {
  return { row, outcome: 'invalid', issues: [{ severity: 'error', code, message }] };
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function a1Range(range: MergedRange): string {
  const first = `${columnLetters(range.column)}${range.row}`;
  const last = `${columnLetters(range.column + range.numColumns - 1)}${range.row + range.numRows - 1}`;
  return `${first}:${last}`;
}

/**
 * Makes rows invalid where a field the add-on reads sits in a merged range but not in its
 * top-left cell: getValues() gives '' there, which would otherwise read as an empty cell and,
 * for a warehouse or a date, silently fall back to the default.
 */
function markMergedCells(rows: ValidatedRow[], merges: readonly MergedRange[], env: SheetEnvironment): void {
  const byRow = new Map<number, ValidatedRow>();
  for (const row of rows) byRow.set(row.row, row);
  const fieldColumns = Object.values(env.columns).filter(
    (column): column is FieldColumn => column !== undefined,
  );
  for (const range of merges) {
    for (const column of fieldColumns) {
      const sheetColumn = column.index + 1;
      if (sheetColumn < range.column || sheetColumn >= range.column + range.numColumns) continue;
      for (let row = range.row; row < range.row + range.numRows; row++) {
        if (row === range.row && sheetColumn === range.column) continue;
        const result = byRow.get(row);
        if (result === undefined) continue;
        result.issues = [
          ...result.issues,
          {
            severity: 'error',
            code: 'MERGED_CELL',
            field: column.field,
            column: column.header,
            message: rowMessages.mergedCell(row, column.header, a1Range(range)),
          },
        ];
        result.outcome = 'invalid';
        delete result.item;
        delete result.key;
      }
    }
  }
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
