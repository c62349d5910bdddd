// UrlFetchApp fake: synchronous real HTTP to loopback servers, with Apps Script's options,
// errors and limits. Option semantics follow the UrlFetchApp reference
// (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app) and limits the
// quota page (https://developers.google.com/apps-script/guides/services/quotas).
import type { VirtualClock } from './clock';
import { type Execution, SCOPES } from './execution';
import type { SyncHttpClient, WireRequest, WireResult } from './sync-http';

/** One fetch as the runtime saw it. The Authorization header is never recorded. */
export interface FetchRecord {
  /** URL as the script passed it. */
  url: string;
  /** Loopback URL the request went to, or null when it was never sent. */
  routedUrl: string | null;
  method: string;
  /** HTTP status, or null after a transport failure, timeout or rejection. */
  status: number | null;
  /** Virtual milliseconds the request took. */
  ms: number;
  /** Error thrown to the script, if any. */
  error?: string;
}

/**
 * Response header through which a server (the JOOR emulator) reports an injected delay in
 * milliseconds without sleeping in real time. The runtime adds it to the virtual clock and
 * removes the header from the response.
 */
export const DELAY_HEADER = 'X-Emulator-Delay-Ms';
/** Request header carrying the virtual epoch milliseconds, so a server can follow the clock. */
export const CLOCK_HEADER = 'X-Emulator-Clock';

/** About 60 s: undocumented and not configurable in Apps Script, as widely reported. */
export const FETCH_TIMEOUT_MS = 60_000;
export const MAX_URL_LENGTH = 2 * 1024;
export const MAX_PAYLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const MAX_HEADER_COUNT = 100;
export const MAX_HEADER_BYTES = 8 * 1024;

/** Apps Script sets this User-Agent itself and ignores the script's (the id part is opaque). */
const USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: local)';
const METHODS = new Set(['get', 'delete', 'patch', 'post', 'put']);

/** UrlFetch state that outlives one execution. */
export interface UrlFetchState {
  clock: VirtualClock;
  http: SyncHttpClient;
  routes: Record<string, string>;
  /** Manifest `urlFetchWhitelist` prefixes, or null when the manifest has none. */
  allowlist: string[] | null;
  dailyQuota: number;
  /** Origins besides 127.0.0.1 that may be contacted, only when the user names a JOOR host explicitly. */
  externalOrigins: readonly string[];
  log: FetchRecord[];
  quota: { windowStartMs: number; used: number };
}

interface FetchParams {
  url?: unknown;
  method?: unknown;
  headers?: unknown;
  payload?: unknown;
  contentType?: unknown;
  muteHttpExceptions?: unknown;
  followRedirects?: unknown;
  validateHttpsCertificates?: unknown;
  escaping?: unknown;
}

interface PreparedRequest {
  url: string;
  method: string;
  mute: boolean;
  wire: WireRequest;
}

export function createUrlFetchApp(execution: Execution, state: UrlFetchState) {
  const enter = (method: string) => {
    execution.enter('UrlFetchApp', method);
    execution.requireAuthorization('UrlFetchApp', method, SCOPES.externalRequest);
  };

  return {
    fetch(url: unknown, params?: unknown) {
      enter('fetch');
      const request = prepareRequest(String(url), (params ?? {}) as FetchParams);
      const [response] = sendAll([request], state, execution);
      return response;
    },
    fetchAll(requests: unknown) {
      enter('fetchAll');
      if (!Array.isArray(requests)) {
        throw new Error('UrlFetchApp.fetchAll expects an array of URLs or request objects.');
      }
      const prepared = requests.map((item) => {
        const params = (typeof item === 'string' ? { url: item } : (item ?? {})) as FetchParams;
        if (typeof params.url !== 'string') {
          throw new Error('Each request passed to UrlFetchApp.fetchAll needs a "url" string.');
        }
        return prepareRequest(params.url, params);
      });
      return sendAll(prepared, state, execution);
    },
    getRequest(url: unknown, params?: unknown) {
      enter('getRequest');
      const request = prepareRequest(String(url), (params ?? {}) as FetchParams);
      return {
        url: request.url,
        method: request.method,
        headers: withoutHeader(request.wire.headers, 'authorization'),
        payload: request.wire.body ? Buffer.from(request.wire.body).toString('utf8') : '',
        contentType: request.wire.headers['Content-Type'] ?? '',
        followRedirects: request.wire.followRedirects,
        muteHttpExceptions: request.mute,
      };
    },
  };
}

