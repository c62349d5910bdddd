/**
 * JOOR API routes: authentication, credit throttling and the v2 inventory and style endpoints.
 * Fault injection and the request log wrap these in `emulator.ts`.
 */

import type { Account } from './account';
import { applyBulkInventory } from './bulk-inventory';
import type { VirtualClock } from './clock';
import { formatOfContentType, negotiateFormat, parseBulkBody, type WireFormat } from './request-body';
import { type RenderedBody, renderDocument, renderError, renderInventoryResponse } from './response';
import { buildStyleRecords } from './styles';
import type { RateLimitHeaders, Switches } from './switches';
import { CREDITS_PER_WINDOW, type CreditLimiter, creditCost, type ThrottleDecision } from './throttle';
import { handleAtlasAuth, handleV4Skus, isBearerAuthorized } from './v4-routes';

export interface ApiRequest {
  method: string;
  /** Decoded path segments, e.g. `['v2', 'style-number', '00/12', 'ST', 'inventory']`. */
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  requestNumber: number;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: RenderedBody;
  /** Bulk requests only: line count and flags, for the request log. */
  lineCount?: number;
  overwrite?: boolean;
  decPending?: boolean;
}

export interface ApiContext {
  account: Account;
  /** v4 access tokens issued by the password grant, with their expiry in epoch milliseconds. */
  accessTokens: Map<string, number>;
  switches: Switches;
  clock: VirtualClock;
  limiter: CreditLimiter;
}

type Route =
  | 'bulk'
  | 'style_inventory'
  | 'style_list'
  | 'style_by_number'
  | 'style_by_id'
  | 'atlas_auth'
  | 'v4_skus';

function matchRoute(segments: string[]): Route | undefined {
  const [version, resource, ...rest] = segments;
  if (version === 'auth' && segments.length === 1) return 'atlas_auth';
  if (version === 'v4' && resource === 'skus' && rest.length === 0) return 'v4_skus';
  if (version !== 'v2') return undefined;
  if (resource === 'bulk-inventory' && rest.length === 0) return 'bulk';
  if (resource === 'style' && rest.length === 0) return 'style_list';
  if (resource === 'style' && rest.length === 1) return 'style_by_id';
  if (resource === 'style-number' && rest.length === 2) return 'style_by_number';
  if (resource === 'style-number' && rest.length === 3 && rest[2] === 'inventory') return 'style_inventory';
  return undefined;
}

const ROUTE_METHODS: Record<Route, string[]> = {
  bulk: ['POST', 'PUT'],
  style_inventory: ['PUT'],
  style_list: ['GET'],
  style_by_number: ['GET'],
  style_by_id: ['GET'],
  atlas_auth: ['POST'],
  v4_skus: ['GET'],
};

export function handleApiRequest(context: ApiContext, request: ApiRequest): ApiResponse {
  const requestFormat = formatOfContentType(headerValue(request.headers, 'content-type'));
  const format = negotiateFormat(
    request.query.get('return_format'),
    headerValue(request.headers, 'accept'),
    requestFormat,
  );
  const fail = (status: number, code: string, message: string): ApiResponse => ({
    status,
    headers: {},
    body: renderError(code, message, format),
  });

  const route = matchRoute(request.segments);
  if (!route) return fail(404, 'NOT_FOUND', `No route for /${request.segments.join('/')}`);
  if (!ROUTE_METHODS[route].includes(request.method)) {
    const refused = fail(
      405,
      'METHOD_NOT_ALLOWED',
      `${request.method} is not allowed here; use ${ROUTE_METHODS[route].join(' or ')}`,
    );
    // HTTP requires a 405 to list the methods the route accepts.
    return { ...refused, headers: { Allow: ROUTE_METHODS[route].join(', ') } };
  }
  const now = context.clock.now();
  if (route === 'atlas_auth') {
    const grant = handleAtlasAuth(context.account, request.body, now, context.accessTokens);
    return { status: grant.status, headers: {}, body: grant.body };
  }
  const isV4 = route === 'v4_skus';
  const missingAuthorization = describeMissingAuthorization(
    context,
    isV4,
    headerValue(request.headers, 'authorization'),
  );
  if (missingAuthorization) {
    return fail(context.switches.unauthorizedStatus, 'UNAUTHORIZED', missingAuthorization);
  }

  const throttle = chargeCredits(context, isV4, request.method);
  const rateHeaders = createRateLimitHeaders(context.switches.rateLimitHeaders, throttle, now);
  if (!throttle.allowed) {
    const message =
      'The account used its 300 credits for this 300-second window; retry after the window ends';
    return { ...fail(429, 'TOO_MANY_REQUESTS', message), headers: rateHeaders };
  }

  const response = routeRequest(context, route, request, requestFormat, format);
  return { ...response, headers: { ...rateHeaders, ...response.headers } };
}

