/**
 * The emulator's state and request handling, independent of the HTTP server: API requests with
 * fault injection and the request log, and the `/_emulator/` test-hook routes.
 */

import { Account, SeedError } from './account';
import { type ApiResponse, handleApiRequest, headerValue } from './api-routes';
import { VirtualClock } from './clock';
import { FaultScheduleError, parseFaultSchedule, renderFaultBody, type ScheduledFault } from './faults';
import type { RenderedBody } from './response';
import type { EmulatorSeed } from './seed-types';
import { defaultSwitches, mergeSwitches, SwitchError, type Switches } from './switches';
import { CreditLimiter } from './throttle';

/** Latest clock value accepted: the end of the year 9999, the last date the Date header can print. */
const MAX_CLOCK_MS = 253_402_300_799_999;

export interface IncomingRequest {
  method: string;
  /** Path as received, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Action for the HTTP layer: send a response, or destroy the socket without one. */
export type Outcome =
  | {
      kind: 'respond';
      status: number;
      headers: Record<string, string>;
      body: RenderedBody;
      delayMs: number;
      lineCount?: number;
    }
  | { kind: 'drop'; delayMs: number; lineCount?: number };

export interface RequestLogEntry {
  /** 1-based request number, the one fault schedules refer to. */
  number: number;
  method: string;
  path: string;
  query: Record<string, string>;
  overwrite: boolean;
  decPending: boolean;
  lineCount: number | null;
  /** HTTP status sent, or `null` when the connection was dropped. */
  status: number | null;
  fault: string | null;
  /** Emulator clock at arrival, epoch milliseconds. */
  atMs: number;
}

export class Emulator {
  readonly clock = new VirtualClock();
  readonly #limiter = new CreditLimiter();
  #seed: EmulatorSeed;
  #account: Account;
  #switches: Switches;
  #faults = new Map<number, ScheduledFault>();
  #requestCount = 0;
  #requestLog: RequestLogEntry[] = [];
  readonly #accessTokens = new Map<string, number>();

  constructor(seed: EmulatorSeed, switches: Partial<Switches> = {}) {
    this.#seed = structuredClone(seed);
    this.#account = new Account(this.#seed);
    this.#switches = mergeSwitches(defaultSwitches, switches);
  }

  get accountId(): string {
    return this.#account.accountId;
  }

  get token(): string {
    return this.#account.token;
  }

  /** Handles an API request: fault injection, then authentication, throttling and the route. */
  handleApi(request: IncomingRequest, segments: string[]): Outcome {
    const number = ++this.#requestCount;
    const atMs = this.clock.now();
    const fault = this.#faults.get(number);
    const run = (): ApiResponse =>
      handleApiRequest(
        {
          account: this.#account,
          accessTokens: this.#accessTokens,
          switches: this.#switches,
          clock: this.clock,
          limiter: this.#limiter,
        },
        {
          method: request.method,
          segments,
          query: request.query,
          headers: request.headers,
          body: request.body,
          requestNumber: number,
        },
      );

    const { outcome, response } = applyFault(fault, run, this.#switches.responseDelayMs);
    const status = outcome.kind === 'respond' ? outcome.status : null;
    if (outcome.kind === 'respond') outcome.headers['X-Throttling-Account-Id'] = this.#account.accountId;
    this.#requestLog.push({
      number,
      method: request.method,
      path: request.rawPath,
      query: Object.fromEntries(request.query),
      overwrite: response?.overwrite ?? request.query.get('overwrite') === '1',
      decPending: response?.decPending ?? request.query.get('dec_pending') === '1',
      lineCount: response?.lineCount ?? null,
      status,
      fault: fault?.kind ?? null,
      atMs,
    });
    return { ...outcome, ...(response?.lineCount !== undefined && { lineCount: response.lineCount }) };
  }

  /** Handles a `/_emulator/` route; `route` is the path after that prefix. */
  handleControl(
    method: string,
    route: string,
    body: string,
    query: URLSearchParams,
  ): { status: number; json: unknown } {
    try {
      return this.#routeControl(method, route, body, query);
    } catch (error) {
      if (error instanceof SeedError || error instanceof SwitchError || error instanceof FaultScheduleError) {
        return { status: 400, json: { error: { code: 'INVALID_CONTROL_REQUEST', message: error.message } } };
      }
      if (error instanceof SyntaxError) {
        return {
          status: 400,
          json: { error: { code: 'INVALID_JSON', message: `Body is not valid JSON: ${error.message}` } },
        };
      }
      throw error;
    }
  }

