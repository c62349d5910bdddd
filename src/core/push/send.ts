/**
 * Sends one batch: paces it against JOOR's write budget, retries what is safe to retry,
 * parses the response and maps the result lines to rows, all before an absolute deadline.
 */

import type { RowStatus } from '../../shared/status';
import type { Base64Encoder, Clock, HttpPort, HttpRequest, HttpResponse } from '../ports';
import { PushError } from './errors';
import { matchResults, type SentLine } from './match';
import { buildBulkRequest, normalizeToken, type RequestTarget } from './payload';
import {
  type CreditLedger,
  computeWaitMs,
  readThrottleHeaders,
  recordRemaining,
  recordRequest,
  recordThrottle,
  WRITE_CREDITS,
  windowEndMs,
} from './rate';
import { type ParsedBulkResponse, parseBulkResponse } from './response';
import {
  classifyException,
  classifyResponse,
  computeBackoffMs,
  DEFAULT_RETRY_POLICY,
  type Failure,
  type FailureKind,
  type RandomSource,
  type RetryPolicy,
} from './retry';

/** Reason a batch stopped the run. */
export type StopReason = 'deadline' | 'rate_limited' | 'quota' | 'auth' | 'fatal';

export interface BatchStop {
  reason: StopReason;
  /** User-facing sentence on the failure and the next step, e.g. "…; will resume at 10:05 UTC." */
  message: string;
  /** Epoch ms from which a resumed run may send again, when known. */
  resumeAtMs?: number;
}

export interface RowOutcome {
  row: number;
  status: RowStatus;
  message: string;
  logId?: string;
}

/** One attempt of the request, for the server's log. Holds no token and no body. */
export interface AttemptRecord {
  startedMs: number;
  /** HTTP status, absent when the fetch threw. */
  status?: number;
  failure?: FailureKind;
  detail: string;
  /** Sleep after this attempt before the next one, in ms. */
  waitMs?: number;
}

export interface BatchOutcome {
  rows: RowOutcome[];
  /** Requests handed to the HTTP port, retries included. */
  requestsMade: number;
  ledger: CreditLedger;
  /** Present when the run must not start another batch now. */
  stop?: BatchStop;
  /** True when a request of this batch carried `overwrite=1`. */
  overwriteSent: boolean;
  /** `sku_count` from JOOR's response, when one came back. */
  skuCount?: number;
  attempts: AttemptRecord[];
}

export interface SendContext {
  http: HttpPort;
  clock: Clock;
  encodeBase64: Base64Encoder;
  random: RandomSource;
  target: RequestTarget;
  /**
   * Sends `overwrite=1`. Set it only for the first batch of an overwrite run: its retries
   * carry it too, but once any request of the run has succeeded no request may.
   */
  overwrite: boolean;
  /** Requests of this run that already returned a result; must be 0 when `overwrite` is set. */
  requestsSucceededBefore: number;
  /** Epoch ms after which no request starts; a wait that would pass it stops the batch. */
  deadlineMs: number;
  ledger: CreditLedger;
  retryPolicy?: RetryPolicy;
  /** Formats an epoch-ms time for messages, e.g. `10:05` in the spreadsheet's time zone. */
  formatTime?: (epochMs: number) => string;
}

