/**
 * JOOR's credit limiter. Each account has a fixed 300-second window that opens at its first request
 * and contains 300 credits. A GET costs 1 credit and any write costs 5, and a request that does not fit gets 429.
 */

export const WINDOW_MS = 300_000;
export const CREDITS_PER_WINDOW = 300;

export interface ThrottleDecision {
  allowed: boolean;
  /** Credits left in the window after this request. */
  remaining: number;
  /** Epoch milliseconds at which the current window ends. */
  windowEndsMs: number;
}

export function creditCost(method: string): number {
  return method === 'GET' || method === 'HEAD' ? 1 : 5;
}

export class CreditLimiter {
  readonly #windows = new Map<string, { startMs: number; used: number }>();

  /**
   * Charges one request to `bucket`. A rejected request is charged only when `chargeRejected` is on;
   * it never moves the window.
   */
  charge(bucket: string, cost: number, nowMs: number, chargeRejected: boolean): ThrottleDecision {
    let window = this.#windows.get(bucket);
    if (!window || nowMs >= window.startMs + WINDOW_MS) {
      window = { startMs: nowMs, used: 0 };
      this.#windows.set(bucket, window);
    }
    const allowed = window.used + cost <= CREDITS_PER_WINDOW;
    if (allowed || chargeRejected) window.used += cost;
    return {
      allowed,
      remaining: Math.max(0, CREDITS_PER_WINDOW - window.used),
      windowEndsMs: window.startMs + WINDOW_MS,
    };
  }

  clear(): void {
    this.#windows.clear();
  }
}
