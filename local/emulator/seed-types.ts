/**
 * Shape of the emulator's seed file (`examples/catalogue.json` by default): the account, its
 * SKU catalogue, warehouses, pending orders and optional starting positions.
 */

export interface SeedSku {
  style_id: number;
  style_color_id: number;
  style_number: string;
  style_identifier: string;
  color_code: string;
  size: string;
  size_code: string;
  /** GTIN as stored on the SKU in JOOR (usually 12-digit UPC-A). */
  upc?: string;
}

export interface SeedPendingOrder {
  /** UPC of the SKU (or use the JOOR ids below). */
  upc?: string;
  style_id?: number;
  style_color_id?: number;
  size_code?: string;
  warehouse?: string;
  quantity: number;
  status: 'pending' | 'notes' | 'approved';
}

export interface SeedPosition {
  upc: string;
  warehouse: string;
  inventory_date?: string;
  quantity: number;
}

export interface EmulatorSeed {
  accountId: string;
  /** The raw API token; clients send `OAuth2 base64(token)`. */
  token: string;
  warehouses: string[];
  /** Warehouse codes by warehouse name, matched when the `warehouseMatch` switch is `name_or_code`. */
  warehouseCodes?: Record<string, string>;
  catalogue: SeedSku[];
  pending?: SeedPendingOrder[];
  positions?: SeedPosition[];
  /** UPCs of SKUs that start out flagged made-to-order. */
  madeToOrder?: string[];
  /** Credentials the v4 password grant (`POST /auth/`) accepts; without them every grant fails. */
  v4Credentials?: SeedV4Credentials;
}

export interface SeedV4Credentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}
