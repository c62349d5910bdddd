/** Public API of the JOOR push engine: request building, parsing, planning, pacing and sending. */

export { PushError, type PushErrorCode } from './errors';
export {
  type FingerprintTarget,
  fingerprintLine,
  hashToken,
} from './fingerprint';
export {
  LEASE_KEY,
  type RenewLeaseRequest,
  type RunLease,
  readLease,
  releaseLease,
  renewLease,
  type TakeLeaseRequest,
  type TakeLeaseResult,
  takeLease,
} from './lease';
export { type MatchReport, matchResults, type RowMatch, type SentLine } from './match';
export {
  buildBulkRequest,
  countUtf8Bytes,
  normalizeToken,
  type RequestFlags,
  type RequestTarget,
  serializeItems,
  URLFETCH_MAX_PAYLOAD_BYTES,
} from './payload';
export {
  ASSUMED_REQUEST_MS,
  checkOverwrite,
  DEFAULT_EXECUTION_BUDGET_MS,
  DEFAULT_ITEMS_PER_REQUEST,
  type KeyedLine,
  type OverwriteBudget,
  type OverwriteCheck,
  type PlanInput,
  planBatches,
  planReplaceFromSheet,
  summarisePlan,
} from './plan';
export {
  type CreditLedger,
  computeWaitMs,
  createLedger,
  creditsAvailable,
  parseLedger,
  parseRetryAfter,
  readThrottleHeaders,
  recordRemaining,
  recordRequest,
  recordThrottle,
  WINDOW_CREDITS,
  WINDOW_MS,
  WRITE_CREDITS,
  WRITES_PER_WINDOW,
  windowEndMs,
} from './rate';
export {
  type LineStatus,
  type LogLine,
  makeExcerpt,
  type ParsedBulkResponse,
  parseBulkResponse,
} from './response';
export {
  classifyException,
  classifyResponse,
  computeBackoffMs,
  DEFAULT_RETRY_POLICY,
  type Failure,
  type FailureKind,
  type RandomSource,
  type RetryPolicy,
} from './retry';
export {
  type AttemptRecord,
  type BatchOutcome,
  type BatchStop,
  formatUtcTime,
  type RowOutcome,
  type SendContext,
  type StopReason,
  sendBatch,
} from './send';
