import {
  computeWaitMs,
  createLedger,
  creditsAvailable,
  parseLedger,
  parseRetryAfter,
  readThrottleHeaders,
  recordRemaining,
  recordRequest,
  recordThrottle,
  WINDOW_MARGIN_MS,
  WINDOW_MS,
} from '../../../src/core/push/rate';

const T0 = Date.parse('2025-05-21T10:00:00Z');

describe('credit ledger', () => {
  it('opens the window at the first request', () => {
    const ledger = recordRequest(createLedger(), T0);
    expect(ledger.windowStartMs).toBe(T0);
    expect(ledger.creditsUsed).toBe(5);
    expect(creditsAvailable(ledger, T0 + 1)).toBe(295);
  });

  it('allows 60 writes in one window without waiting', () => {
    let ledger = createLedger();
    for (let write = 0; write < 60; write++) {
      expect(computeWaitMs(ledger, T0 + write * 1000)).toBe(0);
      ledger = recordRequest(ledger, T0 + write * 1000);
    }
    expect(creditsAvailable(ledger, T0 + 60_000)).toBe(0);
  });

  it('waits for the next window before the 61st write', () => {
    let ledger = createLedger();
    for (let write = 0; write < 60; write++) {
      ledger = recordRequest(ledger, T0 + write * 1000);
    }
    expect(computeWaitMs(ledger, T0 + 60_000)).toBe(WINDOW_MS - 60_000 + WINDOW_MARGIN_MS);
  });

  it('refills the budget when the fixed window ends', () => {
    let ledger = createLedger();
    for (let write = 0; write < 60; write++) {
      ledger = recordRequest(ledger, T0);
    }
    expect(creditsAvailable(ledger, T0 + WINDOW_MS)).toBe(300);
    const next = recordRequest(ledger, T0 + WINDOW_MS + 5);
    expect(next.windowStartMs).toBe(T0 + WINDOW_MS + 5);
    expect(next.creditsUsed).toBe(5);
  });

  it('waits until a 429 block ends', () => {
    const ledger = recordThrottle(recordRequest(createLedger(), T0), T0 + 10, T0 + 2010);
    expect(computeWaitMs(ledger, T0 + 10)).toBe(2000);
  });

  it('takes a server-reported remaining count over its own', () => {
    const ledger = recordRemaining(recordRequest(createLedger(), T0), T0, 100);
    expect(creditsAvailable(ledger, T0 + 1)).toBe(100);
  });

  it('round-trips through JSON', () => {
    const ledger = recordRequest(recordThrottle(createLedger(), T0, T0 + 5000), T0 + 6000);
    expect(parseLedger(JSON.stringify(ledger))).toEqual(ledger);
  });

  it.each([
    ['nothing stored', null],
    ['corrupt JSON', '{oops'],
    ['a JSON string', '"x"'],
  ])('reads %s as a fresh ledger', (_name, json) => {
    expect(parseLedger(json)).toEqual(createLedger());
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['fractional seconds', '2.0', 2000],
    ['whole seconds', '300', 300_000],
    ['a short fraction', '0.25', 250],
    ['an HTTP date', 'Wed, 21 May 2025 10:05:00 GMT', 300_000],
    ['an HTTP date in the past', 'Wed, 21 May 2025 09:00:00 GMT', 0],
  ])('reads %s', (_name, value, expected) => {
    expect(parseRetryAfter(value, T0)).toBe(expected);
  });

  it.each([
    ['an absent header', undefined],
    ['garbage', 'soon'],
    ['a negative number', '-5'],
  ])('returns null for %s', (_name, value) => {
    expect(parseRetryAfter(value, T0)).toBeNull();
  });
});

describe('readThrottleHeaders', () => {
  it('prefers Retry-After', () => {
    const read = readThrottleHeaders({ 'retry-after': '2.0', 'x-throttling-reset': '60' }, T0);
    expect(read.resumeAtMs).toBe(T0 + 2000);
  });

  it('reads a reset header in seconds from now', () => {
    expect(readThrottleHeaders({ 'x-throttling-reset': '42' }, T0).resumeAtMs).toBe(T0 + 42_000);
  });

  it('reads a reset header in epoch seconds', () => {
    expect(readThrottleHeaders({ 'x-throttling-reset': String(T0 / 1000 + 30) }, T0).resumeAtMs).toBe(
      T0 + 30_000,
    );
  });

  it('reads a remaining header', () => {
    expect(readThrottleHeaders({ 'x-throttling-remaining-credits': '45' }, T0).remaining).toBe(45);
  });

  it('ignores the account id header', () => {
    expect(readThrottleHeaders({ 'x-throttling-account-id': '1234' }, T0)).toEqual({
      resumeAtMs: null,
      remaining: null,
    });
  });
});
