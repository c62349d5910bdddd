/** Every field the add-on reads from a sheet, in the order the settings and the sidebar list them. */

import type { FieldId } from './types';

export const FIELD_IDS: readonly FieldId[] = [
  'upc',
  'style_number',
  'style_identifier',
  'color_code',
  'size',
  'style_id',
  'style_color_id',
  'size_code',
  'quantity',
  'warehouse',
  'inventory_date',
  'made_to_order',
];

export function isFieldId(value: string): value is FieldId {
  return (FIELD_IDS as readonly string[]).includes(value);
}
