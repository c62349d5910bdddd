/**
 * Fault injection by request number. A schedule is loaded before the requests it affects (a client
 * that blocks on a synchronous fetch cannot drive faults live), and request numbers count API
 * requests from 1 since the last reset or since the schedule was loaded.
 */

export type Fault =
  /** An error status with an HTML page (as a proxy or gateway sends) or a plain-text body. */
  | { kind: 'status'; status: number; bodyType?: 'html' | 'text'; body?: string; applyChange?: boolean }
  /** HTTP 200 whose JSON body is an error object instead of an inventory log. */
  | { kind: 'error_body'; body?: string; applyChange?: boolean }
  /** HTTP 200 with a truncated JSON body. */
  | { kind: 'malformed'; applyChange?: boolean }
  /** The request is handled normally after a real-time delay. */
  | { kind: 'delay'; ms: number }
  /** The socket is destroyed without any response. */
  | { kind: 'drop'; applyChange?: boolean }
  /** The change is applied, then an error status (504 unless given) replaces the response. */
  | { kind: 'status_after_apply'; status?: number; bodyType?: 'html' | 'text' }
  /** HTTP 429 with exactly the given headers; no credits are charged. */
  | { kind: 'throttle'; headers?: Record<string, string>; body?: string };

export type FaultKind = Fault['kind'];

/** One scheduled fault: `at` is the 1-based request number it hits. */
export type ScheduledFault = Fault & { at: number };

export const FAULT_KINDS: readonly FaultKind[] = [
  'status',
  'error_body',
  'malformed',
  'delay',
  'drop',
  'status_after_apply',
  'throttle',
];

/** Error for an invalid schedule; the control route returns it as 400. */
export class FaultScheduleError extends Error {}

/** Validates a schedule posted as `{"faults": [...]}` or as a bare array. */
export function parseFaultSchedule(body: unknown): ScheduledFault[] {
  const list = Array.isArray(body) ? body : (body as { faults?: unknown } | null)?.faults;
  if (!Array.isArray(list)) {
    throw new FaultScheduleError('Fault schedule must be {"faults": [...]} or an array of faults');
  }
  return list.map((entry, index) => validateFault(entry, index));
}

function validateFault(entry: unknown, index: number): ScheduledFault {
  const place = `faults[${index}]`;
  if (typeof entry !== 'object' || entry === null) throw new FaultScheduleError(`${place} must be an object`);
  const fault = entry as Record<string, unknown>;
  if (!Number.isInteger(fault.at) || (fault.at as number) < 1) {
    throw new FaultScheduleError(`${place}.at must be a request number ≥ 1, got ${JSON.stringify(fault.at)}`);
  }
  if (!FAULT_KINDS.includes(fault.kind as FaultKind)) {
    throw new FaultScheduleError(
      `${place}.kind ${JSON.stringify(fault.kind)} is unknown; expected ${FAULT_KINDS.join(' | ')}`,
    );
  }
  const status = fault.status;
  if (
    status !== undefined &&
    !(Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599)
  ) {
    throw new FaultScheduleError(
      `${place}.status must be an HTTP status 100-599, got ${JSON.stringify(status)}`,
    );
  }
  if (fault.kind === 'status' && status === undefined)
    throw new FaultScheduleError(`${place}.status is missing`);
  if (fault.kind === 'delay' && !(typeof fault.ms === 'number' && fault.ms >= 0)) {
    throw new FaultScheduleError(`${place}.ms must be milliseconds ≥ 0, got ${JSON.stringify(fault.ms)}`);
  }
  return entry as ScheduledFault;
}

/** Returns the fault body text and its MIME type for an error status. */
export function renderFaultBody(
  status: number,
  bodyType: 'html' | 'text',
  body?: string,
): { text: string; type: string } {
  if (bodyType === 'text') {
    return { text: body ?? `upstream error ${status}`, type: 'text/plain; charset=utf-8' };
  }
  const html =
    body ??
    `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head>` +
      `<body><h1>${status} Error</h1><p>The server encountered a temporary error. Please try again.</p></body></html>`;
  return { text: html, type: 'text/html; charset=utf-8' };
}

/** Returns a pseudo-random generator of floats in [0, 1) (mulberry32), reproducible from `seed`. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomScheduleOptions {
  /** Number of request numbers to cover, starting at 1. */
  requests: number;
  /** Chance that a request gets a fault, 0 to 1. Default 0.3. */
  probability?: number;
  /** Fault kinds to draw from. Default every kind. */
  kinds?: readonly FaultKind[];
}

/** Generates a fault schedule for soak tests; the same seed and options always give the same schedule. */
export function createRandomFaultSchedule(seed: number, options: RandomScheduleOptions): ScheduledFault[] {
  const random = createRandom(seed);
  const probability = options.probability ?? 0.3;
  const kinds = options.kinds ?? FAULT_KINDS;
  const schedule: ScheduledFault[] = [];
  for (let at = 1; at <= options.requests; at++) {
    if (random() >= probability) continue;
    const kind = kinds[Math.floor(random() * kinds.length)] ?? 'status';
    schedule.push(createRandomFault(kind, at, random));
  }
  return schedule;
}

function createRandomFault(kind: FaultKind, at: number, random: () => number): ScheduledFault {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  switch (kind) {
    case 'status':
      return { at, kind, status: pick([500, 502, 503, 504]), bodyType: pick(['html', 'text'] as const) };
    case 'error_body':
    case 'malformed':
    case 'drop':
      return { at, kind, applyChange: random() < 0.5 };
    case 'delay':
      return { at, kind, ms: Math.floor(random() * 50) };
    case 'status_after_apply':
      return { at, kind, status: 504 };
    case 'throttle':
      return { at, kind, headers: { 'Retry-After': String(1 + Math.floor(random() * 30)) } };
  }
}
