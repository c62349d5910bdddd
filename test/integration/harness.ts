/**
 * Shared pieces of the end-to-end push tests: a catalogue to seed the emulator with, sheets
 * built from it, a driver that runs a push to the end the way the CLI does, and readers for the
 * status columns the add-on writes.
 */

import { appendGs1CheckDigit } from '../../examples/lib/gtin';
import type { PositionView } from '../../local/emulator/client';
import type { EmulatorSeed, SeedSku } from '../../local/emulator/seed-types';
import type { ExecutionResult, LocalRuntime } from '../../local/runtime';
import type { Workbook } from '../../local/runtime/spreadsheet';
import type { ApiResult, PushProgressDto, StartPushRequest } from '../../src/shared/api';
import type { PushOptions } from '../../src/shared/types';
import { type CellInput, DEFAULT_TEST_OPTIONS, makeWorkbook, sheetValues } from '../helpers/local-addon';

export const WAREHOUSE = 'Default';
export const HEADER = ['UPC', 'Quantity', 'Warehouse'];
export const STATUS_HEADER = 'JOOR Status';
export const STATE_HEADER = 'JOOR Sync State';

/** Returns the 12-digit UPC-A of catalogue entry `index` (0-based). */
export function upcOf(index: number): string {
  return appendGs1CheckDigit(`08${String(index).padStart(9, '0')}`);
}

/** Builds an emulator seed whose catalogue contains `size` SKUs identified by `upcOf(0…size-1)`. */
export function catalogueSeed(size: number): EmulatorSeed {
  const catalogue: SeedSku[] = [];
  for (let index = 0; index < size; index++) {
    const styleNumber = `INT-${String(Math.floor(index / 4)).padStart(5, '0')}`;
    catalogue.push({
      style_id: 700_000 + Math.floor(index / 4),
      style_color_id: 7_000_000 + index,
      style_number: styleNumber,
      style_identifier: styleNumber,
      color_code: '001',
      size: `S${index % 4}`,
      size_code: `SZ-${index % 4}`,
      upc: upcOf(index),
    });
  }
  return {
    accountId: '900003',
    token: 'integration-token-not-a-secret-0000',
    warehouses: [WAREHOUSE],
    catalogue,
  };
}

/** A data row: catalogue index and the quantity to send. */
export interface SheetRow {
  index: number;
  quantity: CellInput;
}

/** Builds a workbook with the UPC, Quantity and Warehouse header and one row per entry. */
export function inventoryWorkbook(rows: SheetRow[]): Workbook {
  return makeWorkbook([HEADER, ...rows.map((row) => [upcOf(row.index), row.quantity, WAREHOUSE])]);
}

/** Returns `count` rows with catalogue indexes `first…first+count-1` and quantities 1, 2, 3 … */
export function sequentialRows(count: number, first = 0): SheetRow[] {
  return Array.from({ length: count }, (_, offset) => ({ index: first + offset, quantity: offset + 1 }));
}

export function pushOptions(overrides: Partial<PushOptions> = {}): PushOptions {
  return { ...DEFAULT_TEST_OPTIONS, ...overrides };
}

/** Returns the endpoint's value, or throws with the runtime's error or the add-on's failure. */
export function unwrapProgress(
  result: ExecutionResult<ApiResult<{ progress: PushProgressDto }>>,
  name: string,
): PushProgressDto {
  if (!result.ok) {
    const reason = result.killed ? 'killed at the execution time limit' : result.error?.message;
    throw new Error(`${name} failed: ${reason}`);
  }
  const value = result.value;
  if (value === undefined) throw new Error(`${name} returned nothing`);
  if (!value.ok) throw new Error(`${name} was rejected: ${value.code}: ${value.message}`);
  return value.progress;
}

/** Entry point that starts the push: the sidebar's, whose executions end after a short slice, or the CLI's. */
export type PushEntry = 'sidebar' | 'cli';

export function startPush(
  runtime: LocalRuntime,
  request: Partial<StartPushRequest> = {},
  entry: PushEntry = 'sidebar',
): ExecutionResult<ApiResult<{ progress: PushProgressDto }>> {
  return runtime.execute<ApiResult<{ progress: PushProgressDto }>>(
    entry === 'cli' ? 'cliStartPush' : 'startPush',
    [{ sheetId: '0', options: pushOptions(), ...request }],
    { kind: entry },
  );
}

