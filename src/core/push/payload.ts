/**
 * Builds the `POST /bulk-inventory` request for one batch of inventory lines, in JSON or XML,
 * with JOOR's `OAuth2 <base64 token>` authorisation header.
 */

import { XMLBuilder } from 'fast-xml-parser';
import type { InventoryItem, StyleIdentifierKey, WireFormat } from '../../shared/types';
import type { Base64Encoder, HttpRequest } from '../ports';
import { PushError } from './errors';

/** UrlFetchApp rejects a POST payload above 50 MB per call. */
export const URLFETCH_MAX_PAYLOAD_BYTES = 50 * 1024 * 1024;

/** Target API, token and wire options of one request. */
export interface RequestTarget {
  /** API root without a trailing slash, e.g. `https://apisandbox.jooraccess.com/v2`. */
  baseUrl: string;
  /** The raw API token as JOOR issued it (not Base64). */
  token: string;
  format: WireFormat;
  decPending: boolean;
  styleIdentifierKey: StyleIdentifierKey;
}

/** Query flags of one request. */
export interface RequestFlags {
  /** Sends `overwrite=1`, which replaces the account's inventory with this request's lines. */
  overwrite: boolean;
}

/** One wire line: field name to text, integer or boolean, in JOOR's field-table order. */
export type WireItem = Record<string, string | number | boolean>;

const MIME_TYPES: Readonly<Record<WireFormat, string>> = {
  json: 'application/json',
  xml: 'application/xml',
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Trims a pasted token and rejects an empty one or one with whitespace inside, which is
 * always a copy-paste error (a line break or a second token).
 */
export function normalizeToken(raw: string): string {
  const token = raw.trim();
  if (token === '') {
    throw new PushError(
      'TOKEN_MISSING',
      'The JOOR API token is empty. Paste the token JOOR issued in the settings.',
    );
  }
  if (/\s/.test(token)) {
    throw new PushError(
      'TOKEN_HAS_WHITESPACE',
      'The JOOR API token contains a space or line break. Paste the token again as one unbroken string.',
    );
  }
  return token;
}

/** Builds the `Authorization` header value; the token is Base64-encoded here and nowhere else. */
export function buildAuthorizationHeader(token: string, encodeBase64: Base64Encoder): string {
  return `OAuth2 ${encodeBase64(normalizeToken(token))}`;
}

/**
 * Converts an item to its wire form. The style identifier goes under `style_identifier`,
 * under JOOR's bulk-page spelling `style_identifer`, or under both, per `key`.
 */
export function toWireItem(item: InventoryItem, key: StyleIdentifierKey): WireItem {
  // Plain assignments rather than a loop over field names: this runs once per line of a push.
  const wire: WireItem = {};
  if (item.warehouse !== undefined) wire.warehouse = item.warehouse;
  if (item.inventory_date !== undefined) wire.inventory_date = item.inventory_date;
  if (item.style_number !== undefined) wire.style_number = item.style_number;
  if (item.style_identifier !== undefined) {
    if (key !== 'style_identifer') wire.style_identifier = item.style_identifier;
    if (key !== 'style_identifier') wire.style_identifer = item.style_identifier;
  }
  if (item.style_id !== undefined) wire.style_id = item.style_id;
  if (item.color_code !== undefined) wire.color_code = item.color_code;
  if (item.style_color_id !== undefined) wire.style_color_id = item.style_color_id;
  if (item.size !== undefined) wire.size = item.size;
  if (item.size_code !== undefined) wire.size_code = item.size_code;
  wire.inventory = item.inventory;
  if (item.upc !== undefined) wire.upc = item.upc;
  if (item.made_to_order !== undefined) wire.made_to_order = item.made_to_order;
  return wire;
}

/** Serialises lines as `{"inventory_items":{"inventory_item":[…]}}` or the matching XML. */
export function serializeItems(items: InventoryItem[], format: WireFormat, key: StyleIdentifierKey): string {
  const wireItems = items.map((item) => toWireItem(item, key));
  if (format === 'json') {
    return JSON.stringify({ inventory_items: { inventory_item: wireItems } });
  }
  return serializeXml(wireItems);
}

function serializeXml(wireItems: WireItem[]): string {
  // Every value becomes text first, so the builder never formats a number or boolean itself.
  const textItems = wireItems.map((wire) => {
    const text: Record<string, string> = {};
    for (const [name, value] of Object.entries(wire)) {
      text[name] = String(value);
    }
    return text;
  });
  const builder = new XMLBuilder({ format: false, processEntities: true, suppressEmptyNode: false });
  const body: string = builder.build({ inventory_items: { inventory_item: textItems } });
  return `${XML_DECLARATION}${body}`;
}

/** Counts the UTF-8 bytes of a string without TextEncoder, which core cannot name. */
export function countUtf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

/** Builds the bulk URL; `overwrite=1` and `dec_pending=1` appear only when on. */
export function buildBulkUrl(baseUrl: string, decPending: boolean, flags: RequestFlags): string {
  const params: string[] = [];
  if (flags.overwrite) {
    params.push('overwrite=1');
  }
  if (decPending) {
    params.push('dec_pending=1');
  }
  const root = baseUrl.replace(/\/+$/, '');
  const query = params.length > 0 ? `?${params.join('&')}` : '';
  return `${root}/bulk-inventory${query}`;
}

/**
 * Builds one bulk-inventory request. Throws `PushError` with code `PAYLOAD_TOO_LARGE` when the
 * body exceeds UrlFetch's 50 MB limit, and the token errors of `normalizeToken`.
 */
export function buildBulkRequest(
  items: InventoryItem[],
  target: RequestTarget,
  flags: RequestFlags,
  encodeBase64: Base64Encoder,
): HttpRequest {
  const authorization = buildAuthorizationHeader(target.token, encodeBase64);
  const payload = serializeItems(items, target.format, target.styleIdentifierKey);
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so bytes are counted only when they may be over.
  const payloadBytes =
    payload.length * 3 > URLFETCH_MAX_PAYLOAD_BYTES ? countUtf8Bytes(payload) : payload.length;
  if (payloadBytes > URLFETCH_MAX_PAYLOAD_BYTES) {
    throw new PushError(
      'PAYLOAD_TOO_LARGE',
      `A request of ${items.length} lines is ${payloadBytes} bytes, above UrlFetch's limit of ${URLFETCH_MAX_PAYLOAD_BYTES} bytes. Lower "items per request" in the settings.`,
      { lines: items.length, bytes: payloadBytes },
    );
  }

  const mimeType = MIME_TYPES[target.format];
  return {
    url: buildBulkUrl(target.baseUrl, target.decPending, flags),
    method: 'post',
    headers: { Authorization: authorization, 'Content-Type': mimeType, Accept: mimeType },
    contentType: mimeType,
    payload,
  };
}