// `validateHttpsCertificates` has no effect here: only plain http on loopback is ever contacted.
function prepareRequest(rawUrl: string, params: FetchParams): PreparedRequest {
  const url = params.escaping === false ? rawUrl : escapeUrl(rawUrl);
  const method = String(params.method ?? 'get').toLowerCase();
  if (!METHODS.has(method)) {
    throw new Error(
      `Invalid argument: method "${String(params.method)}". Use get, delete, patch, post or put.`,
    );
  }
  if (url.length > MAX_URL_LENGTH) {
    // NOTE: message as users report it; the 2 KB limit is on the quota page.
    throw new Error('Limit Exceeded: URLFetch URL Length.');
  }

  const headers = normalizeHeaders(params.headers);
  const body = encodePayload(params.payload);
  if (body !== undefined) {
    if (body.byteLength > MAX_PAYLOAD_BYTES) throw new Error('Limit Exceeded: URLFetch POST Size.');
    const contentType = typeof params.contentType === 'string' ? params.contentType : undefined;
    const existing = Object.keys(headers).find((name) => name.toLowerCase() === 'content-type');
    if (contentType !== undefined || existing === undefined) {
      if (existing !== undefined) delete headers[existing];
      headers['Content-Type'] = contentType ?? 'application/x-www-form-urlencoded';
    }
  }
  checkHeaderLimits(headers);

  return {
    url,
    method,
    mute: params.muteHttpExceptions === true,
    wire: {
      url,
      method: method.toUpperCase(),
      headers,
      ...(body === undefined ? {} : { body }),
      followRedirects: params.followRedirects !== false,
      timeoutMs: FETCH_TIMEOUT_MS,
    },
  };
}

/** Percent-encodes characters that are not legal in a URL, leaving existing escapes alone. */
function escapeUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (char) => encodeURIComponent(char));
}

function normalizeHeaders(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (raw === undefined || raw === null) return headers;
  if (typeof raw !== 'object') throw new Error('Invalid argument: headers must be an object of strings.');
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (name.toLowerCase() === 'user-agent') continue;
    headers[name] = String(value);
  }
  return headers;
}

function checkHeaderLimits(headers: Record<string, string>): void {
  const names = Object.keys(headers);
  // NOTE: the limits (100 headers, 8 KB) are on the quota page; the messages are this fake's own.
  if (names.length > MAX_HEADER_COUNT) {
    throw new Error(
      `Limit Exceeded: URLFetch header count (${names.length} headers; at most ${MAX_HEADER_COUNT}).`,
    );
  }
  const bytes = names.reduce(
    (sum, name) => sum + Buffer.byteLength(name) + Buffer.byteLength(headers[name] ?? ''),
    0,
  );
  if (bytes > MAX_HEADER_BYTES) {
    throw new Error(`Limit Exceeded: URLFetch header size (${bytes} bytes; at most ${MAX_HEADER_BYTES}).`);
  }
}

/**
 * Encodes a payload as Apps Script does: a string as UTF-8, a byte array as is, and a plain
 * object as an application/x-www-form-urlencoded form (not JSON).
 */
function encodePayload(payload: unknown): Uint8Array | undefined {
  if (payload === undefined || payload === null) return undefined;
  if (typeof payload === 'string') return new Uint8Array(Buffer.from(payload, 'utf8'));
  if (Array.isArray(payload) && payload.every((b) => typeof b === 'number')) {
    return new Uint8Array(payload.map((b) => b & 0xff));
  }
  if (isBlobLike(payload)) return new Uint8Array(payload.getBytes().map((b) => b & 0xff));
  if (typeof payload === 'object') {
    // NOTE: Apps Script sends multipart/form-data when a value is a Blob; not supported here.
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(payload as Record<string, unknown>))
      form.append(key, String(value));
    return new Uint8Array(Buffer.from(form.toString(), 'utf8'));
  }
  return new Uint8Array(Buffer.from(String(payload), 'utf8'));
}

function isBlobLike(value: unknown): value is { getBytes(): number[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getBytes?: unknown }).getBytes === 'function'
  );
}

function withoutHeader(headers: Record<string, string>, lowerName: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== lowerName));
}

