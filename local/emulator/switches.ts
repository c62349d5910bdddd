/**
 * Emulator switches: one per point of JOOR's v2 inventory API that its documentation leaves open.
 * Defaults follow the documented or most likely behaviour; where JOOR only warns of unpredictable
 * results, the default makes the failure visible.
 */

/** Format of the `Retry-After` header when rate-limit headers are configured. */
export type RetryAfterForm = 'off' | 'seconds' | 'fractional_seconds' | 'http_date';

/**
 * Extra rate-limit headers. JOOR confirms only `X-Throttling-Account-Id`, so the other names are
 * configurable and each header is sent only when its name is set.
 */
export interface RateLimitHeaders {
  /** Header carrying the credit quota of a window (300). */
  limit?: string;
  /** Header carrying the credits left in the current window. */
  remaining?: string;
  /** Header carrying the whole seconds until the current window ends. */
  reset?: string;
  /** `Retry-After` on 429 responses, in the chosen form. */
  retryAfter?: RetryAfterForm;
}

export interface Switches {
  /** Scope of `overwrite=1`: every position of the account, or only those in warehouses the request names. */
  overwriteScope: 'account' | 'warehouses_in_request';
  /** Whether `overwrite=1` also clears dated (WIP) positions. */
  overwriteClearsDated: boolean;
  /** Outcome for cleared positions of SKUs the overwrite request leaves out. */
  overwriteOmitted: 'zero' | 'remove' | 'mto';
  /** JSON wrappers accepted: every documented shape, or only `inventory_items.inventory_item`. */
  jsonWrappers: 'all' | 'nested_only';
  /** Spelling of the style identifier key the server reads. */
  styleIdentifierKey: 'both' | 'style_identifer' | 'style_identifier';
  /** UPC matching: the exact stored text, or the same GTIN across its 12, 13 and 14-digit forms. */
  upcMatch: 'exact' | 'gtin';
  /** Pending-order statuses that `dec_pending=1` deducts. */
  pendingStatuses: 'pending' | 'pending_and_notes';
  /** Whether `dec_pending=1` deducts only orders of the line's warehouse, or every order of the SKU. */
  pendingScope: 'per_warehouse' | 'global';
  /** Whether the stored quantity after the pending deduction is floored at 0. */
  atsFloorAtZero: boolean;
  /** Whether `dec_pending=1` also deducts on dated positions. */
  decPendingOnDated: boolean;
  /** Outcome of a line naming a warehouse the account does not have. */
  unknownWarehouse: 'fail' | 'drop' | 'phantom';
  /** Rule for matching a line's warehouse against the account's warehouses. */
  warehouseMatch: 'exact_name' | 'case_insensitive' | 'name_or_code';
  /** Outcome of a line without a warehouse: stored in `Default`, or failed. */
  missingWarehouse: 'default' | 'fail';
  /** Response body shape: bare fields, or a root element with `response.code` as other v2 routes use. */
  responseEnvelope: 'bare' | 'response_code';
  /**
   * `sku` text of a log line. `upc_or_joined` returns the UPC as sent, `style_number-color_code-size`
   * or `style_id-style_color_id-size_code`. Any other value is a template with `{field}` placeholders.
   */
  skuFormat: string;
  /** Whether log lines carry an emulator-only `message` explaining failures. */
  lineMessage: 'off' | 'on';
  /** Log line order: as in the request, or shuffled (deterministically per request number). */
  logOrder: 'request' | 'shuffled';
  /** HTTP status when every line of a non-empty request fails. */
  allFailStatus: number;
  /** XML element name of each log line. */
  xmlLogElement: string;
  /** Largest accepted number of lines per request; `null` means unlimited. Larger requests get 413. */
  maxLinesPerRequest: number | null;
  /** Delay before every API response, in milliseconds of real time. */
  responseDelayMs: number;
  /** Extra rate-limit headers, or `off`. */
  rateLimitHeaders: 'off' | RateLimitHeaders;
  /** Whether a request rejected with 429 still consumes its credits. */
  chargeRejected: boolean;
  /** Whether v2 and v4 requests draw on the same credit bucket. */
  sharedBucket: boolean;
  /** Whether a `made_to_order=true` line must still carry `inventory`. */
  mtoRequiresInventory: boolean;
  /** Whether `made_to_order=false` clears the made-to-order flag of a SKU. */
  mtoFalseUnflags: boolean;
  /** Lines of one request with the same SKU, warehouse and date: the last one wins, they add up, or they fail. */
  duplicateLines: 'last_wins' | 'sum' | 'fail';
  /** Whether a negative `inventory` is stored or fails the line. */
  negativeInventory: 'fail' | 'accept';
  /** HTTP status for a missing or wrong token. */
  unauthorizedStatus: number;
  /** HTTP status for a write without a JSON or XML `Content-Type`. */
  missingContentTypeStatus: number;
  /** Log lines (one per season) produced by each matched request line, so `sku_count` can exceed the line count. */
  fanOut: number;
}

