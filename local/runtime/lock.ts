// LockService fake: document, script and user locks shared by all executions of a runtime.
// Behaviour follows the Lock reference
// (https://developers.google.com/apps-script/reference/lock/lock): tryLock returns false and
// waitLock throws when the timeout passes, and locks are released when the execution ends.
import type { Execution } from './execution';

export type LockScope = 'document' | 'script' | 'user';

/** Current holder of each lock: an execution id, or another execution simulated by a test. */
export interface LockTable {
  holders: Map<LockScope, { executionId: number; untilMs: number | null }>;
}

/** Execution id used for locks held by "another execution" through the test hook. */
export const OTHER_EXECUTION_ID = -1;

export function createLockTable(): LockTable {
  return { holders: new Map() };
}

/**
 * Marks `scope` as held by another execution, until `untilMs` (virtual epoch ms) or until
 * `releaseOtherHold` is called. Lets tests exercise contention.
 */
export function holdForOtherExecution(
  table: LockTable,
  scope: LockScope,
  untilMs: number | null = null,
): void {
  table.holders.set(scope, { executionId: OTHER_EXECUTION_ID, untilMs });
}

export function releaseOtherHold(table: LockTable, scope: LockScope): void {
  if (table.holders.get(scope)?.executionId === OTHER_EXECUTION_ID) table.holders.delete(scope);
}

/** Releases every lock `executionId` holds; called when an execution ends. */
export function releaseLocksOf(table: LockTable, executionId: number): void {
  for (const [scope, holder] of table.holders) {
    if (holder.executionId === executionId) table.holders.delete(scope);
  }
}

export function createLockService(
  execution: Execution,
  executionId: number,
  table: LockTable,
  hasDocument: boolean,
) {
  const open = (method: string, scope: LockScope) => {
    execution.enter('LockService', method);
    return createLock(execution, executionId, table, scope);
  };
  return {
    /** Returns null without a document, as documented. */
    getDocumentLock: () => {
      if (hasDocument) return open('getDocumentLock', 'document');
      execution.enter('LockService', 'getDocumentLock');
      return null;
    },
    getScriptLock: () => open('getScriptLock', 'script'),
    getUserLock: () => open('getUserLock', 'user'),
  };
}

function createLock(execution: Execution, executionId: number, table: LockTable, scope: LockScope) {
  const enter = (method: string) => execution.enter('Lock', method);
  const clock = execution.clock;

  /** Drops a simulated hold whose end time has passed. */
  const expireHold = () => {
    const holder = table.holders.get(scope);
    if (holder?.untilMs !== null && holder !== undefined && holder.untilMs <= clock.now())
      table.holders.delete(scope);
  };

  /** Tries to take the lock, waiting up to `timeoutMs` of virtual time. */
  const acquire = (timeoutMs: number): boolean => {
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
      throw new Error(
        `Invalid argument: timeoutInMillis ${timeoutMs}. Pass a number of milliseconds of 0 or more.`,
      );
    }
    expireHold();
    const holder = table.holders.get(scope);
    if (holder === undefined || holder.executionId === executionId) {
      table.holders.set(scope, { executionId, untilMs: null });
      return true;
    }
    const deadline = clock.now() + timeoutMs;
    if (holder.untilMs !== null && holder.untilMs <= deadline) {
      clock.advanceTo(holder.untilMs);
      table.holders.set(scope, { executionId, untilMs: null });
      return true;
    }
    clock.advanceTo(deadline);
    return false;
  };

  return {
    tryLock(timeoutInMillis: unknown): boolean {
      enter('tryLock');
      return acquire(Number(timeoutInMillis));
    },
    waitLock(timeoutInMillis: unknown): void {
      enter('waitLock');
      if (!acquire(Number(timeoutInMillis))) {
        // NOTE: wording as users report it from Apps Script; not in the reference page.
        throw new Error('Lock timeout: another process was holding the lock for too long.');
      }
    },
    releaseLock(): void {
      enter('releaseLock');
      if (table.holders.get(scope)?.executionId === executionId) table.holders.delete(scope);
    },
    hasLock(): boolean {
      enter('hasLock');
      return table.holders.get(scope)?.executionId === executionId;
    },
  };
}