/** Default time format for messages when the caller gives none: `HH:MM UTC`. */
export function formatUtcTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(11, 16)} UTC`;
}

/** Mutable state of one batch while it is being sent. */
interface Attempts {
  ledger: CreditLedger;
  requestsMade: number;
  records: AttemptRecord[];
  /** A failed attempt that JOOR may have applied (timeout, 500, 504). */
  unknownDetail: string | null;
  rateLimited: number;
  transient: number;
  shortQuotaRetried: boolean;
}

/**
 * Sends one batch and returns a status for each of its rows. HTTP, transport and quota
 * failures become row statuses and a stop, never exceptions. It throws `PushError` with code
 * `OVERWRITE_AFTER_SUCCESS` when asked to send `overwrite=1` after a request of the run succeeded.
 */
export function sendBatch(batch: SentLine[], context: SendContext): BatchOutcome {
  if (context.overwrite && context.requestsSucceededBefore > 0) {
    throw new PushError(
      'OVERWRITE_AFTER_SUCCESS',
      'overwrite=1 may only go on the first request of a run; a request of this run has already succeeded.',
      { requestsSucceededBefore: context.requestsSucceededBefore },
    );
  }
  const state: Attempts = {
    ledger: context.ledger,
    requestsMade: 0,
    records: [],
    unknownDetail: null,
    rateLimited: 0,
    transient: 0,
    shortQuotaRetried: false,
  };
  if (batch.length === 0) {
    return finish(state, context, []);
  }

  let request: HttpRequest;
  let secrets: string[];
  try {
    request = buildBulkRequest(
      batch.map((line) => line.item),
      context.target,
      { overwrite: context.overwrite },
      context.encodeBase64,
    );
    const token = normalizeToken(context.target.token);
    secrets = [token, context.encodeBase64(token)];
  } catch (error) {
    if (error instanceof PushError) {
      return stopBatch(state, context, batch, { reason: 'fatal', message: error.message });
    }
    throw error;
  }

  return runAttempts(batch, context, state, request, secrets);
}

function runAttempts(
  batch: SentLine[],
  context: SendContext,
  state: Attempts,
  request: HttpRequest,
  secrets: string[],
): BatchOutcome {
  const policy = context.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const formatTime = context.formatTime ?? formatUtcTime;

  for (;;) {
    const paced = waitForBudget(state, context, formatTime);
    if (paced !== null) {
      return stopBatch(state, context, batch, paced);
    }

    const startedMs = context.clock.now();
    const ledgerBefore = state.ledger;
    state.ledger = recordRequest(state.ledger, startedMs);
    state.requestsMade++;
    const result = attempt(context.http, request, secrets);
    if (result.failure !== undefined && neverReachedJoor(result.failure)) {
      state.ledger = ledgerBefore;
    }
    const record: AttemptRecord = { startedMs, detail: result.failure?.detail ?? 'ok' };
    state.records.push(record);
    if (result.response !== undefined) {
      record.status = result.response.status;
      applyThrottleHeaders(state, result.response, context.clock.now());
    }

    if (result.parsed?.ok) {
      const matched = matchResults(batch, result.parsed.lines);
      return finish(state, context, matched.rows, undefined, result.parsed.skuCount);
    }

    const failure = result.failure as Failure;
    record.failure = failure.kind;
    if (failure.outcomeUnknown) {
      state.unknownDetail = failure.detail;
    }
    const next = decideNext(state, context, policy, failure, result, formatTime);
    if (next.kind === 'stop') {
      return stopBatch(state, context, batch, next.stop);
    }
    if (next.kind === 'reject') {
      return rejectBatch(state, context, batch, next.message, result.response?.status);
    }
    if (next.kind === 'give_up') {
      return giveUpBatch(state, context, batch, next.message);
    }
    record.waitMs = next.waitMs;
    if (next.waitMs > 0) {
      context.clock.sleep(next.waitMs);
    }
  }
}

/** True for failures before any byte reached JOOR, which therefore cost no credits. */
function neverReachedJoor(failure: Failure): boolean {
  const isQuota = failure.kind === 'quota_daily' || failure.kind === 'quota_short';
  return isQuota || (failure.kind === 'transport' && !failure.outcomeUnknown);
}

interface AttemptResult {
  response?: HttpResponse;
  parsed?: ParsedBulkResponse;
  failure?: Failure;
  excerpt?: string;
}

function attempt(http: HttpPort, request: HttpRequest, secrets: string[]): AttemptResult {
  let response: HttpResponse;
  try {
    response = http.fetch(request);
  } catch (error) {
    return { failure: classifyException(error) };
  }
  const parsed = parseBulkResponse(response, secrets);
  if (parsed.ok) {
    return { response, parsed };
  }
  return { response, parsed, failure: classifyResponse(response, parsed), excerpt: parsed.excerpt };
}

function applyThrottleHeaders(state: Attempts, response: HttpResponse, nowMs: number): void {
  const { remaining } = readThrottleHeaders(response.headers, nowMs);
  if (remaining !== null && response.status !== 429) {
    state.ledger = recordRemaining(state.ledger, nowMs, remaining);
  }
}

/** Sleeps until the budget allows a write; returns a stop when that would pass the deadline. */
function waitForBudget(
  state: Attempts,
  context: SendContext,
  formatTime: (ms: number) => string,
): BatchStop | null {
  const now = context.clock.now();
  const waitMs = computeWaitMs(state.ledger, now);
  if (waitMs > 0 && context.overwrite && state.requestsMade === 0) {
    return overwritePostponed(now + waitMs, formatTime);
  }
  if (waitMs > 0 && now + waitMs > context.deadlineMs) {
    const resumeAtMs = now + waitMs;
    return {
      reason: 'rate_limited',
      message: `JOOR's rate limit (60 requests per 5 minutes) is used up; will resume at ${formatTime(resumeAtMs)}.`,
      resumeAtMs,
    };
  }
  if (waitMs > 0) {
    context.clock.sleep(waitMs);
  }
  if (context.clock.now() >= context.deadlineMs) {
    return {
      reason: 'deadline',
      message: 'Stopped before the Apps Script time limit; the push continues in the next execution.',
    };
  }
  return null;
}

