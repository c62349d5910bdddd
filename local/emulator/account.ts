/**
 * State of the emulated JOOR account: the seeded catalogue with its lookup indexes, warehouses,
 * pending orders, stored positions and made-to-order flags.
 */

import type { EmulatorSeed, SeedSku, SeedV4Credentials } from './seed-types';

export interface StoredPosition {
  sku: SeedSku;
  warehouse: string;
  /** `YYYY-MM-DD`, or `null` for an immediate (available-to-sell) position. */
  date: string | null;
  quantity: number;
}

export interface PendingOrder {
  sku: SeedSku;
  warehouse: string;
  quantity: number;
  status: 'pending' | 'notes' | 'approved';
}

/** Error for a seed that does not fit `EmulatorSeed`; the message names the entry and the field. */
export class SeedError extends Error {}

export const DEFAULT_WAREHOUSE = 'Default';

/** Returns the 14-digit GTIN form of an all-digit code of 8, 12, 13 or 14 digits, else `null`. */
export function toGtin14(code: string): string | null {
  return /^(\d{8}|\d{12,14})$/.test(code) ? code.padStart(14, '0') : null;
}

export function positionKey(sku: SeedSku, warehouse: string, date: string | null): string {
  return `${sku.style_id}\u0000${sku.style_color_id}\u0000${sku.size_code}\u0000${warehouse}\u0000${date ?? ''}`;
}

export class Account {
  readonly accountId: string;
  readonly token: string;
  readonly v4Credentials: SeedV4Credentials | undefined;
  readonly catalogue: readonly SeedSku[];
  readonly pending: readonly PendingOrder[];
  /** Configured warehouse names, `Default` included. */
  readonly warehouses: ReadonlySet<string>;
  readonly warehouseCodes: ReadonlyMap<string, string>;
  /** Warehouses created by lines under the `phantom` unknown-warehouse switch. */
  readonly phantomWarehouses = new Set<string>();
  readonly positions = new Map<string, StoredPosition>();
  readonly madeToOrder = new Set<SeedSku>();

  readonly #byUpc = new Map<string, SeedSku>();
  readonly #byGtin = new Map<string, SeedSku>();
  readonly #byStyle = new Map<string, SeedSku>();
  readonly #byIds = new Map<string, SeedSku>();

