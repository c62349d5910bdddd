// Names of the sheet fields as the sidebar shows them.

import type { FieldId } from '../shared/types';

/** Fields in the order the mapping form lists them, with the names users know. */
export const FIELD_LABELS: ReadonlyArray<[FieldId, string]> = [
  ['upc', 'UPC / EAN / GTIN'],
  ['style_number', 'Style number'],
  ['style_identifier', 'Style identifier'],
  ['color_code', 'Color code'],
  ['size', 'Size'],
  ['style_id', 'JOOR style id'],
  ['style_color_id', 'JOOR style color id'],
  ['size_code', 'JOOR size code'],
  ['quantity', 'Quantity'],
  ['warehouse', 'Warehouse'],
  ['inventory_date', 'Inventory date'],
  ['made_to_order', 'Made to order'],
];

/** Returns the readable name of a field id, or the id itself when it is unknown. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS.find(([id]) => id === field)?.[1] ?? field;
}