/** Stops an overwrite that would have to wait for credits before its first request. */
function overwritePostponed(resumeAtMs: number, formatTime: (ms: number) => string): BatchStop {
  return {
    reason: 'rate_limited',
    message: `The overwrite needs a full JOOR credit window so that all its requests follow at once, and this one is used up. Nothing was replaced; run it again after ${formatTime(resumeAtMs)}.`,
    resumeAtMs,
  };
}

type NextStep =
  | { kind: 'retry'; waitMs: number }
  | { kind: 'stop'; stop: BatchStop }
  /** Retries are used up: the rows are marked, and only an overwrite run stops. */
  | { kind: 'give_up'; message: string }
  | { kind: 'reject'; message: string };

function decideNext(
  state: Attempts,
  context: SendContext,
  policy: RetryPolicy,
  failure: Failure,
  result: AttemptResult,
  formatTime: (ms: number) => string,
): NextStep {
  const now = context.clock.now();
  switch (failure.kind) {
    case 'rate_limited':
      return decideAfterRateLimit(state, context, policy, result, now, formatTime);
    case 'quota_daily':
      return {
        kind: 'stop',
        stop: {
          reason: 'quota',
          message:
            'Google daily UrlFetch quota reached; retry after the quota resets. This is a Google limit, not a rejection by JOOR.',
        },
      };
    case 'quota_short':
      if (!state.shortQuotaRetried && now + policy.shortQuotaSleepMs <= context.deadlineMs) {
        state.shortQuotaRetried = true;
        return { kind: 'retry', waitMs: policy.shortQuotaSleepMs };
      }
      return {
        kind: 'stop',
        stop: {
          reason: 'quota',
          message:
            'Google refused more UrlFetch calls for a short time; the next run sends these rows again.',
        },
      };
    case 'auth':
      return {
        kind: 'stop',
        stop: {
          reason: 'auth',
          message: `JOOR rejected the token (${failure.detail}). Check the API token for this environment in the settings; nothing was changed in JOOR.`,
        },
      };
    case 'rejected':
      return { kind: 'reject', message: rejectionMessage(failure, result.response, result.excerpt) };
    case 'server':
    case 'transport':
      return decideAfterTransient(state, context, policy, failure, result.excerpt, now);
    case 'fatal':
      return {
        kind: 'stop',
        stop: { reason: 'fatal', message: `The request failed (${failure.detail}) and was not retried.` },
      };
  }
}

function decideAfterRateLimit(
  state: Attempts,
  context: SendContext,
  policy: RetryPolicy,
  result: AttemptResult,
  now: number,
  formatTime: (ms: number) => string,
): NextStep {
  state.rateLimited++;
  const headers = readThrottleHeaders(result.response?.headers ?? {}, now);
  const resumeAtMs = headers.resumeAtMs ?? estimateResumeMs(state, context, policy, now);
  state.ledger = recordThrottle(state.ledger, now, resumeAtMs);

  if (context.overwrite) {
    // Someone else is spending this account's credits, so the updates after the overwrite
    // could be delayed too. A 429 applies nothing, so stopping leaves the account as it was.
    return { kind: 'stop', stop: overwritePostponed(resumeAtMs, formatTime) };
  }

  if (state.rateLimited >= policy.maxRateLimitAttempts || resumeAtMs > context.deadlineMs) {
    return {
      kind: 'stop',
      stop: {
        reason: 'rate_limited',
        message: `JOOR rate limit reached (HTTP 429); will resume at ${formatTime(resumeAtMs)}.`,
        resumeAtMs,
      },
    };
  }
  // The pacing step before the next attempt sleeps until `blockedUntilMs`.
  return { kind: 'retry', waitMs: 0 };
}

/**
 * Estimates when a 429 without timing headers ends. When earlier requests of the ledger's
 * window preceded this one, JOOR's window opened no later than the ledger's. So it ends by
 * the ledger's window end, and backoff jitter is added so clients do not all return at once.
 * When this request opened the ledger's window, JOOR's window was opened by someone else at
 * an unknown time, so plain backoff probes for its end.
 */
function estimateResumeMs(state: Attempts, context: SendContext, policy: RetryPolicy, now: number): number {
  const jitter = computeBackoffMs(state.rateLimited, policy, context.random);
  const windowEnd = state.ledger.creditsUsed > WRITE_CREDITS ? windowEndMs(state.ledger, now) : null;
  return windowEnd === null ? now + jitter : windowEnd + jitter;
}