/** Checks allowlist, quota and routing for every request, then sends them as one parallel batch. */
function sendAll(requests: PreparedRequest[], state: UrlFetchState, execution: Execution) {
  const routed = requests.map((request) => {
    checkAllowlist(request.url, state.allowlist);
    consumeQuota(state);
    return routeRequest(request, state);
  });

  const startedMs = state.clock.now();
  const results = state.http.send(routed.map((r) => r.wire));
  const delays = results.map((result) => (result.ok ? injectedDelayMs(result.rawHeaders) : 0));
  const outcomes = results.map((result, index) =>
    interpretResult(result, requests[index]!, routed[index]!.wire.url, delays[index]!),
  );

  // Requests run in parallel, so the batch takes as long as its slowest request.
  const virtualMs = Math.min(Math.max(0, ...delays), FETCH_TIMEOUT_MS);
  state.clock.sleep(virtualMs);
  const elapsedMs = state.clock.now() - startedMs;

  for (const outcome of outcomes) {
    state.log.push({ ...outcome.record, ms: Math.min(elapsedMs, FETCH_TIMEOUT_MS) });
  }
  execution.checkTime();

  // One failing element makes the whole fetchAll throw, as a single fetch would.
  const failure = outcomes.find((outcome) => outcome.error !== undefined);
  if (failure?.error !== undefined) throw new Error(failure.error);
  return outcomes.map((outcome) => createHttpResponse(outcome.response!, execution));
}

/** Applies the manifest `urlFetchWhitelist`: a URL must start with one prefix (`*.` matches subdomains). */
function checkAllowlist(url: string, allowlist: string[] | null): void {
  if (allowlist === null) return;
  const allowed = allowlist.some((prefix) => {
    if (!prefix.includes('*')) return url.startsWith(prefix);
    const pattern = prefix
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace('\\*\\.', '(?:[^/]+\\.)?')
      .replace('*', '[^/]*');
    return new RegExp(`^${pattern}`).test(url);
  });
  if (!allowed) {
    // Message as Apps Script reports it for versioned deployments (seen in public issue threads).
    throw new Error(
      `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`,
    );
  }
}

/** Counts one call against the daily quota, which resets 24 h after the first call of the window. */
function consumeQuota(state: UrlFetchState): void {
  const now = state.clock.now();
  if (now - state.quota.windowStartMs >= 24 * 60 * 60 * 1000) {
    state.quota.windowStartMs = now;
    state.quota.used = 0;
  }
  if (state.quota.used >= state.dailyQuota) {
    throw new Error('Service invoked too many times for one day: urlfetch.');
  }
  state.quota.used++;
}

function routeRequest(request: PreparedRequest, state: UrlFetchState): { wire: WireRequest } {
  const keys = Object.keys(state.routes).sort((a, b) => b.length - a.length);
  const key = keys.find((prefix) => request.url.startsWith(prefix));
  const target = key === undefined ? request.url : state.routes[key]! + request.url.slice(key.length);

  const external = isExternalOrigin(target, state.externalOrigins);
  if (!isLoopbackHttp(target) && !external) {
    state.log.push({
      url: request.url,
      routedUrl: null,
      method: request.method,
      status: null,
      ms: 0,
      error: 'address unavailable',
    });
    throw new Error(`Address unavailable: ${request.url}`);
  }
  // A real JOOR host gets no emulator clock header.
  const headers = external
    ? { ...request.wire.headers, 'User-Agent': USER_AGENT }
    : { ...request.wire.headers, 'User-Agent': USER_AGENT, [CLOCK_HEADER]: String(state.clock.now()) };
  return { wire: { ...request.wire, url: target, headers } };
}

/**
 * True when `url` is on one of the origins the user named explicitly (the CLI's --joor-url).
 * NOTE: tests never contact such an origin, so the https path of the worker is exercised only by
 * a person pushing to a real JOOR sandbox.
 */