export const defaultSwitches: Readonly<Switches> = Object.freeze({
  overwriteScope: 'account',
  overwriteClearsDated: true,
  overwriteOmitted: 'zero',
  jsonWrappers: 'all',
  styleIdentifierKey: 'both',
  upcMatch: 'exact',
  pendingStatuses: 'pending',
  pendingScope: 'per_warehouse',
  atsFloorAtZero: true,
  decPendingOnDated: false,
  unknownWarehouse: 'fail',
  warehouseMatch: 'exact_name',
  missingWarehouse: 'default',
  responseEnvelope: 'bare',
  skuFormat: 'upc_or_joined',
  lineMessage: 'off',
  logOrder: 'request',
  allFailStatus: 200,
  xmlLogElement: 'inventory_log',
  maxLinesPerRequest: null,
  responseDelayMs: 0,
  rateLimitHeaders: 'off',
  chargeRejected: false,
  sharedBucket: true,
  mtoRequiresInventory: false,
  mtoFalseUnflags: true,
  duplicateLines: 'last_wins',
  negativeInventory: 'fail',
  unauthorizedStatus: 401,
  missingContentTypeStatus: 400,
  fanOut: 1,
} satisfies Switches);

const enumValues: { [K in keyof Switches]?: readonly string[] } = {
  overwriteScope: ['account', 'warehouses_in_request'],
  overwriteOmitted: ['zero', 'remove', 'mto'],
  jsonWrappers: ['all', 'nested_only'],
  styleIdentifierKey: ['both', 'style_identifer', 'style_identifier'],
  upcMatch: ['exact', 'gtin'],
  pendingStatuses: ['pending', 'pending_and_notes'],
  pendingScope: ['per_warehouse', 'global'],
  unknownWarehouse: ['fail', 'drop', 'phantom'],
  warehouseMatch: ['exact_name', 'case_insensitive', 'name_or_code'],
  missingWarehouse: ['default', 'fail'],
  responseEnvelope: ['bare', 'response_code'],
  lineMessage: ['off', 'on'],
  logOrder: ['request', 'shuffled'],
  duplicateLines: ['last_wins', 'sum', 'fail'],
  negativeInventory: ['fail', 'accept'],
};

const booleanKeys = new Set<keyof Switches>([
  'overwriteClearsDated',
  'atsFloorAtZero',
  'decPendingOnDated',
  'chargeRejected',
  'sharedBucket',
  'mtoRequiresInventory',
  'mtoFalseUnflags',
]);

const statusKeys = new Set<keyof Switches>([
  'allFailStatus',
  'unauthorizedStatus',
  'missingContentTypeStatus',
]);

/** Error for a switch name or value the emulator does not know; the control route returns it as 400. */
export class SwitchError extends Error {}

/**
 * Validates a partial switch object (as posted to the control route or given on the command line)
 * and merges it over `base`. Throws `SwitchError` naming the key, the value and the allowed values.
 */
export function mergeSwitches(base: Readonly<Switches>, patch: unknown): Switches {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new SwitchError(`Switches must be a JSON object, got ${JSON.stringify(patch)}`);
  }
  const merged: Switches = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(defaultSwitches, key)) {
      throw new SwitchError(
        `Unknown switch "${key}"; known switches: ${Object.keys(defaultSwitches).join(', ')}`,
      );
    }
    assignSwitch(merged, key as keyof Switches, value);
  }
  return merged;
}

function assignSwitch(target: Switches, key: keyof Switches, value: unknown): void {
  const allowed = enumValues[key];
  if (allowed) {
    requireThat(typeof value === 'string' && allowed.includes(value), key, value, allowed.join(' | '));
  } else if (booleanKeys.has(key)) {
    requireThat(typeof value === 'boolean', key, value, 'true | false');
  } else if (statusKeys.has(key)) {
    requireThat(
      Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599,
      key,
      value,
      'an HTTP status 100-599',
    );
  } else if (key === 'maxLinesPerRequest') {
    requireThat(
      value === null || (Number.isInteger(value) && (value as number) >= 1),
      key,
      value,
      'null or an integer ≥ 1',
    );
  } else if (key === 'responseDelayMs') {
    requireThat(
      typeof value === 'number' && Number.isFinite(value) && value >= 0,
      key,
      value,
      'milliseconds ≥ 0',
    );
  } else if (key === 'fanOut') {
    requireThat(Number.isInteger(value) && (value as number) >= 1, key, value, 'an integer ≥ 1');
  } else if (key === 'skuFormat' || key === 'xmlLogElement') {
    requireThat(typeof value === 'string' && value.length > 0, key, value, 'a non-empty string');
    if (key === 'xmlLogElement') {
      requireThat(/^[A-Za-z_][\w.-]*$/.test(value as string), key, value, 'an XML element name');
    }
  } else if (key === 'rateLimitHeaders') {
    assertRateLimitHeaders(value);
  }
  (target as unknown as Record<string, unknown>)[key] = value;
}

function assertRateLimitHeaders(value: unknown): void {
  const expected = `"off" or {limit?, remaining?, reset?: header name; retryAfter?: off | seconds | fractional_seconds | http_date}`;
  if (value === 'off') return;
  requireThat(
    typeof value === 'object' && value !== null && !Array.isArray(value),
    'rateLimitHeaders',
    value,
    expected,
  );
  for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
    if (field === 'retryAfter') {
      const forms = ['off', 'seconds', 'fractional_seconds', 'http_date'];
      requireThat(
        typeof fieldValue === 'string' && forms.includes(fieldValue),
        'rateLimitHeaders',
        value,
        expected,
      );
    } else {
      const isHeaderName = typeof fieldValue === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(fieldValue);
      requireThat(
        ['limit', 'remaining', 'reset'].includes(field) && isHeaderName,
        'rateLimitHeaders',
        value,
        expected,
      );
    }
  }
}

function requireThat(condition: boolean, key: string, value: unknown, expected: string): void {
  if (!condition) {
    throw new SwitchError(`Invalid value ${JSON.stringify(value)} for switch "${key}"; expected ${expected}`);
  }
}