function decideAfterTransient(
  state: Attempts,
  context: SendContext,
  policy: RetryPolicy,
  failure: Failure,
  excerpt: string | undefined,
  now: number,
): NextStep {
  state.transient++;
  const excerptSuffix = excerpt ? `: ${excerpt}` : '';
  if (state.transient >= policy.maxAttempts) {
    return {
      kind: 'give_up',
      message: `${failure.detail}${excerptSuffix}. Gave up after ${state.transient} attempts; the next run sends these rows again.`,
    };
  }
  const waitMs = computeBackoffMs(state.transient, policy, context.random);
  if (now + waitMs > context.deadlineMs) {
    return {
      kind: 'stop',
      stop: {
        reason: 'deadline',
        message: `${failure.detail}${excerptSuffix}. No time is left in this execution to retry; the push continues in the next execution.`,
      },
    };
  }
  return { kind: 'retry', waitMs };
}

function rejectionMessage(
  failure: Failure,
  response: HttpResponse | undefined,
  excerpt: string | undefined,
): string {
  const excerptSuffix = excerpt ? `: ${excerpt}` : '';
  const hint =
    response?.status === 413
      ? ' Lower "items per request" in the settings and push again.'
      : ' Check the rows of this batch; the other batches are not affected.';
  return `JOOR rejected the request (${failure.detail})${excerptSuffix}.${hint}`;
}

/** Marks every row failed after a 4xx or an error body; an overwrite run stops too. */
/**
 * Marks the rows of a rejected request. They are `failed` only when no attempt can have been
 * applied: after an attempt with an unknown outcome (a drop, a 504), or when JOOR answered 2xx with
 * an error body instead of results, JOOR may hold the lines, so the rows are `not_confirmed`.
 */
function rejectBatch(
  state: Attempts,
  context: SendContext,
  batch: SentLine[],
  message: string,
  status: number | undefined,
): BatchOutcome {
  const successStatus = status !== undefined && status >= 200 && status < 300;
  const unknown = state.unknownDetail !== null || successStatus;
  const rowStatus: RowStatus = unknown ? 'not_confirmed' : 'failed';
  const rowMessage =
    state.unknownDetail !== null
      ? `JOOR may have applied an earlier attempt of this request (${state.unknownDetail}), then answered: ${message}`
      : successStatus
        ? `JOOR answered ${status} with an error instead of results, so it is unknown whether it applied these lines: ${message}`
        : message;
  const rows: RowOutcome[] = batch.map((line) => ({ row: line.row, status: rowStatus, message: rowMessage }));
  const stop: BatchStop | undefined = context.overwrite
    ? {
        reason: 'fatal',
        message: `The overwrite's first request was rejected, so the push stops. ${message}`,
      }
    : undefined;
  return finish(state, context, rows, stop);
}

/** Marks the rows after the last retry; later batches may still go, unless this was an overwrite. */
function giveUpBatch(
  state: Attempts,
  context: SendContext,
  batch: SentLine[],
  message: string,
): BatchOutcome {
  if (context.overwrite) {
    return stopBatch(state, context, batch, { reason: 'fatal', message });
  }
  const outcome = stopBatch(state, context, batch, { reason: 'fatal', message });
  delete outcome.stop;
  return outcome;
}

/**
 * Marks every row `not_sent`, or `not_confirmed` when an attempt may have reached JOOR, and
 * returns the stop. For a possibly applied overwrite, the message states what the account may contain.
 */
function stopBatch(state: Attempts, context: SendContext, batch: SentLine[], stop: BatchStop): BatchOutcome {
  const unknown = state.unknownDetail;
  let message = stop.message;
  let status: RowStatus = 'not_sent';
  if (unknown !== null) {
    status = 'not_confirmed';
    message = `JOOR may have applied this request (${unknown}), but no result came back. ${message}`;
  }
  if (unknown !== null && context.overwrite && state.requestsMade > 0) {
    message = `The overwrite request's outcome is unknown (${unknown}): JOOR may have replaced all inventory with this batch only. Run the overwrite again to restore the rest. ${stop.message}`;
  }
  const rows: RowOutcome[] = batch.map((line) => ({ row: line.row, status, message }));
  return finish(state, context, rows, stop);
}

function finish(
  state: Attempts,
  context: SendContext,
  rows: RowOutcome[],
  stop?: BatchStop,
  skuCount?: number | null,
): BatchOutcome {
  const outcome: BatchOutcome = {
    rows,
    requestsMade: state.requestsMade,
    ledger: state.ledger,
    overwriteSent: context.overwrite && state.requestsMade > 0,
    attempts: state.records,
  };
  if (stop !== undefined) {
    outcome.stop = stop;
  }
  if (skuCount !== undefined && skuCount !== null) {
    outcome.skuCount = skuCount;
  }
  return outcome;
}
