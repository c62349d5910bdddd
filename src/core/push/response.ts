/**
 * Parses a bulk-inventory response defensively. JOOR documents only the field names
 * (`sku_count`, `inventory_log`, `sku`, `inventory_log_id`, `status`), not the envelope, the
 * XML element names or the order, so the parser searches the whole tree for them.
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { HttpResponse } from '../ports';

/** The status JOOR gave one log line, reduced to pass, fail or unknown. */
export type LineStatus = 'pass' | 'fail' | 'unknown';

/** One `inventory_log` entry. */
export interface LogLine {
  /** The request's SKU data joined into one string by JOOR; empty when absent. */
  sku: string;
  status: LineStatus;
  /** The status text as JOOR sent it. */
  rawStatus: string;
  logId?: string;
  /** A per-line message, when the server sends one (JOOR documents none). */
  message?: string;
}

/** Reason a response is not a usable result. */
export type ResponseErrorKind =
  /** A status outside 2xx. */
  | 'http_status'
  /** An HTML page (a proxy or gateway error), whatever the status. */
  | 'html_page'
  /** A 2xx body that is neither valid JSON nor valid XML, or has no result at all. */
  | 'malformed'
  /** A 2xx body that reports an error instead of results. */
  | 'error_body';

export type ParsedBulkResponse =
  | { ok: true; skuCount: number | null; lines: LogLine[] }
  | { ok: false; kind: ResponseErrorKind; status: number; excerpt: string };

/** Maximum length of a response excerpt in a message. */
export const EXCERPT_MAX_CHARS = 100;

const PASS_WORDS = new Set(['pass', 'passed', 'success', 'succeeded', 'ok', 'true']);
const FAIL_WORDS = new Set(['fail', 'failed', 'failure', 'error', 'false']);
const ERROR_KEYS = ['error', 'errors', 'error_message', 'message', 'detail', 'comment'];

/**
 * Parses a response. Checks the status and Content-Type before parsing anything, and never
 * parses an HTML page. A body without `sku_count` and without any log line is `malformed`,
 * or `error_body` when it carries an error field or a non-zero `response.code`.
 */
export function parseBulkResponse(response: HttpResponse, secrets: string[] = []): ParsedBulkResponse {
  const { status } = response;
  const html = isHtml(response);
  const tree = html ? undefined : parseTree(response);
  const fail = (kind: ResponseErrorKind): ParsedBulkResponse => ({
    ok: false,
    kind,
    status,
    excerpt: makeExcerpt(findErrorText(tree) ?? response.body, secrets),
  });

  if (status < 200 || status > 299) {
    return fail(html ? 'html_page' : 'http_status');
  }
  if (html) {
    return fail('html_page');
  }
  if (tree === undefined) {
    return fail('malformed');
  }

  const lines = collectLines(tree);
  const skuCount = findSkuCount(tree);
  const code = findResponseCode(tree);
  if (code !== null && code !== '0') {
    return fail('error_body');
  }
  if (lines.length === 0 && skuCount === null) {
    return fail(hasErrorField(tree) ? 'error_body' : 'malformed');
  }
  return { ok: true, skuCount, lines };
}

function contentTypeOf(response: HttpResponse): string {
  return (response.headers['content-type'] ?? '').toLowerCase();
}

function isHtml(response: HttpResponse): boolean {
  if (contentTypeOf(response).includes('html')) {
    return true;
  }
  return /^\s*(<!doctype\s+html|<html[\s>])/i.test(response.body);
}

/** Parses by Content-Type; without one, by the first character. Returns undefined when invalid. */
function parseTree(response: HttpResponse): unknown {
  const type = contentTypeOf(response);
  const text = response.body.trim();
  if (type.includes('json') || (!type.includes('xml') && /^[[{]/.test(text))) {
    return parseJson(text);
  }
  if (type.includes('xml') || text.startsWith('<')) {
    return parseXml(text);
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseXml(text: string): unknown {
  if (text === '' || XMLValidator.validate(text) !== true) {
    return undefined;
  }
  // Values stay strings so `012345678905` and `12E4` keep their text. Repeated log elements
  // come back as arrays whatever their name, because the walker below reads both shapes.
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (_name: string, _path: unknown, isLeaf: boolean) => !isLeaf,
  });
  try {
    return parser.parse(text);
  } catch {
    return undefined;
  }
}

/** Visits every object in a parsed tree, depth first, in document order. */
function visitObjects(node: unknown, visit: (object: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) {
      visitObjects(child, visit);
    }
    return;
  }
  if (node !== null && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    visit(object);
    for (const child of Object.values(object)) {
      visitObjects(child, visit);
    }
  }
}

/** Reads a scalar, or a one-element array holding a scalar (XML leaves can arrive either way). */
function scalarText(value: unknown): string | null {
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof single === 'string' || typeof single === 'number' || typeof single === 'boolean') {
    return String(single).trim();
  }
  return null;
}

