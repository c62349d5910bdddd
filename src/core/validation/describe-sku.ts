/** Readable SKU names for messages and previews. */

import type { InventoryItem } from '../../shared/types';

/**
 * Names the SKU of a line: its UPC, "ST-100 / 001 / M" for a style (with the identifier after
 * the style number when it differs), or "JOOR ids 123 / 456 / S" for JOOR ids.
 */
export function describeSku(item: InventoryItem): string {
  if (item.upc !== undefined) return item.upc;
  if (item.style_number !== undefined) {
    const identifier =
      item.style_identifier !== undefined && item.style_identifier !== item.style_number
        ? ` / ${item.style_identifier}`
        : '';
    return `${item.style_number}${identifier} / ${item.color_code ?? ''} / ${item.size ?? ''}`;
  }
  return `JOOR ids ${item.style_id ?? ''} / ${item.style_color_id ?? ''} / ${item.size_code ?? ''}`;
}
