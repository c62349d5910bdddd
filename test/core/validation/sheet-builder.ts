/**
 * Compact builders for validation inputs. A row is an array of cells: a string is a text cell,
 * a number a Number cell, a Date a Date cell, and `shown(value, display)` sets the text that
 * `getDisplayValues()` returns when it differs from the plain string form.
 */

import type { CellValue, SheetInput, ValidationConfig, ValidationResult } from '../../../src/core/validation';
import type { ValidatedRow } from '../../../src/shared/types';

export interface ShownCell {
  value: CellValue;
  display: string;
}

export type CellSpec = CellValue | ShownCell;

export function shown(value: CellValue, display: string): ShownCell {
  return { value, display };
}

/** Formats a Date as yyyy-MM-dd in a time zone, as `Utilities.formatDate` does. */
export function formatDate(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Returns the instant of midnight on a calendar day in a time zone, as a Date cell stores it. */
export function dateCell(isoDay: string, timeZone = 'UTC'): Date {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(guess));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return new Date(guess - (asUtc - guess));
}

function isShown(cell: CellSpec): cell is ShownCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && 'display' in cell;
}

function displayOf(cell: CellValue, timeZone: string): string {
  if (cell instanceof Date) return formatDate(cell, timeZone);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

export interface SheetOptions {
  sheetName?: string;
  timeZone?: string;
  locale?: string;
}

export function sheet(rows: CellSpec[][], options: SheetOptions = {}): SheetInput {
  const timeZone = options.timeZone ?? 'UTC';
  const values = rows.map((row) => row.map((cell) => (isShown(cell) ? cell.value : cell)));
  const displayValues = rows.map((row) =>
    row.map((cell) => (isShown(cell) ? cell.display : displayOf(cell, timeZone))),
  );
  return {
    sheetName: options.sheetName ?? 'Inventory',
    values,
    displayValues,
    timeZone,
    locale: options.locale ?? 'en_US',
  };
}

export function config(overrides: Partial<ValidationConfig> = {}): ValidationConfig {
  return {
    defaultWarehouse: 'Default',
    knownWarehouses: ['Main', 'Outlet'],
    reservedHeaders: ['Status', 'Pushed at', 'JOOR log id'],
    interactive: true,
    formatDate,
    ...overrides,
  };
}

/** Finds the result of a 1-based sheet row, failing the test when there is none. */
export function rowOf(result: ValidationResult, row: number): ValidatedRow {
  const found = result.rows.find((r) => r.row === row);
  if (found === undefined) throw new Error(`no result for row ${row}`);
  return found;
}

/** Returns the codes of a row's issues, in order. */
export function codesOf(row: ValidatedRow): string[] {
  return row.issues.map((issue) => issue.code);
}

/** Returns the message of a row's first issue with the code, or '' when there is none. */
export function messageOf(row: ValidatedRow, code: string): string {
  return row.issues.find((issue) => issue.code === code)?.message ?? '';
}