export function continuePush(
  runtime: LocalRuntime,
  runId: string,
): ExecutionResult<ApiResult<{ progress: PushProgressDto }>> {
  return runtime.execute<ApiResult<{ progress: PushProgressDto }>>('continuePush', [runId, false], {
    kind: 'sidebar',
  });
}

/** Waits (on the virtual clock) until the time a stopped execution asked to resume at, if any. */
export function waitForResume(runtime: LocalRuntime, progress: PushProgressDto): void {
  if (progress.resumeAfter === undefined) return;
  const resumeAtMs = Date.parse(progress.resumeAfter);
  if (resumeAtMs > runtime.clock.now()) runtime.clock.advanceTo(resumeAtMs);
}

export interface DrivenRun {
  /** Progress returned by every execution, the first one included. */
  executions: PushProgressDto[];
  /** Virtual milliseconds each execution took. */
  executionMs: number[];
  /** True when any execution was stopped at the 6-minute limit. */
  killed: boolean;
  final: PushProgressDto;
}

export interface DriveOptions {
  maxExecutions?: number;
  /** Runs before each continuation, for example to edit the sheet between executions. */
  between?: (execution: number) => void;
}

/**
 * Runs a started push to the end the way the CLI does: continue, after waiting for `resumeAfter`,
 * until the progress is marked finished.
 */
export function driveToEnd(
  runtime: LocalRuntime,
  first: ExecutionResult<ApiResult<{ progress: PushProgressDto }>>,
  options: DriveOptions = {},
): DrivenRun {
  const progress = unwrapProgress(first, 'startPush');
  const run: DrivenRun = {
    executions: [progress],
    executionMs: [first.virtualMs],
    killed: first.killed,
    final: progress,
  };
  return continueToEnd(runtime, run, options);
}

/** Continues a push from the last progress in `run` until it finishes, adding to `run`. */
export function continueToEnd(runtime: LocalRuntime, run: DrivenRun, options: DriveOptions = {}): DrivenRun {
  const maxExecutions = options.maxExecutions ?? 50;
  let progress = run.final;
  while (!progress.finished) {
    if (run.executions.length >= maxExecutions) {
      throw new Error(`Push ${progress.runId} did not finish within ${maxExecutions} executions`);
    }
    waitForResume(runtime, progress);
    options.between?.(run.executions.length);
    const result = continuePush(runtime, progress.runId);
    run.killed ||= result.killed;
    progress = unwrapProgress(result, 'continuePush');
    run.executions.push(progress);
    run.executionMs.push(result.virtualMs);
  }
  run.final = progress;
  return run;
}

/** One data row as the sheet shows it after a push. */
export interface RowView {
  /** 1-based sheet row. */
  row: number;
  upc: string;
  quantity: CellInput;
  status: string;
  state: string;
}

/** Reads every data row under the header with its status and hidden state cells. */
export function readRows(workbook: Workbook): RowView[] {
  const values = sheetValues(workbook);
  const header = (values[0] ?? []).map(String);
  const upcColumn = header.indexOf('UPC');
  const quantityColumn = header.indexOf('Quantity');
  const statusColumn = header.indexOf(STATUS_HEADER);
  const stateColumn = header.indexOf(STATE_HEADER);
  return values.slice(1).map((cells, offset) => ({
    row: offset + 2,
    upc: String(cells[upcColumn] ?? ''),
    quantity: cells[quantityColumn] ?? null,
    status: statusColumn < 0 ? '' : String(cells[statusColumn] ?? ''),
    state: stateColumn < 0 ? '' : String(cells[stateColumn] ?? ''),
  }));
}

/** Stored quantities by UPC for the given warehouse and immediate (undated) positions. */
export function storedQuantities(positions: PositionView[]): Map<string, number> {
  const stored = new Map<string, number>();
  for (const position of positions) {
    if (position.upc === null || position.warehouse !== WAREHOUSE || position.inventory_date !== null)
      continue;
    stored.set(position.upc, position.quantity);
  }
  return stored;
}

/** Counts status cells by their leading word, e.g. `{ Sent: 10, "Not sent": 2 }`. */
export function statusTally(rows: RowView[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const row of rows) {
    const word = /^(Not sent|Not confirmed|[A-Z][a-z]+)/.exec(row.status)?.[1] ?? (row.status || '(empty)');
    tally[word] = (tally[word] ?? 0) + 1;
  }
  return tally;
}
