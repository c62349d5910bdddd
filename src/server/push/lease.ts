/**
 * The run lease in document properties, always read and written under the document lock
 * (never the script lock, which every customer of the add-on shares).
 */

import type { KeyValueStore } from '../../core/ports';
import { releaseLease, renewLease, takeLease } from '../../core/push/lease';
import { AddonError } from '../errors';
import { formatClockTime } from '../gas/platform';
import type { RunCursor, RunTrigger } from './cursor';

/** A lease not renewed for this long may be taken over (the execution that held it died). */
export const LEASE_TTL_MS = 15 * 60 * 1000;
/** Scheduled runs resume at the next hourly fire at the earliest, so their lease lasts longer. */
export const SCHEDULED_LEASE_TTL_MS = 26 * 60 * 60 * 1000;
const LOCK_WAIT_MS = 10_000;

export function withDocumentLock<T>(body: () => T): T {
  const lock = LockService.getDocumentLock();
  if (lock === null) {
    throw new AddonError('NO_DOCUMENT', 'The add-on must run inside a spreadsheet to push.');
  }
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new AddonError(
      'LOCK_BUSY',
      'Another JOOR Inventory Sync action is updating this spreadsheet. Try again in a few seconds.',
    );
  }
  try {
    return body();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

function ttlFor(trigger: RunTrigger): number {
  return trigger === 'schedule' ? SCHEDULED_LEASE_TTL_MS : LEASE_TTL_MS;
}

export function acquireRunLease(
  store: KeyValueStore,
  runId: string,
  ownerKey: string,
  trigger: RunTrigger,
  timeZone: string,
): void {
  const result = takeLease(store, { runId, ownerKey, nowMs: Date.now(), ttlMs: ttlFor(trigger) });
  if (result.kind === 'held') {
    throw new AddonError(
      'LEASE_HELD',
      `A push has been running since ${formatClockTime(result.holder.startedMs, timeZone)}. Wait for it to finish (or cancel it in the sidebar) before starting another; nothing was changed.`,
      { runId: result.holder.runId },
    );
  }
}

export function renewRunLease(store: KeyValueStore, cursor: RunCursor, ownerKey: string): void {
  const result = renewLease(store, {
    runId: cursor.runId,
    ownerKey,
    nowMs: Date.now(),
    ttlMs: ttlFor(cursor.trigger),
  });
  if (!result) {
    throw new AddonError(
      'LEASE_LOST',
      `Push ${cursor.runId} no longer holds the run lease: another push took over after this one stalled. Check the statuses in the sheet.`,
    );
  }
}

export function releaseRunLease(store: KeyValueStore, runId: string): void {
  releaseLease(store, runId);
}