function classifyStatus(raw: string): LineStatus {
  const word = raw.toLowerCase();
  if (PASS_WORDS.has(word)) {
    return 'pass';
  }
  if (FAIL_WORDS.has(word)) {
    return 'fail';
  }
  return 'unknown';
}

/**
 * Collects every object with a `status` that is a log line, meaning it also has `sku` or
 * `inventory_log_id`. A bare `{"status": "error"}` is an error body, not a line.
 */
function collectLines(tree: unknown): LogLine[] {
  const lines: LogLine[] = [];
  visitObjects(tree, (object) => {
    const rawStatus = scalarText(object.status);
    if (rawStatus === null) {
      return;
    }
    const sku = scalarText(object.sku);
    const logId = scalarText(object.inventory_log_id) ?? scalarText(object.log_id);
    const status = classifyStatus(rawStatus);
    if (sku === null && logId === null) {
      return;
    }
    const line: LogLine = { sku: sku ?? '', status, rawStatus };
    if (logId !== null && logId !== '') {
      line.logId = logId;
    }
    const message = scalarText(object.message) ?? scalarText(object.error);
    if (message !== null && message !== '') {
      line.message = message;
    }
    lines.push(line);
  });
  return lines;
}

function findSkuCount(tree: unknown): number | null {
  let found: number | null = null;
  visitObjects(tree, (object) => {
    const text = scalarText(object.sku_count);
    if (found === null && text !== null && /^\d+$/.test(text)) {
      found = Number(text);
    }
  });
  return found;
}

/** Finds `response.code` of the v2 envelope (`0` is success). */
function findResponseCode(tree: unknown): string | null {
  let found: string | null = null;
  visitObjects(tree, (object) => {
    const response = Array.isArray(object.response) ? object.response[0] : object.response;
    if (found === null && response !== null && typeof response === 'object') {
      found = scalarText((response as Record<string, unknown>).code);
    }
  });
  return found;
}

function hasErrorField(tree: unknown): boolean {
  let found = false;
  visitObjects(tree, (object) => {
    if (ERROR_KEYS.some((key) => key in object)) {
      found = true;
    }
  });
  return found;
}

/**
 * Finds the first error text in a parsed error body, e.g. `message` in
 * `{"error": {"code": "…", "message": "…"}}`, so the excerpt shows the sentence, not the JSON.
 */
function findErrorText(tree: unknown): string | null {
  let found: string | null = null;
  visitObjects(tree, (object) => {
    for (const key of ERROR_KEYS) {
      const text = found === null ? scalarText(object[key]) : null;
      if (text !== null && text !== '') {
        found = text;
      }
    }
  });
  return found;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Makes a short plain-text excerpt of a body for a status message: tags, scripts and styles
 * removed, whitespace collapsed, authorisation values and the given secrets masked, at most
 * `EXCERPT_MAX_CHARS` characters. Never include header values in `body`.
 */
export function makeExcerpt(body: string, secrets: string[] = []): string {
  let text = body
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) => decodeEntity(entity, name));
  for (const secret of secrets) {
    if (secret !== '') {
      text = text.split(secret).join('[redacted]');
    }
  }
  text = text.replace(/\b(OAuth2|Bearer|Basic)\s+\S+/gi, '$1 [redacted]');
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_MAX_CHARS) {
    return text;
  }
  return `${text.slice(0, EXCERPT_MAX_CHARS - 1).trimEnd()}…`;
}

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#')) {
    const code = Number(name.slice(1));
    return code > 31 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[name.toLowerCase()] ?? entity;
}
