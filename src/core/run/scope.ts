/**
 * Decides, for one execution of a push, what happens to every data row: which lines are sent,
 * which rows get a final status without a request (invalid, duplicate, unchanged), and which
 * rows this run leaves alone.
 */

import type { RowStatus } from '../../shared/status';
import type { InventoryItem, PushOptions, ValidatedRow } from '../../shared/types';
import { isDoneInRun, type RowState } from './row-state';

/** A line to send. `row` is the sheet row, or a negative number for a synthetic zero line. */
export interface PlannedLine {
  row: number;
  key: string;
  item: InventoryItem;
  /** Warnings from validation, carried into the final status text. */
  warnings: string[];
}

export interface ImmediateStatus {
  row: number;
  status: RowStatus;
  /** One sentence per issue, most important first. */
  details: string[];
}

export interface RunScope {
  /** Lines still to send in this run, in sheet order, then synthetic zero lines. */
  lines: PlannedLine[];
  /** Rows that get a status without a request, written when the run starts. */
  immediate: ImmediateStatus[];
  /** Rows already handled by this run in an earlier execution. */
  alreadyDone: number;
  /** Valid rows this run leaves alone ("retry failed rows only"). */
  untouched: number;
}

export interface LastConfirmed {
  fingerprint: string;
  quantity: number;
  confirmedAt: string;
}

export interface ScopeInput {
  runId: string;
  rows: ValidatedRow[];
  options: PushOptions;
  retryFailedOnly: boolean;
  /** The row's state cell as it is now. */
  stateOf(row: number): RowState | undefined;
  /** Last confirmed line of a key on this run's target, for change-only mode. */
  lastConfirmed(key: string): LastConfirmed | undefined;
  fingerprint(item: InventoryItem): string;
  /** Zero lines for "Replace from sheet", built by the caller from the confirmed state. */
  zeroLines: PlannedLine[];
}

const RETRY_STATUSES: ReadonlySet<RowStatus> = new Set<RowStatus>(['failed', 'not_sent', 'not_confirmed']);

/** Shared by every clean row, so a 100,000-row sheet does not allocate 100,000 empty lists. */
const NO_MESSAGES: string[] = [];

function messagesOf(row: ValidatedRow, severity: 'error' | 'warning'): string[] {
  if (row.issues.length === 0) return NO_MESSAGES;
  return row.issues.filter((issue) => issue.severity === severity).map((issue) => issue.message);
}

export function scopeRun(input: ScopeInput): RunScope {
  const lines: PlannedLine[] = [];
  const immediate: ImmediateStatus[] = [];
  let alreadyDone = 0;
  let untouched = 0;

  for (const row of input.rows) {
    const state = input.stateOf(row.row);
    if (isDoneInRun(state, input.runId)) {
      alreadyDone++;
      continue;
    }
    if (input.retryFailedOnly && (state === undefined || !RETRY_STATUSES.has(state.status))) {
      untouched++;
      continue;
    }
    if (row.outcome === 'invalid') {
      immediate.push({ row: row.row, status: 'invalid', details: messagesOf(row, 'error') });
      continue;
    }
    if (row.outcome === 'duplicate') {
      const warnings = messagesOf(row, 'warning');
      const details =
        warnings.length > 0
          ? warnings
          : [
              `Same SKU, warehouse and date as row ${row.duplicateOf ?? '?'} with the same quantity; that row's line is sent once for both.`,
            ];
      immediate.push({ row: row.row, status: 'duplicate', details });
      continue;
    }
    if (row.item === undefined || row.key === undefined) {
      immediate.push({
        row: row.row,
        status: 'invalid',
        details: ['The row could not be turned into a JOOR line.'],
      });
      continue;
    }
    if (input.options.changeOnly && !input.options.overwrite) {
      const last = input.lastConfirmed(row.key);
      if (last !== undefined && last.fingerprint === input.fingerprint(row.item)) {
        immediate.push({
          row: row.row,
          status: 'unchanged',
          details: [`Same as the line JOOR confirmed at ${last.confirmedAt}; not sent again.`],
        });
        continue;
      }
    }
    lines.push({ row: row.row, key: row.key, item: row.item, warnings: messagesOf(row, 'warning') });
  }
  for (const zero of input.zeroLines) lines.push(zero);
  return { lines, immediate, alreadyDone, untouched };
}