/** Returns why the request is not authorized, or `undefined` when its token is valid. */
function describeMissingAuthorization(
  context: ApiContext,
  isV4: boolean,
  authorization: string | undefined,
): string | undefined {
  const now = context.clock.now();
  const authorized = isV4
    ? isBearerAuthorized(authorization, now, context.accessTokens)
    : isAuthorized(authorization, context.account.token);
  if (authorized) return undefined;
  const expected = isV4 ? 'Bearer <access_token from POST /auth/>' : 'OAuth2 <Base64 of the API token>';
  return `Missing or invalid token; send the header "Authorization: ${expected}"`;
}

/** Charges the request to the account's bucket. v4 requests get their own bucket when `sharedBucket` is off. */
function chargeCredits(context: ApiContext, isV4: boolean, method: string): ThrottleDecision {
  const accountId = context.account.accountId;
  const bucket = isV4 && !context.switches.sharedBucket ? `${accountId}:v4` : accountId;
  return context.limiter.charge(
    bucket,
    creditCost(method),
    context.clock.now(),
    context.switches.chargeRejected,
  );
}

function routeRequest(
  context: ApiContext,
  route: Exclude<Route, 'atlas_auth'>,
  request: ApiRequest,
  requestFormat: WireFormat | null,
  format: WireFormat,
): ApiResponse {
  const styles = () => buildStyleRecords(context.account.catalogue);
  const [, , first = '', second = ''] = request.segments;
  switch (route) {
    case 'v4_skus': {
      const result = handleV4Skus(context.account, request.query);
      return { status: result.status, headers: {}, body: result.body };
    }
    case 'bulk':
      return handleBulk(context, request, requestFormat, format);
    case 'style_inventory':
      return handleStyleInventory(context, request, first, second, format);
    case 'style_list': {
      const count = Number(request.query.get('count') ?? '100');
      const start = Number(request.query.get('start_from') ?? '0');
      const all = styles();
      const page = all.slice(
        Math.max(0, start) || 0,
        (Math.max(0, start) || 0) + (Math.max(1, count) || 100),
      );
      return {
        status: 200,
        headers: {},
        body: renderDocument('styles', { total: all.length, style: page }, format),
      };
    }
    case 'style_by_number': {
      const style = styles().find(
        (entry) => entry.style_number === first && entry.style_identifier === second,
      );
      if (style) return { status: 200, headers: {}, body: renderDocument('style', { ...style }, format) };
      return errorResponse(
        404,
        'NOT_FOUND',
        `No style with style_number "${first}" and style_identifier "${second}"`,
        format,
      );
    }
    case 'style_by_id': {
      const style = styles().find((entry) => String(entry.style_id) === first);
      if (style) return { status: 200, headers: {}, body: renderDocument('style', { ...style }, format) };
      return errorResponse(404, 'NOT_FOUND', `No style with style_id "${first}"`, format);
    }
  }
}

