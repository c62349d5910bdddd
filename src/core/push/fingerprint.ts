/**
 * Fingerprints for change-only pushes. A fingerprint covers the normalised line and its
 * target (environment, token hash, dec_pending), so a row confirmed in the sandbox is never
 * skipped in production. The warehouse and date are fields of the line itself.
 */

import type { Environment, InventoryItem } from '../../shared/types';

export interface FingerprintTarget {
  environment: Environment;
  /** `hashToken(token)`, never the token. */
  tokenHash: string;
  decPending: boolean;
}

/**
 * cyrb53, a widely used 53-bit non-cryptographic string hash. It needs no platform API,
 * which core cannot call, and spreads short strings well.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Two seeded 53-bit hashes, as 28 hex digits (106 bits), so collisions are negligible. */
function hash106(text: string): string {
  return cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0');
}

/**
 * Hashes an API token for fingerprints and logs. The hash is one-way: JOOR tokens are long
 * random strings, so 106 bits of output cannot be searched back to the token. It is not a
 * password hash, and must never be shown as proof of the token.
 */
export function hashToken(token: string): string {
  return hash106(`joor-token\u0000${token.trim()}`);
}

/** Converts a numeric UPC to GTIN-14, so `012345678905` and `12345678905` share a fingerprint. */
function normalizeUpc(upc: string | undefined): string {
  if (upc === undefined) {
    return '';
  }
  const text = upc.trim();
  return /^\d{8,14}$/.test(text) ? text.padStart(14, '0') : text;
}

/** Serialises the line in a fixed field order; missing fields are empty strings. */
function canonicalLine(item: InventoryItem): unknown[] {
  return [
    item.warehouse ?? '',
    item.inventory_date ?? '',
    normalizeUpc(item.upc),
    item.style_number ?? '',
    item.style_identifier ?? '',
    item.color_code ?? '',
    item.size ?? '',
    item.style_id ?? '',
    item.style_color_id ?? '',
    item.size_code ?? '',
    item.inventory,
    item.made_to_order === undefined ? '' : item.made_to_order,
  ];
}

/** Fingerprints one line for one target, as 28 hex digits. */
export function fingerprintLine(item: InventoryItem, target: FingerprintTarget): string {
  const canonical = JSON.stringify([
    'v1',
    target.environment,
    target.tokenHash,
    target.decPending ? 1 : 0,
    ...canonicalLine(item),
  ]);
  return hash106(canonical);
}
