/**
 * The one status vocabulary shared by the sheet, the sidebar, the CLI report and the run log.
 * A warning never changes a row's status; it travels in the status message.
 */

export const ROW_STATUSES = [
  'sent',
  'failed',
  'invalid',
  'duplicate',
  'unchanged',
  'not_sent',
  'not_confirmed',
] as const;

export type RowStatus = (typeof ROW_STATUSES)[number];

/** Short labels written at the start of the status cell, e.g. "Sent: leading zero restored". */
export const STATUS_LABELS: Readonly<Record<RowStatus, string>> = {
  sent: 'Sent',
  failed: 'Failed',
  invalid: 'Invalid',
  duplicate: 'Duplicate',
  unchanged: 'Unchanged',
  not_sent: 'Not sent',
  not_confirmed: 'Not confirmed',
};

/** What each status means, for the sidebar legend and the README. */
export const STATUS_MEANINGS: Readonly<Record<RowStatus, string>> = {
  sent: 'JOOR returned pass for this row.',
  failed: 'JOOR returned fail for this row.',
  invalid: 'Not sent: the row has an error to fix in the sheet.',
  duplicate: 'Not sent: another row with the same SKU, warehouse and date was sent.',
  unchanged: 'Not sent: the row has not changed since its last confirmed push (change-only mode).',
  not_sent:
    'Valid, but the request did not happen (rate limit, fault, quota or cancel); the next run retries it.',
  not_confirmed: 'Sent, but JOOR returned no result line that matches this row.',
};

/** Statuses that a later run of the same push must send again. */
export const RETRYABLE_STATUSES: ReadonlySet<RowStatus> = new Set<RowStatus>(['not_sent', 'not_confirmed']);

export function isRowStatus(value: unknown): value is RowStatus {
  return typeof value === 'string' && (ROW_STATUSES as readonly string[]).includes(value);
}