function handleBulk(
  context: ApiContext,
  request: ApiRequest,
  requestFormat: WireFormat | null,
  format: WireFormat,
): ApiResponse {
  const overwrite = request.query.get('overwrite') === '1';
  const decPending = request.query.get('dec_pending') === '1';
  const flags = { overwrite, decPending };
  if (requestFormat === null) {
    const sent = headerValue(request.headers, 'content-type') ?? '(none)';
    const message = `Content-Type ${sent} is not supported; send application/json or application/xml`;
    return {
      ...errorResponse(
        context.switches.missingContentTypeStatus,
        'UNSUPPORTED_CONTENT_TYPE',
        message,
        format,
      ),
      ...flags,
    };
  }
  const parsed = parseBulkBody(request.body, requestFormat, context.switches);
  if (!parsed.ok) return { ...errorResponse(400, 'INVALID_BODY', parsed.message, format), ...flags };

  const lineCount = parsed.lines.length;
  const limit = context.switches.maxLinesPerRequest;
  if (limit !== null && lineCount > limit) {
    const message = `The request has ${lineCount} inventory_item lines; at most ${limit} are accepted per request`;
    return { ...errorResponse(413, 'TOO_MANY_LINES', message, format), ...flags, lineCount };
  }

  const result = applyBulkInventory(context.account, context.switches, {
    lines: parsed.lines,
    overwrite,
    decPending,
    requestNumber: request.requestNumber,
  });
  const status = result.allFailed ? context.switches.allFailStatus : 200;
  return {
    status,
    headers: {},
    body: renderInventoryResponse(result, context.switches, format),
    ...flags,
    lineCount,
  };
}

/**
 * Applies the one-SKU query-string variant: `PUT /v2/style-number/{n}/{id}/inventory/?color_code&size|upc&inventory…`.
 * NOTE: it requires no Content-Type because the request has no body. JOOR does not document whether it rejects a request without one.
 */
function handleStyleInventory(
  context: ApiContext,
  request: ApiRequest,
  styleNumber: string,
  styleIdentifier: string,
  format: WireFormat,
): ApiResponse {
  const query = request.query;
  const line: Record<string, unknown> = { style_number: styleNumber, style_identifier: styleIdentifier };
  for (const field of ['upc', 'color_code', 'size', 'inventory', 'inventory_date', 'warehouse']) {
    const value = query.get(field);
    if (value !== null) line[field] = value;
  }
  const decPending = query.get('dec_pending') === '1';
  const result = applyBulkInventory(context.account, context.switches, {
    lines: [line],
    overwrite: false,
    decPending,
    requestNumber: request.requestNumber,
  });
  const status = result.allFailed ? context.switches.allFailStatus : 200;
  return {
    status,
    headers: {},
    body: renderInventoryResponse(result, context.switches, format),
    decPending,
    lineCount: 1,
  };
}

function errorResponse(status: number, code: string, message: string, format: WireFormat): ApiResponse {
  return { status, headers: {}, body: renderError(code, message, format) };
}

/** Accepts only `OAuth2 ` followed by the standard Base64 of the exact token, so `Bearer` and raw tokens fail. */
function isAuthorized(header: string | undefined, token: string): boolean {
  return header === `OAuth2 ${Buffer.from(token, 'utf8').toString('base64')}`;
}

function createRateLimitHeaders(
  config: 'off' | RateLimitHeaders,
  throttle: ThrottleDecision,
  nowMs: number,
): Record<string, string> {
  if (config === 'off') return {};
  const headers: Record<string, string> = {};
  const waitMs = Math.max(0, throttle.windowEndsMs - nowMs);
  if (config.limit) headers[config.limit] = String(CREDITS_PER_WINDOW);
  if (config.remaining) headers[config.remaining] = String(throttle.remaining);
  if (config.reset) headers[config.reset] = String(Math.ceil(waitMs / 1000));
  if (!throttle.allowed && config.retryAfter && config.retryAfter !== 'off') {
    headers['Retry-After'] = formatRetryAfter(config.retryAfter, waitMs, nowMs);
  }
  return headers;
}

function formatRetryAfter(
  form: 'seconds' | 'fractional_seconds' | 'http_date',
  waitMs: number,
  nowMs: number,
): string {
  if (form === 'seconds') return String(Math.ceil(waitMs / 1000));
  if (form === 'fractional_seconds') return (waitMs / 1000).toFixed(3);
  // An HTTP date has whole seconds, so round the moment up to the next second.
  return new Date(Math.ceil((nowMs + waitMs) / 1000) * 1000).toUTCString();
}

export function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
