/**
 * The run cursor: the small state a push keeps in document properties between executions
 * (sidebar batches, CLI loop, scheduled resumes). Per-row progress lives in the sheet's hidden
 * state column, so the cursor stays far below the 9 KB property limit.
 */

import type { KeyValueStore } from '../../core/ports';
import type { RunSummaryDto } from '../../shared/api';
import type { Environment, PushOptions, StatusCounts } from '../../shared/types';
import { PROPERTY_KEYS, readJsonProperty, writeJsonProperty } from '../settings';

export type RunTrigger = RunSummaryDto['trigger'];

export interface RunCursor {
  runId: string;
  trigger: RunTrigger;
  spreadsheetId: string;
  sheetId: string;
  options: PushOptions;
  retryFailedOnly: boolean;
  environment: Environment;
  /** Environment and token hash: confirmed state and fingerprints are kept per target. */
  target: string;
  ownerKey: string;
  startedAt: number;
  executions: number;
  rowsRead: number;
  linesPlanned: number;
  linesDone: number;
  requestsPlanned: number;
  requestsSent: number;
  /** Synthetic zero lines ("Replace from sheet") already handled; they always come last. */
  zeroLinesDone: number;
  /** Set once a request has carried overwrite=1; no later request may carry it. */
  overwriteSent: boolean;
  /** Requests of this run that returned a result; after the first, overwrite=1 is never sent again. */
  requestsSucceeded: number;
  counts: StatusCounts;
  /** First sheet row not yet handled, for messages and the log. */
  nextRow: number;
  cancelled: boolean;
  lastStop?: string;
}

export function loadCursor(store: KeyValueStore): RunCursor | undefined {
  return readJsonProperty<RunCursor>(store, PROPERTY_KEYS.cursor);
}

export function saveCursor(store: KeyValueStore, cursor: RunCursor): void {
  writeJsonProperty(store, PROPERTY_KEYS.cursor, cursor);
}

export function clearCursor(store: KeyValueStore): void {
  store.delete(PROPERTY_KEYS.cursor);
}

/** Run ids sort by start time and stay short: base-36 time plus random letters. */
export function newRunId(nowMs: number, random: () => number): string {
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `run-${nowMs.toString(36)}-${suffix}`;
}
