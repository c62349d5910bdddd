/**
 * JOOR's write budget: 300 credits per account in a fixed 300 s window that opens at the
 * first request, and 5 credits per POST, PUT or DELETE, as JOOR's rate-limit page states.
 * The ledger is plain JSON so the server can keep it in document properties between executions.
 */

export const WINDOW_MS = 300_000;
export const WINDOW_CREDITS = 300;
export const WRITE_CREDITS = 5;
export const WRITES_PER_WINDOW = WINDOW_CREDITS / WRITE_CREDITS;

/**
 * Extra wait after the window's computed end. The ledger opens a window when the request is
 * sent, JOOR when it arrives, so JOOR's window ends slightly later than the ledger's.
 */
export const WINDOW_MARGIN_MS = 2_000;

/** Credits this client has spent, or JOOR reported spent, in the current window. */
export interface CreditLedger {
  /** Epoch ms at which the current window opened; null before the first request. */
  windowStartMs: number | null;
  creditsUsed: number;
  /** Epoch ms before which JOOR refuses requests (from a 429); null when not throttled. */
  blockedUntilMs: number | null;
}

export function createLedger(): CreditLedger {
  return { windowStartMs: null, creditsUsed: 0, blockedUntilMs: null };
}

/** Reads a ledger saved as JSON; anything unreadable yields a fresh ledger. */
export function parseLedger(json: string | null): CreditLedger {
  if (json === null) {
    return createLedger();
  }
  try {
    const value: unknown = JSON.parse(json);
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      return {
        windowStartMs: typeof record.windowStartMs === 'number' ? record.windowStartMs : null,
        creditsUsed: typeof record.creditsUsed === 'number' ? record.creditsUsed : 0,
        blockedUntilMs: typeof record.blockedUntilMs === 'number' ? record.blockedUntilMs : null,
      };
    }
  } catch {
    // A corrupt value falls through to a fresh ledger; a 429 corrects any undercount.
  }
  return createLedger();
}

function isWindowOpen(ledger: CreditLedger, nowMs: number): boolean {
  return ledger.windowStartMs !== null && nowMs < ledger.windowStartMs + WINDOW_MS;
}

/** Credits left in the current window at `nowMs`. */
export function creditsAvailable(ledger: CreditLedger, nowMs: number): number {
  return isWindowOpen(ledger, nowMs) ? Math.max(0, WINDOW_CREDITS - ledger.creditsUsed) : WINDOW_CREDITS;
}

/**
 * Returns how long to wait, in ms, before a request costing `cost` credits stays within the
 * budget: 0 when it can go now, otherwise until the window (or a 429 block) ends.
 */
export function computeWaitMs(ledger: CreditLedger, nowMs: number, cost: number = WRITE_CREDITS): number {
  let readyAt = nowMs;
  if (ledger.blockedUntilMs !== null && ledger.blockedUntilMs > readyAt) {
    readyAt = ledger.blockedUntilMs;
  }
  if (
    ledger.windowStartMs !== null &&
    isWindowOpen(ledger, readyAt) &&
    ledger.creditsUsed + cost > WINDOW_CREDITS
  ) {
    readyAt = ledger.windowStartMs + WINDOW_MS + WINDOW_MARGIN_MS;
  }
  return readyAt - nowMs;
}

/** Records a request sent at `nowMs`; opens a new window when the previous one has ended. */
export function recordRequest(
  ledger: CreditLedger,
  nowMs: number,
  cost: number = WRITE_CREDITS,
): CreditLedger {
  if (!isWindowOpen(ledger, nowMs)) {
    return { windowStartMs: nowMs, creditsUsed: cost, blockedUntilMs: null };
  }
  return { ...ledger, creditsUsed: ledger.creditsUsed + cost };
}

/**
 * Records a 429: no request goes before `resumeAtMs`, and JOOR's budget counts as refilled
 * from then on, because JOOR's header (or the caller's estimate) puts the reset there.
 */
export function recordThrottle(_ledger: CreditLedger, nowMs: number, resumeAtMs: number): CreditLedger {
  return { windowStartMs: null, creditsUsed: 0, blockedUntilMs: Math.max(resumeAtMs, nowMs) };
}

/** Epoch ms at which the ledger's current window ends, plus the margin; null when none is open. */
export function windowEndMs(ledger: CreditLedger, nowMs: number): number | null {
  if (ledger.windowStartMs === null || !isWindowOpen(ledger, nowMs)) {
    return null;
  }
  return ledger.windowStartMs + WINDOW_MS + WINDOW_MARGIN_MS;
}

/** Applies a server-reported remaining credit count, which wins over the local count. */
export function recordRemaining(ledger: CreditLedger, nowMs: number, remaining: number): CreditLedger {
  return {
    ...ledger,
    windowStartMs: ledger.windowStartMs ?? nowMs,
    creditsUsed: Math.max(0, WINDOW_CREDITS - remaining),
  };
}

/**
 * Parses `Retry-After` as seconds (fractional allowed, e.g. `2.0`) or as an HTTP date.
 * Returns the delay in ms from `nowMs`, at least 0, or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) {
    return null;
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.ceil(Number(text) * 1000);
  }
  if (/^[-+]?[\d.]+$/.test(text)) {
    return null;
  }
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs)) {
    return null;
  }
  return Math.max(0, dateMs - nowMs);
}

/** Throttling facts read from response headers. */
export interface ThrottleHeaders {
  /** Epoch ms when requests may resume, from `Retry-After` or a reset header. */
  resumeAtMs: number | null;
  /** Credits left in the window, from a remaining header. */
  remaining: number | null;
}

/**
 * Reads `Retry-After` and any `x-throttling-*`, `x-ratelimit-*` or `ratelimit-*` header
 * whose name contains `reset` or `remaining`. JOOR confirms only `X-Throttling-Account-Id`,
 * so the other names are guesses that cost nothing when absent.
 * A reset value is read as seconds from now below 10^9, epoch seconds below 10^12, epoch
 * ms above, or an HTTP date.
 */
export function readThrottleHeaders(headers: Record<string, string>, nowMs: number): ThrottleHeaders {
  let resumeAtMs: number | null = null;
  let remaining: number | null = null;
  const retryAfter = parseRetryAfter(headers['retry-after'], nowMs);
  if (retryAfter !== null) {
    resumeAtMs = nowMs + retryAfter;
  }

  for (const [name, value] of Object.entries(headers)) {
    if (!/^(x-throttling-|x-ratelimit-|ratelimit-)/.test(name)) {
      continue;
    }
    if (name.includes('remaining') && /^\d+$/.test(value.trim())) {
      remaining = Number(value.trim());
    } else if (name.includes('reset') && resumeAtMs === null) {
      resumeAtMs = parseResetValue(value.trim(), nowMs);
    }
  }
  return { resumeAtMs, remaining };
}

function parseResetValue(value: string, nowMs: number): number | null {
  if (/^\d+(\.\d+)?$/.test(value)) {
    const number = Number(value);
    if (number < 1e9) {
      return nowMs + Math.ceil(number * 1000);
    }
    return number < 1e12 ? number * 1000 : number;
  }
  const dateMs = Date.parse(value);
  return Number.isNaN(dateMs) ? null : dateMs;
}
