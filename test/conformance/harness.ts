/**
 * Async helpers for the conformance suite: an HTTP port over Node's fetch and a `push` that
 * runs the core request builder, response parser and matcher against a live server.
 */

import type { HttpRequest, HttpResponse } from '../../src/core/ports';
import { matchResults, type RowMatch, type SentLine } from '../../src/core/push/match';
import { buildBulkRequest, type RequestTarget } from '../../src/core/push/payload';
import { type ParsedBulkResponse, parseBulkResponse } from '../../src/core/push/response';
import type { InventoryItem, StyleIdentifierKey, WireFormat } from '../../src/shared/types';

export const encodeBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** Sends a request with Node's fetch and returns it in the `HttpPort` response shape. */
export async function fetchAsync(request: HttpRequest): Promise<HttpResponse> {
  const init: RequestInit = { method: request.method.toUpperCase(), headers: request.headers };
  if (request.payload !== undefined) {
    init.body = request.payload;
  }
  const response = await fetch(request.url, init);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

/** Server and credentials a push goes to. */
export interface Server {
  /** API root, e.g. `http://127.0.0.1:41234/v2`. */
  baseUrl: string;
  token: string;
}

export interface PushSettings {
  format: WireFormat;
  styleIdentifierKey?: StyleIdentifierKey;
  overwrite?: boolean;
  decPending?: boolean;
}

export interface PushResult {
  response: HttpResponse;
  parsed: ParsedBulkResponse;
  /** Row results; empty when the response was not a usable result. */
  rows: RowMatch[];
}

/** Pushes items as rows 2, 3, … and returns JOOR's per-row verdicts. */
export async function push(
  server: Server,
  items: InventoryItem[],
  settings: PushSettings,
): Promise<PushResult> {
  const target: RequestTarget = {
    baseUrl: server.baseUrl,
    token: server.token,
    format: settings.format,
    decPending: settings.decPending ?? false,
    styleIdentifierKey: settings.styleIdentifierKey ?? 'both',
  };
  const request = buildBulkRequest(items, target, { overwrite: settings.overwrite ?? false }, encodeBase64);
  const response = await fetchAsync(request);
  const parsed = parseBulkResponse(response, [server.token]);
  const sent: SentLine[] = items.map((item, index) => ({ row: index + 2, item }));
  const rows = parsed.ok ? matchResults(sent, parsed.lines).rows : [];
  return { response, parsed, rows };
}

/** Lists `row:status` pairs, the form most assertions compare. */
export function statusesOf(result: PushResult): string[] {
  return result.rows.map((row) => `${row.row}:${row.status}`);
}