  constructor(seed: EmulatorSeed) {
    assertSeedShape(seed);
    this.accountId = seed.accountId;
    this.token = seed.token;
    this.v4Credentials = seed.v4Credentials;
    this.catalogue = seed.catalogue;
    this.warehouses = new Set([DEFAULT_WAREHOUSE, ...seed.warehouses]);
    this.warehouseCodes = new Map(
      Object.entries(seed.warehouseCodes ?? {}).map(([name, code]) => [code, name]),
    );
    for (const [index, sku] of seed.catalogue.entries()) this.#indexSku(sku, index);
    this.pending = (seed.pending ?? []).map((order, index) => ({
      sku: this.#seedSku(order, `pending[${index}]`),
      warehouse: order.warehouse ?? DEFAULT_WAREHOUSE,
      quantity: order.quantity,
      status: order.status,
    }));
    for (const [index, position] of (seed.positions ?? []).entries()) {
      const sku = this.#seedSku(position, `positions[${index}]`);
      const date = position.inventory_date ?? null;
      this.positions.set(positionKey(sku, position.warehouse, date), {
        sku,
        warehouse: position.warehouse,
        date,
        quantity: position.quantity,
      });
    }
    for (const upc of seed.madeToOrder ?? []) {
      this.madeToOrder.add(this.#seedSku({ upc }, `madeToOrder "${upc}"`));
    }
  }

  findByUpc(upc: string, match: 'exact' | 'gtin'): SeedSku | undefined {
    if (match === 'exact') return this.#byUpc.get(upc);
    const gtin = toGtin14(upc);
    return gtin === null ? undefined : this.#byGtin.get(gtin);
  }

  /** Matches style number, style identifier, colour code and size name, case-sensitively. */
  findByStyle(
    styleNumber: string,
    styleIdentifier: string,
    colorCode: string,
    size: string,
  ): SeedSku | undefined {
    return this.#byStyle.get(joinKey(styleNumber, styleIdentifier, colorCode, size));
  }

  findByIds(styleId: string, styleColorId: string, sizeCode: string): SeedSku | undefined {
    return this.#byIds.get(joinKey(styleId, styleColorId, sizeCode));
  }

  /**
   * Resolves a warehouse as sent in a line to the account's warehouse name, or `undefined` when the
   * account has no such warehouse. Phantom warehouses match by exact name.
   */
  resolveWarehouse(
    sent: string,
    match: 'exact_name' | 'case_insensitive' | 'name_or_code',
  ): string | undefined {
    if (this.warehouses.has(sent) || this.phantomWarehouses.has(sent)) return sent;
    if (match === 'case_insensitive') {
      const lower = sent.toLowerCase();
      return [...this.warehouses].find((name) => name.toLowerCase() === lower);
    }
    if (match === 'name_or_code') return this.warehouseCodes.get(sent);
    return undefined;
  }

  #indexSku(sku: SeedSku, index: number): void {
    const place = `catalogue[${index}]`;
    const styleKey = joinKey(sku.style_number, sku.style_identifier, sku.color_code, sku.size);
    const idsKey = joinKey(String(sku.style_id), String(sku.style_color_id), sku.size_code);
    if (this.#byStyle.has(styleKey))
      throw new SeedError(`${place} repeats the style tuple of an earlier SKU`);
    if (this.#byIds.has(idsKey))
      throw new SeedError(`${place} repeats style_id, style_color_id and size_code`);
    this.#byStyle.set(styleKey, sku);
    this.#byIds.set(idsKey, sku);
    if (sku.upc === undefined) return;

    const gtin = toGtin14(sku.upc);
    if (gtin === null) throw new SeedError(`${place}.upc "${sku.upc}" is not an 8, 12, 13 or 14-digit code`);
    if (this.#byGtin.has(gtin))
      throw new SeedError(`${place}.upc "${sku.upc}" is the GTIN of an earlier SKU`);
    this.#byUpc.set(sku.upc, sku);
    this.#byGtin.set(gtin, sku);
  }

  /** Finds the SKU a seed entry names by exact UPC or by JOOR ids; throws `SeedError` when none matches. */
  #seedSku(
    entry: { upc?: string; style_id?: number; style_color_id?: number; size_code?: string },
    place: string,
  ): SeedSku {
    const sku =
      entry.upc !== undefined
        ? this.#byUpc.get(entry.upc)
        : this.findByIds(String(entry.style_id), String(entry.style_color_id), String(entry.size_code));
    if (!sku) {
      throw new SeedError(`${place} names a SKU that is not in the catalogue: ${JSON.stringify(entry)}`);
    }
    return sku;
  }
}

function joinKey(...parts: string[]): string {
  return parts.join('\u0000');
}

function assertSeedShape(seed: EmulatorSeed): void {
  const problems: string[] = [];
  if (typeof seed !== 'object' || seed === null) throw new SeedError('Seed must be a JSON object');
  if (typeof seed.accountId !== 'string' || seed.accountId === '')
    problems.push('accountId must be a non-empty string');
  if (typeof seed.token !== 'string' || seed.token.trim() !== seed.token || seed.token === '') {
    problems.push('token must be a non-empty string without surrounding whitespace');
  }
  if (
    !Array.isArray(seed.warehouses) ||
    !seed.warehouses.every((name) => typeof name === 'string' && name !== '')
  ) {
    problems.push('warehouses must be an array of non-empty names');
  }
  if (!Array.isArray(seed.catalogue)) {
    problems.push('catalogue must be an array of SKUs');
  } else {
    seed.catalogue.forEach((sku, index) => {
      problems.push(...describeSkuProblems(sku, `catalogue[${index}]`));
    });
  }
  (seed.pending ?? []).forEach((order, index) => {
    problems.push(...describeQuantityProblems(order.quantity, `pending[${index}]`));
    if (!['pending', 'notes', 'approved'].includes(order.status)) {
      problems.push(`pending[${index}].status must be pending, notes or approved`);
    }
  });
  (seed.positions ?? []).forEach((position, index) => {
    problems.push(...describeQuantityProblems(position.quantity, `positions[${index}]`));
  });
  if (problems.length > 0) throw new SeedError(`Invalid seed: ${problems.join('; ')}`);
}

function describeQuantityProblems(quantity: unknown, place: string): string[] {
  return Number.isSafeInteger(quantity) ? [] : [`${place}.quantity must be an integer`];
}

function describeSkuProblems(sku: SeedSku, place: string): string[] {
  const problems: string[] = [];
  for (const field of ['style_id', 'style_color_id'] as const) {
    if (!Number.isSafeInteger(sku[field])) problems.push(`${place}.${field} must be an integer`);
  }
  for (const field of ['style_number', 'style_identifier', 'color_code', 'size', 'size_code'] as const) {
    if (typeof sku[field] !== 'string' || sku[field] === '')
      problems.push(`${place}.${field} must be a non-empty string`);
  }
  if (sku.upc !== undefined && typeof sku.upc !== 'string') problems.push(`${place}.upc must be a string`);
  return problems;
}
