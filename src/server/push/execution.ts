/**
 * One execution of a push, and how its row statuses are built and written: queued first, then
 * written with the batch that covers them, in as few bulk calls as possible.
 */

import { formatRowState, parseRowState } from '../../core/run/row-state';
import type { PlannedLine, RunScope } from '../../core/run/scope';
import { addCount, statusText } from '../../core/run/status-text';
import type { RowStatus } from '../../shared/status';
import type { RowResult } from '../../shared/types';
import type { ConfirmedEntry } from '../gas/bookkeeping';
import { createLogger } from '../gas/platform';
import {
  readSheet,
  relocateWrites,
  STATUS_COLORS,
  type StatusColumns,
  type StatusWrite,
  writeStatuses,
} from '../gas/sheet';
import type { PushContext, TargetInfo } from './context';
import type { RunCursor } from './cursor';

const log = createLogger('addon:push');

/** Maximum length of a status cell's text; the full detail goes into the cell's note. */
const MAX_STATUS_CHARS = 480;

/** Everything one execution of a push works with. */
export interface Execution {
  startedMs: number;
  cursor: RunCursor;
  context: PushContext;
  target: TargetInfo;
  columns: StatusColumns;
  confirmed: Map<string, ConfirmedEntry>;
  confirmedChanged: boolean;
  scope: RunScope;
  rows: RowResult[] | undefined;
  /** Statuses waiting to go out with the next write. */
  pending: StatusWrite[];
}

function colorFor(status: RowStatus, hasWarning: boolean): string | null {
  if (status === 'invalid' || status === 'failed') return STATUS_COLORS.error;
  if (status === 'not_sent' || status === 'not_confirmed') return STATUS_COLORS.attention;
  if (status === 'sent' && hasWarning) return STATUS_COLORS.warning;
  return null;
}

function clip(text: string): string {
  return text.length > MAX_STATUS_CHARS ? `${text.slice(0, MAX_STATUS_CHARS - 1)}…` : text;
}

export function makeWrite(
  runId: string,
  row: number,
  status: RowStatus,
  details: string[],
  logId: string,
  pushed: boolean,
): StatusWrite {
  const parts = details.filter((part) => part !== '');
  const first = parts[0] ?? '';
  const more = parts.length > 1 ? ` (+${parts.length - 1} more in the note)` : '';
  const full = statusText(status, first) + more;
  const text = clip(full);
  const needsNote = parts.length > 1 || text !== full;
  return {
    row,
    text,
    pushedAt: pushed ? new Date() : '',
    logId,
    state: formatRowState({ runId, status }),
    color: colorFor(status, status === 'sent' && parts.length > 0),
    note: needsNote ? parts.join('\n') : null,
  };
}

/**
 * Queues the statuses known before any request (invalid, duplicate, unchanged). Each goes out
 * with the next batch write that covers its row, so a one-request push writes all of its
 * statuses with one setValues. The execution flushes the rest when it ends.
 */
export function queueImmediateStatuses(execution: Execution): void {
  const { cursor, scope } = execution;
  for (const item of scope.immediate) {
    execution.pending.push(makeWrite(cursor.runId, item.row, item.status, item.details, '', false));
    addCount(cursor.counts, item.status);
    execution.rows?.push({ row: item.row, status: item.status, message: item.details.join(' ') });
  }
}

/** Takes the queued writes up to `lastRow` (all of them when omitted). */
export function takePending(execution: Execution, lastRow?: number): StatusWrite[] {
  if (lastRow === undefined) return execution.pending.splice(0);
  const taken = execution.pending.filter((write) => write.row <= lastRow);
  execution.pending = execution.pending.filter((write) => write.row > lastRow);
  return taken;
}

export function applyWrites(execution: Execution, writes: StatusWrite[]): void {
  const { context, columns } = execution;
  const relocated = relocateWrites(context.snapshot, columns, writes, () =>
    readSheet(context.spreadsheet, context.snapshot.sheet),
  );
  if (relocated.moved) {
    log.warn('rows.moved', { runId: execution.cursor.runId, dropped: relocated.dropped });
    context.snapshot = relocated.snapshot;
  }
  writeStatuses(context.snapshot, columns, relocated.writes);
}

/**
 * Counts a row's status once per run: a row left "not sent" by an earlier execution of the same
 * run moves from that count to its new status. Call it before the row's new state is written.
 */
export function countRowStatus(execution: Execution, row: number, status: RowStatus): void {
  const { cursor, context, columns } = execution;
  const previous = parseRowState(context.snapshot.values[row - 1]?.[columns.state - 1]);
  if (previous?.runId === cursor.runId && previous.status === 'not_sent')
    addCount(cursor.counts, 'not_sent', -1);
  addCount(cursor.counts, status);
}

export function markRemaining(execution: Execution, lines: PlannedLine[], message: string): void {
  const { cursor } = execution;
  const writes: StatusWrite[] = [];
  for (const line of lines) {
    if (line.row < 0) continue;
    countRowStatus(execution, line.row, 'not_sent');
    writes.push(makeWrite(cursor.runId, line.row, 'not_sent', [message], '', false));
    execution.rows?.push({ row: line.row, status: 'not_sent', message, item: line.item });
  }
  applyWrites(execution, [...takePending(execution), ...writes]);
}
