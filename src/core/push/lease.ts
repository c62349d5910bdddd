/**
 * Run lease in document properties. A LockService lock ends with its execution, but a push
 * spans many executions, so a lease with an expiry keeps a manual and a scheduled push from
 * interleaving. Callers must hold the document lock around each call.
 */

import type { KeyValueStore } from '../ports';

export const LEASE_KEY = 'joorSync.runLease';

export interface RunLease {
  runId: string;
  /** Key of the user who started the run, e.g. `Session.getTemporaryActiveUserKey()`. */
  ownerKey: string;
  startedMs: number;
  heartbeatMs: number;
  expiresMs: number;
}

export type TakeLeaseResult =
  | { kind: 'taken'; lease: RunLease }
  | { kind: 'held'; holder: RunLease; message: string }
  | { kind: 'taken_over'; lease: RunLease; previous: RunLease };

export interface TakeLeaseRequest {
  runId: string;
  ownerKey: string;
  nowMs: number;
  /** How long the lease lives without a renewal, in ms. */
  ttlMs: number;
  /** Formats the holder's start time for the message; `HH:MM UTC` when omitted. */
  formatTime?: (epochMs: number) => string;
}

/** Reads the stored lease; a missing or unreadable value reads as no lease. */
export function readLease(store: KeyValueStore): RunLease | null {
  const json = store.get(LEASE_KEY);
  if (json === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(json);
    return isRunLease(value) ? value : null;
  } catch {
    return null;
  }
}

function isRunLease(value: unknown): value is RunLease {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    typeof record.runId === 'string' &&
    typeof record.ownerKey === 'string' &&
    typeof record.startedMs === 'number' &&
    typeof record.heartbeatMs === 'number' &&
    typeof record.expiresMs === 'number'
  );
}

function defaultFormatTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(11, 16)} UTC`;
}

/**
 * Takes the lease for `runId`. The same run taking it again (a resumed run) renews it and
 * keeps its start time. A live lease of another run is `held`; an expired one is taken over,
 * and the caller resumes that run's cursor or starts afresh.
 */
export function takeLease(store: KeyValueStore, request: TakeLeaseRequest): TakeLeaseResult {
  const current = readLease(store);
  const fresh: RunLease = {
    runId: request.runId,
    ownerKey: request.ownerKey,
    startedMs: request.nowMs,
    heartbeatMs: request.nowMs,
    expiresMs: request.nowMs + request.ttlMs,
  };

  if (current === null) {
    store.set(LEASE_KEY, JSON.stringify(fresh));
    return { kind: 'taken', lease: fresh };
  }
  if (current.runId === request.runId) {
    const renewed = { ...current, heartbeatMs: request.nowMs, expiresMs: request.nowMs + request.ttlMs };
    store.set(LEASE_KEY, JSON.stringify(renewed));
    return { kind: 'taken', lease: renewed };
  }
  if (current.expiresMs > request.nowMs) {
    const formatTime = request.formatTime ?? defaultFormatTime;
    return {
      kind: 'held',
      holder: current,
      message: `A push has been running since ${formatTime(current.startedMs)}; try again when it has finished.`,
    };
  }
  store.set(LEASE_KEY, JSON.stringify(fresh));
  return { kind: 'taken_over', lease: fresh, previous: current };
}

/** Identifies the lease to renew. `ownerKey` is accepted for symmetry and not compared. */
export interface RenewLeaseRequest {
  runId: string;
  ownerKey?: string;
  nowMs: number;
  ttlMs: number;
}

/** Extends the lease of `runId`; returns null when another run holds it or it is gone. */
export function renewLease(store: KeyValueStore, request: RenewLeaseRequest): RunLease | null {
  const current = readLease(store);
  if (current === null || current.runId !== request.runId) {
    return null;
  }
  const renewed = { ...current, heartbeatMs: request.nowMs, expiresMs: request.nowMs + request.ttlMs };
  store.set(LEASE_KEY, JSON.stringify(renewed));
  return renewed;
}

/** Deletes the lease if `runId` holds it; returns whether it did. */
export function releaseLease(store: KeyValueStore, runId: string): boolean {
  const current = readLease(store);
  if (current === null || current.runId !== runId) {
    return false;
  }
  store.delete(LEASE_KEY);
  return true;
}
