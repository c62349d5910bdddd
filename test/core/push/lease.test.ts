import { LEASE_KEY, readLease, releaseLease, renewLease, takeLease } from '../../../src/core/push/lease';
import { MemoryStore } from './fakes';

const T0 = Date.parse('2025-05-21T10:00:00Z');
const TTL = 10 * 60_000;

describe('takeLease', () => {
  it('takes a free lease', () => {
    const store = new MemoryStore();
    const result = takeLease(store, { runId: 'run-a', ownerKey: 'owner-1', nowMs: T0, ttlMs: TTL });
    expect(result.kind).toBe('taken');
    expect(readLease(store)).toEqual({
      runId: 'run-a',
      ownerKey: 'owner-1',
      startedMs: T0,
      heartbeatMs: T0,
      expiresMs: T0 + TTL,
    });
  });

  it('reports a live lease of another run as held', () => {
    const store = new MemoryStore();
    takeLease(store, { runId: 'scheduled', ownerKey: 'owner-1', nowMs: T0, ttlMs: TTL });
    const result = takeLease(store, { runId: 'manual', ownerKey: 'owner-2', nowMs: T0 + 20_000, ttlMs: TTL });
    expect(result.kind).toBe('held');
    if (result.kind !== 'held') return;
    expect(result.holder.runId).toBe('scheduled');
    expect(result.message).toBe('A push has been running since 10:00 UTC; try again when it has finished.');
    expect(readLease(store)?.runId).toBe('scheduled');
  });

  it('formats the holder start time with the given formatter', () => {
    const store = new MemoryStore();
    takeLease(store, { runId: 'a', ownerKey: 'o', nowMs: T0, ttlMs: TTL });
    const result = takeLease(store, {
      runId: 'b',
      ownerKey: 'o',
      nowMs: T0,
      ttlMs: TTL,
      formatTime: () => '12:00',
    });
    expect(result.kind).toBe('held');
    if (result.kind !== 'held') return;
    expect(result.message).toContain('since 12:00;');
  });

  it('takes over an expired lease', () => {
    const store = new MemoryStore();
    takeLease(store, { runId: 'stalled', ownerKey: 'owner-1', nowMs: T0, ttlMs: TTL });
    const result = takeLease(store, { runId: 'next', ownerKey: 'owner-2', nowMs: T0 + TTL, ttlMs: TTL });
    expect(result.kind).toBe('taken_over');
    if (result.kind !== 'taken_over') return;
    expect(result.previous.runId).toBe('stalled');
    expect(readLease(store)?.runId).toBe('next');
  });

  it('lets the same run take its lease again and keeps its start', () => {
    const store = new MemoryStore();
    takeLease(store, { runId: 'run-a', ownerKey: 'owner-1', nowMs: T0, ttlMs: TTL });
    const result = takeLease(store, { runId: 'run-a', ownerKey: 'owner-1', nowMs: T0 + 60_000, ttlMs: TTL });
    expect(result.kind).toBe('taken');
    expect(readLease(store)?.startedMs).toBe(T0);
    expect(readLease(store)?.expiresMs).toBe(T0 + 60_000 + TTL);
  });

  it('treats a corrupt stored value as no lease', () => {
    const store = new MemoryStore();
    store.set(LEASE_KEY, '{not json');
    expect(takeLease(store, { runId: 'a', ownerKey: 'o', nowMs: T0, ttlMs: TTL }).kind).toBe('taken');
  });
});

describe('renewLease', () => {
  it('extends the holder lease', () => {
    const store = new MemoryStore();
    takeLease(store, { runId: 'a', ownerKey: 'o', nowMs: T0, ttlMs: TTL });
    const lease = renewLease(store, { runId: 'a', nowMs: T0 + 5000, ttlMs: TTL });
    expect(lease?.heartbeatMs).toBe(T0 + 5000);
    expect(readLease(store)?.expiresMs).toBe(T0 + 5000 + TTL);
  });

  it('returns null when another run took over', () => {
    const store = new MemoryStore();
    takeLease(store, { runId: 'a', ownerKey: 'o', nowMs: T0, ttlMs: TTL });
    takeLease(store, { runId: 'b', ownerKey: 'o', nowMs: T0 + TTL, ttlMs: TTL });
    expect(renewLease(store, { runId: 'a', nowMs: T0 + TTL + 1, ttlMs: TTL })).toBeNull();
    expect(readLease(store)?.runId).toBe('b');
  });
});

describe('releaseLease', () => {
  it('deletes the lease of its holder', () => {
    const store = new MemoryStore();
    takeLease(store, { runId: 'a', ownerKey: 'o', nowMs: T0, ttlMs: TTL });
    expect(releaseLease(store, 'a')).toBe(true);
    expect(store.get(LEASE_KEY)).toBeNull();
  });

  it('leaves the lease of another run alone', () => {
    const store = new MemoryStore();
    takeLease(store, { runId: 'a', ownerKey: 'o', nowMs: T0, ttlMs: TTL });
    expect(releaseLease(store, 'b')).toBe(false);
    expect(readLease(store)?.runId).toBe('a');
  });
});
