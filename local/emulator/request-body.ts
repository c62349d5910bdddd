/**
 * Content negotiation and parsing of bulk-inventory bodies (JSON or XML) into raw lines. XML values
 * stay strings, so `012345678905` keeps its leading zero and `12E4` stays text.
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Switches } from './switches';

export type WireFormat = 'json' | 'xml';

/** One `inventory_item` as received: JSON values keep their types, XML values are strings. */
export type RawLine = Record<string, unknown>;

export type ParsedBody = { ok: true; lines: RawLine[] } | { ok: false; message: string };

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name, jpath) => jpath === 'inventory_items.inventory_item',
});

/** Returns the body format named by a `Content-Type` header, or `null` when it is neither JSON nor XML. */
export function formatOfContentType(contentType: string | undefined): WireFormat | null {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === 'application/json') return 'json';
  if (mime === 'application/xml' || mime === 'text/xml') return 'xml';
  return null;
}

/**
 * Picks the response format: the `return_format` query parameter, then `Accept`, then the request's
 * own format, then JSON.
 */
export function negotiateFormat(
  returnFormat: string | null,
  accept: string | undefined,
  requestFormat: WireFormat | null,
): WireFormat {
  if (returnFormat === 'xml' || returnFormat === 'json') return returnFormat;
  const accepted = (accept ?? '').toLowerCase();
  const xmlAt = Math.max(accepted.indexOf('application/xml'), accepted.indexOf('text/xml'));
  const jsonAt = accepted.indexOf('application/json');
  if (xmlAt >= 0 && (jsonAt < 0 || xmlAt < jsonAt)) return 'xml';
  if (jsonAt >= 0) return 'json';
  return requestFormat ?? 'json';
}

export function parseBulkBody(text: string, format: WireFormat, switches: Switches): ParsedBody {
  return format === 'json' ? parseJsonBody(text, switches) : parseXmlBody(text);
}

function parseJsonBody(text: string, switches: Switches): ParsedBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Request body is not valid JSON: ${(error as Error).message}` };
  }
  const items = (body as { inventory_items?: unknown } | null)?.inventory_items;
  if (items === undefined || items === null || typeof items !== 'object') {
    return {
      ok: false,
      message:
        'Request body has no "inventory_items" object; send {"inventory_items": {"inventory_item": [...]}}',
    };
  }
  if (Array.isArray(items)) {
    if (switches.jsonWrappers === 'nested_only') {
      return {
        ok: false,
        message: '"inventory_items" must contain "inventory_item"; a bare array is not accepted',
      };
    }
    return { ok: true, lines: items as RawLine[] };
  }
  const item = (items as { inventory_item?: unknown }).inventory_item;
  if (Array.isArray(item)) return { ok: true, lines: item as RawLine[] };
  if (item !== null && typeof item === 'object') return { ok: true, lines: [item as RawLine] };
  return { ok: false, message: '"inventory_items" has no "inventory_item" list' };
}

/** Deepest element nesting accepted; a bulk body needs three levels. */
const MAX_XML_DEPTH = 64;

function xmlDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const match of text.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (match[1] === '/') depth--;
    else if (match[2] !== '/') depth++;
    if (depth > max) max = depth;
    if (max > MAX_XML_DEPTH) break;
  }
  return max;
}

function parseXmlBody(text: string): ParsedBody {
  // A document type declaration can define entities that expand or reach outside; a bulk body needs none.
  if (/<!DOCTYPE/i.test(text)) {
    return { ok: false, message: 'Request body has a DOCTYPE declaration, which is not accepted' };
  }
  if (xmlDepth(text) > MAX_XML_DEPTH) {
    return { ok: false, message: `Request body nests elements deeper than ${MAX_XML_DEPTH} levels` };
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    return {
      ok: false,
      message: `Request body is not well-formed XML: ${msg} (line ${line}, column ${col})`,
    };
  }
  let document: { inventory_items?: unknown };
  try {
    document = xmlParser.parse(text) as { inventory_items?: unknown };
  } catch (error) {
    return { ok: false, message: `Request body could not be parsed as XML: ${(error as Error).message}` };
  }
  const root = document.inventory_items;
  if (root === undefined) return { ok: false, message: 'XML body has no <inventory_items> root element' };
  if (root === '') return { ok: true, lines: [] };
  const items = (root as { inventory_item?: unknown }).inventory_item;
  if (!Array.isArray(items)) return { ok: true, lines: [] };
  // An empty <inventory_item/> parses as '' rather than an object.
  return {
    ok: true,
    lines: items.map((item) => (typeof item === 'object' && item !== null ? (item as RawLine) : {})),
  };
}
