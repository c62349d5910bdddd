/** Minimal v2 style records built from the seeded catalogue, for validation lookups. */

import type { SeedSku } from './seed-types';

export interface StyleRecord {
  style_id: number;
  style_number: string;
  style_identifier: string;
  colors: {
    style_color_id: number;
    color_code: string;
    sizes: { size: string; size_code: string; upc?: string }[];
  }[];
}

/** Groups catalogue SKUs into one record per `style_id`, in catalogue order. */
export function buildStyleRecords(catalogue: readonly SeedSku[]): StyleRecord[] {
  const styles = new Map<number, StyleRecord>();
  for (const sku of catalogue) {
    let style = styles.get(sku.style_id);
    if (!style) {
      style = {
        style_id: sku.style_id,
        style_number: sku.style_number,
        style_identifier: sku.style_identifier,
        colors: [],
      };
      styles.set(sku.style_id, style);
    }
    let color = style.colors.find((entry) => entry.style_color_id === sku.style_color_id);
    if (!color) {
      color = { style_color_id: sku.style_color_id, color_code: sku.color_code, sizes: [] };
      style.colors.push(color);
    }
    color.sizes.push({
      size: sku.size,
      size_code: sku.size_code,
      ...(sku.upc !== undefined && { upc: sku.upc }),
    });
  }
  return [...styles.values()];
}
