/**
 * Types shared by the Apps Script side, the sidebar and the local tools. Type-only: nothing here
 * adds code to a bundle. Everything that crosses google.script.run must stay JSON-safe, so dates
 * travel as ISO 8601 strings and optional values are omitted rather than undefined inside arrays.
 */

import type { RowStatus } from './status';

/** A column the add-on understands. `style_identifier` is sent under JOOR's key spelling setting. */
export type FieldId =
  | 'upc'
  | 'style_number'
  | 'style_identifier'
  | 'color_code'
  | 'size'
  | 'style_id'
  | 'style_color_id'
  | 'size_code'
  | 'quantity'
  | 'warehouse'
  | 'inventory_date'
  | 'made_to_order';

/** The identifier set a row names its SKU with. UPC wins when a row carries more than one complete set. */
export type IdentityMode = 'upc' | 'style' | 'joor_ids';

/** One `inventory_item` as the add-on sends it. JOOR ids are integers; everything else is text. */
export interface InventoryItem {
  warehouse?: string;
  inventory_date?: string;
  upc?: string;
  style_number?: string;
  style_identifier?: string;
  color_code?: string;
  size?: string;
  style_id?: number;
  style_color_id?: number;
  size_code?: string;
  inventory: number;
  made_to_order?: boolean;
}

export type Environment = 'sandbox' | 'production';
export type WireFormat = 'json' | 'xml';

/** The key sent for the style identifier. JOOR's bulk page spells it `style_identifer`. */
export type StyleIdentifierKey = 'both' | 'style_identifier' | 'style_identifer';

/** Options chosen for one push, in the sidebar, the CLI or a saved schedule. */
export interface PushOptions {
  /** Warehouse for rows without a warehouse column or with a blank warehouse cell. */
  defaultWarehouse: string;
  /** `overwrite=1`: the request replaces the account's inventory. Destructive. */
  overwrite: boolean;
  /** Plain updates plus zero quantities for previously pushed keys missing from the sheet. */
  replaceFromSheet: boolean;
  /** `dec_pending=1`: JOOR deducts pending orders from the quantity sent. */
  decPending: boolean;
  /** Send only rows whose content changed since their last confirmed push. */
  changeOnly: boolean;
  format: WireFormat;
  /** With overwrite on, the user accepted that invalid rows are left out (and so wiped in JOOR). */
  acceptDroppedRows?: boolean;
  /** Validate and plan only; send nothing. */
  dryRun?: boolean;
}

/** Manual column mapping for one sheet: field → header text as it appears in the sheet. */
export type ColumnMapping = Partial<Record<FieldId, string>>;

/** Document-level settings, kept in document properties and shared by the document's editors. */
export interface DocumentSettings {
  /** The account's warehouse names. JOOR has no endpoint that lists them, so the user keeps this list. */
  warehouses: string[];
  /** Manual column mappings keyed by sheet id. */
  columnMappings: Record<string, ColumnMapping>;
  /** Maximum `inventory_item` lines per bulk request. */
  itemsPerRequest: number;
  styleIdentifierKey: StyleIdentifierKey;
  format: WireFormat;
}

/** A validation problem or repair on one cell. */
export interface RowIssue {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. `UPC_CHECK_DIGIT`, `QUANTITY_NOT_WHOLE`. */
  code: string;
  /** The field concerned, when there is one. */
  field?: FieldId;
  /** The column header as it appears in the sheet. */
  column?: string;
  /** The value found, as displayed. */
  value?: string;
  /** Full sentence naming row, column, value and the fix. */
  message: string;
}

/** A problem with the sheet as a whole that stops validation or needs a decision from the user. */
export interface SheetProblem {
  code: string;
  message: string;
  /** Header texts involved, e.g. both columns that could feed one field. */
  columns?: string[];
  /** 1-based column numbers of `columns`, in the same order; two headers may have the same text. */
  columnNumbers?: number[];
  field?: FieldId;
}

export type ValidationOutcome = 'valid' | 'invalid' | 'duplicate';

/** One data row after validation. */
export interface ValidatedRow {
  /** 1-based row number in the sheet. */
  row: number;
  outcome: ValidationOutcome;
  issues: RowIssue[];
  identity?: IdentityMode;
  /** Duplicate key: normalised identifier + warehouse + date. */
  key?: string;
  /** The line to send, present for valid rows (and for duplicates of a sent row). */
  item?: InventoryItem;
  /** For duplicates: the row whose line is sent in their place. */
  duplicateOf?: number;
}

/** Per-row result after a push (or a dry run), as the CLI report and the run log see it. */
export interface RowResult {
  row: number;
  status: RowStatus | ValidationOutcome;
  message: string;
  item?: InventoryItem;
  logId?: string;
}

/** Counts by status for summaries. */
export type StatusCounts = Partial<Record<RowStatus | ValidationOutcome, number>>;

/** Request and credit plan of a push. */
export interface PushPlanDto {
  validRows: number;
  itemsPerRequest: number;
  requests: number;
  creditWindows: number;
  /** Estimated duration in seconds, from the JOOR write budget and the measured request time. */
  etaSeconds: number;
  /** Executions needed, given the time budget of one execution. */
  executions: number;
  overwriteAllowed: boolean;
  /** Reason an overwrite is refused, with the alternative. */
  overwriteRefusal?: string;
  payloadBytesMax: number;
}
