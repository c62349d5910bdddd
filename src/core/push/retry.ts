/**
 * Classifies request failures and computes backoff delays. Random numbers come from a
 * `RandomSource` so tests can seed them.
 */

import type { HttpResponse } from '../ports';
import type { ParsedBulkResponse } from './response';

/** Returns a number in [0, 1), like Math.random. */
export type RandomSource = () => number;

/** Failure class of one attempt, which decides the next step. */
export type FailureKind =
  /** HTTP 429: wait for the window, then retry. */
  | 'rate_limited'
  /** 5xx, an HTML page or an unreadable 2xx body: retried with backoff. */
  | 'server'
  /** A transport exception (address unavailable, timeout): retried with backoff. */
  | 'transport'
  /** `Service invoked too many times for one day: urlfetch`: never retried that day. */
  | 'quota_daily'
  /** `Service invoked too many times in a short time`: one short sleep, one retry. */
  | 'quota_short'
  /** 401 or 403: the token was rejected. */
  | 'auth'
  /** Any other 4xx, or a 2xx carrying an error: the batch's rows fail. */
  | 'rejected'
  /** Any other exception, which is not retried. */
  | 'fatal';

export interface Failure {
  kind: FailureKind;
  /** Short description for logs and messages, e.g. `HTTP 502 (HTML error page)`. */
  detail: string;
  /**
   * True when JOOR may have applied the request although no result came back (504, 500,
   * a timeout or dropped connection), so its rows are `not_confirmed`, never `not_sent`.
   */
  outcomeUnknown: boolean;
}

/** Retry limits for one batch. */
export interface RetryPolicy {
  /** Attempts for 5xx, transport and malformed-body failures, the first included. */
  maxAttempts: number;
  /** Attempts when JOOR returns 429, the first included. */
  maxRateLimitAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Sleep before the single retry after a short-time UrlFetch quota error. */
  shortQuotaSleepMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxRateLimitAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  // The platform's own message suggests Utilities.sleep(1000) between calls.
  shortQuotaSleepMs: 1_000,
};

const DAILY_QUOTA = /too many times for one day/i;
const SHORT_QUOTA = /too many times in a short time/i;
// Failures that happen before a connection exists, so JOOR cannot have seen the request.
const TRANSPORT_BEFORE_CONNECT = /dns error|unknown host|connection refused|could not connect/i;
const TRANSPORT =
  /address unavailable|timeout|timed out|connection|socket hang up|unexpected end|dropped|econnreset|dns error|unknown host/i;

/** Reads the message of anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

/**
 * Classifies an exception thrown by `HttpPort.fetch`. Apps Script reports a connection
 * dropped after the request was sent as `Address unavailable` or `Timeout`, so those may have
 * reached JOOR; only DNS and connect failures certainly did not.
 */
export function classifyException(error: unknown): Failure {
  const message = errorMessage(error).replace(/^Exception:\s*/i, '');
  const detail = message.split(':')[0]?.trim() || 'network error';
  if (DAILY_QUOTA.test(message)) {
    return { kind: 'quota_daily', detail: 'Google daily UrlFetch quota reached', outcomeUnknown: false };
  }
  if (SHORT_QUOTA.test(message)) {
    return {
      kind: 'quota_short',
      detail: 'Google UrlFetch called too often in a short time',
      outcomeUnknown: false,
    };
  }
  if (TRANSPORT.test(message)) {
    return { kind: 'transport', detail, outcomeUnknown: !TRANSPORT_BEFORE_CONNECT.test(message) };
  }
  return { kind: 'fatal', detail, outcomeUnknown: false };
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function describeStatus(status: number): string {
  const text = STATUS_TEXT[status];
  return text === undefined ? `HTTP ${status}` : `HTTP ${status} ${text}`;
}

/**
 * Classifies a response that `parseBulkResponse` did not accept. 500 and 504 may follow a
 * request JOOR applied; 502 and 503 come from a gateway that usually never passed it on.
 */
export function classifyResponse(
  response: HttpResponse,
  parsed: ParsedBulkResponse & { ok: false },
): Failure {
  const status = response.status;
  const page = parsed.kind === 'html_page' ? ' (HTML error page)' : '';
  const detail = `${describeStatus(status)}${page}`;

  if (status === 429) {
    return { kind: 'rate_limited', detail, outcomeUnknown: false };
  }
  if (status === 401 || status === 403) {
    return { kind: 'auth', detail, outcomeUnknown: false };
  }
  if (status >= 500 || status === 408) {
    return { kind: 'server', detail, outcomeUnknown: status === 500 || status === 504 || status === 408 };
  }
  if (status >= 400) {
    return { kind: 'rejected', detail, outcomeUnknown: false };
  }
  if (parsed.kind === 'error_body') {
    return { kind: 'rejected', detail: `${detail} with an error body`, outcomeUnknown: false };
  }
  // A 2xx that is an HTML page or unreadable: JOOR may have applied it.
  const what = parsed.kind === 'html_page' ? 'an HTML page' : 'an unreadable body';
  return { kind: 'server', detail: `${describeStatus(status)} with ${what}`, outcomeUnknown: true };
}

/**
 * Exponential backoff with jitter: a random delay between a quarter of the cap and the cap,
 * where the cap is min(maxDelayMs, baseDelayMs × 2^(attempt − 1)). `attempt` counts from 1.
 */
export function computeBackoffMs(attempt: number, policy: RetryPolicy, random: RandomSource): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const floor = cap / 4;
  return Math.round(floor + random() * (cap - floor));
}
