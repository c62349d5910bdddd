/**
 * The hidden per-row state cell ("JOOR Sync State"): which run last gave the row a status, and
 * that status. A run that resumes in a later execution reads it to skip rows it already handled,
 * so no confirmed row is sent twice and none is lost when rows move.
 */

import { isRowStatus, type RowStatus } from '../../shared/status';

export interface RowState {
  runId: string;
  status: RowStatus;
}

const SEPARATOR = '|';

export function formatRowState(state: RowState): string {
  return `${state.runId}${SEPARATOR}${state.status}`;
}

export function parseRowState(cell: unknown): RowState | undefined {
  if (typeof cell !== 'string') return undefined;
  const at = cell.indexOf(SEPARATOR);
  if (at <= 0) return undefined;
  const status = cell.slice(at + 1);
  return isRowStatus(status) ? { runId: cell.slice(0, at), status } : undefined;
}

/** Statuses after which a resumed run does not send the row again in the same run. */
const FINAL_IN_RUN: ReadonlySet<RowStatus> = new Set<RowStatus>([
  'sent',
  'failed',
  'invalid',
  'duplicate',
  'unchanged',
  'not_confirmed',
]);

export function isDoneInRun(state: RowState | undefined, runId: string): boolean {
  return state !== undefined && state.runId === runId && FINAL_IN_RUN.has(state.status);
}
