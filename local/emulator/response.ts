/**
 * Response bodies in JSON or XML: the bulk-inventory log (bare, or wrapped with `response.code` as
 * other v2 routes respond), error bodies and style records.
 */

import { XMLBuilder } from 'fast-xml-parser';
import type { BulkResult } from './bulk-inventory';
import type { WireFormat } from './request-body';
import type { Switches } from './switches';

export interface RenderedBody {
  text: string;
  contentType: string;
}

/** Root element of the XML inventory response, and of the JSON one under the `response_code` envelope. */
export const INVENTORY_ROOT = 'bulk_inventory';

const xmlBuilder = new XMLBuilder({ format: true, ignoreAttributes: true, suppressEmptyNode: false });

/** Renders `{root: content}` as JSON, or as an XML document whose root element is `root`. */
export function renderDocument(
  root: string,
  content: Record<string, unknown>,
  format: WireFormat,
): RenderedBody {
  if (format === 'json') {
    return { text: JSON.stringify({ [root]: content }), contentType: 'application/json; charset=utf-8' };
  }
  const xml = xmlBuilder.build({ [root]: content }) as string;
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`,
    contentType: 'application/xml; charset=utf-8',
  };
}

export function renderInventoryResponse(
  result: BulkResult,
  switches: Switches,
  format: WireFormat,
): RenderedBody {
  const envelope = switches.responseEnvelope === 'response_code' ? { response: { code: 0 } } : {};
  if (format === 'xml') {
    const content = { ...envelope, sku_count: result.skuCount, [switches.xmlLogElement]: result.log };
    return renderDocument(INVENTORY_ROOT, content, 'xml');
  }
  const content = { ...envelope, sku_count: result.skuCount, inventory_log: result.log };
  if (switches.responseEnvelope === 'response_code') return renderDocument(INVENTORY_ROOT, content, 'json');
  return { text: JSON.stringify(content), contentType: 'application/json; charset=utf-8' };
}

/** Renders `{"error": {"code", "message"}}`; `code` is a stable SCREAMING_SNAKE identifier. */
export function renderError(code: string, message: string, format: WireFormat): RenderedBody {
  return renderDocument('error', { code, message }, format);
}
