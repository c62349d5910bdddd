/** Text of the status cell: the status label, then the message when there is one. */

import { type RowStatus, STATUS_LABELS } from '../../shared/status';
import type { StatusCounts } from '../../shared/types';

export function statusText(status: RowStatus, message: string): string {
  return message === '' ? STATUS_LABELS[status] : `${STATUS_LABELS[status]}: ${message}`;
}

/** Adds to one count; a count that drops to zero is removed, so summaries list only what happened. */
export function addCount(counts: StatusCounts, key: keyof StatusCounts, by = 1): void {
  const value = (counts[key] ?? 0) + by;
  if (value === 0) delete counts[key];
  else counts[key] = value;
}

export function mergeCounts(into: StatusCounts, from: StatusCounts): void {
  for (const key of Object.keys(from) as Array<keyof StatusCounts>) addCount(into, key, from[key] ?? 0);
}

/** "120 sent, 3 failed, 2 invalid" in display order, leaving out zero counts. */
export function describeCounts(counts: StatusCounts): string {
  const order: Array<keyof StatusCounts> = [
    'sent',
    'failed',
    'invalid',
    'duplicate',
    'unchanged',
    'not_sent',
    'not_confirmed',
    'valid',
  ];
  const parts: string[] = [];
  for (const key of order) {
    const value = counts[key] ?? 0;
    if (value > 0) parts.push(`${value} ${key.replace('_', ' ')}`);
  }
  return parts.length === 0 ? 'no rows' : parts.join(', ');
}