export function isExternalOrigin(url: string, origins: readonly string[]): boolean {
  try {
    return origins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/** Only plain http to 127.0.0.1 may be contacted; every other host is refused before any I/O. */
export function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

function injectedDelayMs(rawHeaders: string[]): number {
  const value = headerValues(rawHeaders, DELAY_HEADER)[0];
  const ms = value === undefined ? 0 : Number(value);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

interface WireResponse {
  status: number;
  rawHeaders: string[];
  body: Uint8Array;
}

interface Outcome {
  record: Omit<FetchRecord, 'ms'>;
  response?: WireResponse;
  error?: string;
}

function interpretResult(
  result: WireResult,
  request: PreparedRequest,
  routedUrl: string,
  delayMs: number,
): Outcome {
  const base = { url: request.url, routedUrl, method: request.method };
  if (!result.ok) {
    const error =
      result.error === 'timeout' ? `Timeout: ${request.url}` : `Address unavailable: ${request.url}`;
    return { record: { ...base, status: null, error }, error };
  }
  if (result.realMs + delayMs > FETCH_TIMEOUT_MS) {
    const error = `Timeout: ${request.url}`;
    return { record: { ...base, status: null, error }, error };
  }
  if (result.body.byteLength > MAX_RESPONSE_BYTES) {
    const error = 'Limit Exceeded: URLFetch response size.';
    return { record: { ...base, status: result.status, error }, error };
  }

  const rawHeaders = stripHeader(result.rawHeaders, DELAY_HEADER);
  const response = { status: result.status, rawHeaders, body: result.body };
  if (result.status >= 400 && !request.mute) {
    const error = unmutedErrorMessage(request.url, result.status, result.body);
    return { record: { ...base, status: result.status, error }, response, error };
  }
  return { record: { ...base, status: result.status }, response };
}

/**
 * Apps Script's message for a status of 400 or more without muteHttpExceptions. It names only
 * the scheme and host of the URL, e.g. "Request failed for https://api.notion.com returned code
 * 400. Truncated server response: {...} (use muteHttpExceptions option to examine full response)"
 * as quoted in public issue threads.
 */
function unmutedErrorMessage(url: string, status: number, body: Uint8Array): string {
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    // Keep the URL as passed when it does not parse.
  }
  // NOTE: the truncation length is not documented; 200 characters is this fake's choice.
  const text = Buffer.from(body).toString('utf8');
  const truncated = text.length > 200 ? `${text.slice(0, 200)}...` : text;
  return `Request failed for ${origin} returned code ${status}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`;
}

function headerValues(rawHeaders: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === name.toLowerCase()) values.push(rawHeaders[i + 1]!);
  }
  return values;
}

function stripHeader(rawHeaders: string[], name: string): string[] {
  const remaining: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() !== name.toLowerCase())
      remaining.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  return remaining;
}

/** Converts bytes to Apps Script's Byte[]: numbers from -128 to 127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

function charsetOf(rawHeaders: string[]): string {
  const contentType = headerValues(rawHeaders, 'content-type')[0] ?? '';
  const match = /charset=([^;]+)/i.exec(contentType);
  return match?.[1]?.trim().replace(/^"|"$/g, '') ?? 'utf-8';
}

function decode(body: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    throw new Error(`Invalid argument: charset "${charset}" is not supported.`);
  }
}

/** HTTPResponse with the methods the add-on uses; every call is counted like other services. */
function createHttpResponse(response: WireResponse, execution: Execution) {
  const enter = (method: string) => execution.enter('HTTPResponse', method);
  const contentType = headerValues(response.rawHeaders, 'content-type')[0] ?? '';

  return {
    getResponseCode() {
      enter('getResponseCode');
      return response.status;
    },
    getContentText(charset?: string) {
      enter('getContentText');
      return decode(response.body, charset ?? charsetOf(response.rawHeaders));
    },
    getContent() {
      enter('getContent');
      return toSignedBytes(response.body);
    },
    /** Header names as the server sent them; a repeated header keeps its last value. */
    getHeaders() {
      enter('getHeaders');
      const headers: Record<string, string> = {};
      for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
        headers[response.rawHeaders[i]!] = response.rawHeaders[i + 1]!;
      }
      return headers;
    },
    /** Like getHeaders, but a repeated header maps to an array of its values. */
    getAllHeaders() {
      enter('getAllHeaders');
      const headers: Record<string, string | string[]> = {};
      for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
        const name = response.rawHeaders[i]!;
        const value = response.rawHeaders[i + 1]!;
        const existing = headers[name];
        if (existing === undefined) headers[name] = value;
        else headers[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
      }
      return headers;
    },
    getBlob() {
      enter('getBlob');
      return {
        getDataAsString: (charset?: string) =>
          decode(response.body, charset ?? charsetOf(response.rawHeaders)),
        getBytes: () => toSignedBytes(response.body),
        getContentType: () => contentType.split(';')[0]?.trim() ?? '',
      };
    },
  };
}
