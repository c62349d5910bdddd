import { createVirtualClock } from '../../../local/runtime/clock';
import {
  createLockService,
  createLockTable,
  holdForOtherExecution,
  releaseLocksOf,
} from '../../../local/runtime/lock';
import { createTestExecution } from './helpers';

const START = Date.UTC(2025, 0, 1);

function setup() {
  const clock = createVirtualClock(START);
  const table = createLockTable();
  const first = createLockService(createTestExecution({}, clock), 1, table, true);
  const second = createLockService(createTestExecution({}, clock), 2, table, true);
  return { clock, table, first, second };
}

describe('LockService', () => {
  it('gives a free lock at once', () => {
    const { first } = setup();
    const lock = first.getDocumentLock()!;
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  it('makes another execution wait and fail', () => {
    const { first, second, clock } = setup();
    first.getDocumentLock()!.waitLock(1000);
    const before = clock.now();
    expect(second.getDocumentLock()!.tryLock(5000)).toBe(false);
    expect(clock.now() - before).toBeGreaterThanOrEqual(5000);
  });

  it('throws from waitLock on timeout', () => {
    const { first, second } = setup();
    first.getScriptLock().waitLock(1000);
    expect(() => second.getScriptLock().waitLock(10)).toThrow('Lock timeout');
  });

  it('frees the lock on release', () => {
    const { first, second } = setup();
    const lock = first.getUserLock();
    lock.waitLock(1000);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(second.getUserLock().tryLock(0)).toBe(true);
  });

  it('frees locks when the execution ends', () => {
    const { first, second, table } = setup();
    first.getDocumentLock()!.waitLock(1000);
    releaseLocksOf(table, 1);
    expect(second.getDocumentLock()!.tryLock(0)).toBe(true);
  });

  it('keeps scopes independent', () => {
    const { first, second } = setup();
    first.getDocumentLock()!.waitLock(1000);
    expect(second.getScriptLock().tryLock(0)).toBe(true);
  });

  it('waits for a hold to end', () => {
    const { first, table, clock } = setup();
    holdForOtherExecution(table, 'document', START + 20_000);
    expect(first.getDocumentLock()!.tryLock(30_000)).toBe(true);
    expect(clock.now()).toBeGreaterThanOrEqual(START + 20_000);
    expect(clock.now()).toBeLessThan(START + 30_000);
  });

  it('fails against a hold that outlasts the timeout', () => {
    const { first, table } = setup();
    holdForOtherExecution(table, 'document', START + 60_000);
    expect(first.getDocumentLock()!.tryLock(30_000)).toBe(false);
  });

  it('has no document lock without a document', () => {
    const service = createLockService(createTestExecution(), 1, createLockTable(), false);
    expect(service.getDocumentLock()).toBeNull();
  });
});