  #routeControl(
    method: string,
    route: string,
    body: string,
    query: URLSearchParams,
  ): { status: number; json: unknown } {
    const key = `${method} ${route}`;
    const parseBody = (): unknown => (body.trim() === '' ? {} : JSON.parse(body));
    switch (key) {
      case 'GET health':
        return { status: 200, json: this.#describeHealth() };
      case 'GET positions':
        return { status: 200, json: this.#describePositions() };
      case 'GET requests':
        return { status: 200, json: { requests: this.#requestLog } };
      case 'POST reset':
        this.reset();
        return { status: 200, json: { ok: true } };
      case 'POST seed':
        this.replaceSeed(parseBody() as EmulatorSeed);
        return { status: 200, json: { ok: true, accountId: this.#account.accountId } };
      case 'GET switches':
        return { status: 200, json: this.#switches };
      case 'POST switches': {
        const base = query.get('replace') === '1' ? defaultSwitches : this.#switches;
        this.#switches = mergeSwitches(base, parseBody());
        return { status: 200, json: this.#switches };
      }
      case 'GET faults':
        return { status: 200, json: { faults: [...this.#faults.values()] } };
      case 'POST faults':
        this.#faults = new Map(parseFaultSchedule(parseBody()).map((fault) => [fault.at, fault]));
        this.#requestCount = 0;
        return { status: 200, json: { faults: [...this.#faults.values()] } };
      case 'POST clock':
        return this.#setClock(parseBody());
      default:
        return {
          status: 404,
          json: { error: { code: 'NOT_FOUND', message: `No emulator route ${method} /_emulator/${route}` } },
        };
    }
  }

  /** Restores positions and flags to the seed and clears throttle windows, the request log and the request count. Switches, the fault schedule and the clock stay. */
  reset(): void {
    this.#account = new Account(this.#seed);
    this.#limiter.clear();
    this.#accessTokens.clear();
    this.#requestLog = [];
    this.#requestCount = 0;
  }

  replaceSeed(seed: EmulatorSeed): void {
    const account = new Account(seed);
    this.#seed = structuredClone(seed);
    this.#account = account;
    this.reset();
  }

  /** Moves the clock to the `X-Emulator-Clock` header value when a request carries one. */
  observeClockHeader(headers: Record<string, string | string[] | undefined>): void {
    const value = headerValue(headers, 'x-emulator-clock');
    if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return;
    const nowMs = Number(value.trim());
    // Dates past year 9999 print as "Invalid Date" in the Date header, so they are ignored.
    if (nowMs <= MAX_CLOCK_MS) this.clock.observe(nowMs);
  }

  #setClock(body: unknown): { status: number; json: unknown } {
    const { nowMs, advanceMs } = (body ?? {}) as { nowMs?: unknown; advanceMs?: unknown };
    if (typeof nowMs === 'number' && Number.isFinite(nowMs) && nowMs > MAX_CLOCK_MS) {
      const message = `nowMs ${nowMs} is past the year 9999; send an epoch time in milliseconds`;
      return { status: 400, json: { error: { code: 'INVALID_CONTROL_REQUEST', message } } };
    }
    if (
      typeof advanceMs === 'number' &&
      Number.isFinite(advanceMs) &&
      this.clock.now() + advanceMs > MAX_CLOCK_MS
    ) {
      const message = `advanceMs ${advanceMs} would move the clock past the year 9999`;
      return { status: 400, json: { error: { code: 'INVALID_CONTROL_REQUEST', message } } };
    }
    if (typeof nowMs === 'number' && Number.isFinite(nowMs)) {
      if (nowMs < this.clock.now()) {
        const message = `nowMs ${nowMs} is earlier than the emulator clock ${this.clock.now()}; the clock never moves backwards`;
        return { status: 409, json: { error: { code: 'CLOCK_BACKWARDS', message } } };
      }
      return { status: 200, json: { nowMs: this.clock.observe(nowMs) } };
    }
    if (typeof advanceMs === 'number' && Number.isFinite(advanceMs) && advanceMs >= 0) {
      return { status: 200, json: { nowMs: this.clock.advance(advanceMs) } };
    }
    const message = 'Send {"nowMs": <epoch ms>} or {"advanceMs": <ms ≥ 0>}';
    return { status: 400, json: { error: { code: 'INVALID_CONTROL_REQUEST', message } } };
  }

  #describeHealth(): Record<string, unknown> {
    return {
      ok: true,
      accountId: this.#account.accountId,
      nowMs: this.clock.now(),
      virtualClock: this.clock.isVirtual(),
      requestCount: this.#requestCount,
    };
  }

  #describePositions(): Record<string, unknown> {
    const skuFields = (sku: Account['catalogue'][number]) => ({
      upc: sku.upc ?? null,
      style_id: sku.style_id,
      style_color_id: sku.style_color_id,
      style_number: sku.style_number,
      style_identifier: sku.style_identifier,
      color_code: sku.color_code,
      size: sku.size,
      size_code: sku.size_code,
    });
    const positions = [...this.#account.positions.values()].map((position) => ({
      ...skuFields(position.sku),
      warehouse: position.warehouse,
      inventory_date: position.date,
      quantity: position.quantity,
      made_to_order: this.#account.madeToOrder.has(position.sku),
    }));
    positions.sort((a, b) => compareText(positionSortKey(a), positionSortKey(b)));
    return {
      positions,
      madeToOrder: [...this.#account.madeToOrder].map(skuFields),
      phantomWarehouses: [...this.#account.phantomWarehouses],
    };
  }
}

function positionSortKey(position: {
  style_id: number;
  style_color_id: number;
  size_code: string;
  warehouse: string;
  inventory_date: string | null;
}): string {
  return [
    position.style_id,
    position.style_color_id,
    position.size_code,
    position.warehouse,
    position.inventory_date ?? '',
  ].join('\u0000');
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/**
 * Runs the request under its scheduled fault. A fault that replaces the response skips the route
 * unless it sets `applyChange`, and `status_after_apply` always runs the route first.
 */
function applyFault(
  fault: ScheduledFault | undefined,
  run: () => ApiResponse,
  responseDelayMs: number,
): { outcome: Outcome; response: ApiResponse | undefined } {
  const respond = (response: ApiResponse, delayMs = responseDelayMs): Outcome => ({
    kind: 'respond',
    status: response.status,
    headers: { ...response.headers },
    body: response.body,
    delayMs,
  });
  if (!fault) {
    const response = run();
    return { outcome: respond(response), response };
  }
  switch (fault.kind) {
    case 'delay': {
      const response = run();
      return { outcome: respond(response, responseDelayMs + fault.ms), response };
    }
    case 'throttle': {
      const body = {
        text:
          fault.body ??
          JSON.stringify({ error: { code: 'TOO_MANY_REQUESTS', message: 'Too many requests' } }),
        contentType: 'application/json; charset=utf-8',
      };
      return {
        outcome: {
          kind: 'respond',
          status: 429,
          headers: { ...fault.headers },
          body,
          delayMs: responseDelayMs,
        },
        response: undefined,
      };
    }
    case 'status_after_apply': {
      const response = run();
      const status = fault.status ?? 504;
      const body = renderFaultBody(status, fault.bodyType ?? 'html');
      return {
        outcome: {
          kind: 'respond',
          status,
          headers: {},
          body: { text: body.text, contentType: body.type },
          delayMs: responseDelayMs,
        },
        response,
      };
    }
    default: {
      const response = fault.applyChange ? run() : undefined;
      return { outcome: createFaultOutcome(fault, responseDelayMs), response };
    }
  }
}

function createFaultOutcome(fault: ScheduledFault, delayMs: number): Outcome {
  const json = 'application/json; charset=utf-8';
  if (fault.kind === 'drop') return { kind: 'drop', delayMs };
  if (fault.kind === 'status') {
    const body = renderFaultBody(fault.status, fault.bodyType ?? 'html', fault.body);
    return {
      kind: 'respond',
      status: fault.status,
      headers: {},
      body: { text: body.text, contentType: body.type },
      delayMs,
    };
  }
  if (fault.kind === 'error_body') {
    const text =
      fault.body ??
      JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'An internal error occurred' } });
    return { kind: 'respond', status: 200, headers: {}, body: { text, contentType: json }, delayMs };
  }
  // malformed: a JSON log cut off mid-way, as a proxy that drops the connection would leave it.
  return {
    kind: 'respond',
    status: 200,
    headers: {},
    body: { text: '{"sku_count": 1, "inventory_log": [{"sku": "', contentType: json },
    delayMs,
  };
}
