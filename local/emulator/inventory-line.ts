/**
 * Interpretation of one received `inventory_item`: SKU resolution (UPC, then style tuple, then JOOR
 * ids), warehouse, date, quantity and made-to-order flag, with the reason when the line fails.
 */

import { type Account, DEFAULT_WAREHOUSE } from './account';
import type { RawLine } from './request-body';
import type { SeedSku } from './seed-types';
import type { Switches } from './switches';

export type MatchMode = 'upc' | 'style' | 'joor_ids';

export interface AcceptedLine {
  ok: true;
  index: number;
  sku: SeedSku;
  skuText: string;
  /** Account warehouse the line writes to, or `null` when the unknown-warehouse switch drops it. */
  warehouse: string | null;
  /** Warehouse as sent, for messages. */
  sentWarehouse: string;
  phantom: boolean;
  date: string | null;
  /** `null` only on a made-to-order line sent without `inventory`. */
  quantity: number | null;
  madeToOrder: boolean | undefined;
}

export interface RejectedLine {
  ok: false;
  index: number;
  skuText: string;
  message: string;
}

export type InterpretedLine = AcceptedLine | RejectedLine;

const FIELDS = [
  'upc',
  'style_number',
  'style_identifier',
  'color_code',
  'size',
  'style_id',
  'style_color_id',
  'size_code',
] as const;

type SentFields = Partial<Record<(typeof FIELDS)[number], string>>;

export function interpretLine(
  account: Account,
  switches: Switches,
  raw: unknown,
  index: number,
): InterpretedLine {
  const place = `Line ${index + 1}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, index, skuText: '', message: `${place}: inventory_item must be an object` };
  }
  const line = raw as RawLine;
  const sent = readSentFields(line, switches);
  const mode = chooseMatchMode(sent);
  const reject = (message: string): RejectedLine => ({
    ok: false,
    index,
    skuText: formatSku(switches.skuFormat, sent, mode, undefined),
    message: `${place}: ${message}`,
  });

  const found = findSku(account, switches, sent, mode);
  if (typeof found === 'string') return reject(found);

  const warehouse = resolveWarehouse(account, switches, line.warehouse);
  if (warehouse.kind === 'fail') return reject(warehouse.message);

  const date = parseInventoryDate(line.inventory_date);
  if (date === undefined) {
    return reject(
      `inventory_date ${JSON.stringify(line.inventory_date)} is not a date in YYYY-MM-DD or MM-DD-YYYY form`,
    );
  }

  const madeToOrder = parseFlag(line.made_to_order);
  if (madeToOrder === 'invalid') {
    return reject(`made_to_order ${JSON.stringify(line.made_to_order)} is not true or false`);
  }

  const quantity = readQuantity(switches, line.inventory, madeToOrder === true);
  if (typeof quantity === 'string') return reject(quantity);

  return {
    ok: true,
    index,
    sku: found,
    skuText: formatSku(switches.skuFormat, sent, mode, found),
    warehouse: warehouse.kind === 'drop' ? null : warehouse.name,
    sentWarehouse: warehouse.sent,
    phantom: warehouse.kind === 'phantom',
    date,
    quantity,
    madeToOrder,
  };
}

function readSentFields(line: RawLine, switches: Switches): SentFields {
  const sent: SentFields = {};
  for (const field of FIELDS) {
    const value = field === 'style_identifier' ? readStyleIdentifier(line, switches) : toText(line[field]);
    if (value !== undefined) sent[field] = value;
  }
  return sent;
}

/** Reads the style identifier under the spelling(s) the `styleIdentifierKey` switch accepts. */
function readStyleIdentifier(line: RawLine, switches: Switches): string | undefined {
  const correct = toText(line.style_identifier);
  const misspelled = toText(line.style_identifer);
  if (switches.styleIdentifierKey === 'style_identifier') return correct;
  if (switches.styleIdentifierKey === 'style_identifer') return misspelled;
  return correct ?? misspelled;
}

/** Converts a received scalar to text; blank text and non-scalars count as absent. */
function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function chooseMatchMode(sent: SentFields): MatchMode | undefined {
  if (sent.upc !== undefined) return 'upc';
  if (sent.style_number !== undefined) return 'style';
  if (sent.style_id !== undefined || sent.style_color_id !== undefined) return 'joor_ids';
  if (sent.style_identifier !== undefined || sent.color_code !== undefined || sent.size !== undefined)
    return 'style';
  return undefined;
}

/** Returns the matched SKU, or the reason the line names none. */
function findSku(
  account: Account,
  switches: Switches,
  sent: SentFields,
  mode: MatchMode | undefined,
): SeedSku | string {
  if (mode === undefined) {
    return 'no SKU identification; send upc, or style_number + style_identifier + color_code + size, or style_id + style_color_id + size_code';
  }
  if (mode === 'upc') {
    const upc = sent.upc ?? '';
    return account.findByUpc(upc, switches.upcMatch) ?? `upc "${upc}" matches no SKU of the account`;
  }
  if (mode === 'style') {
    const identifierKey =
      switches.styleIdentifierKey === 'both' ? 'style_identifier' : switches.styleIdentifierKey;
    const missing = missingFields(sent, ['style_number', 'style_identifier', 'color_code', 'size']).map(
      (field) => (field === 'style_identifier' ? identifierKey : field),
    );
    if (missing.length > 0) return `style identification is missing ${missing.join(', ')}`;
    const { style_number = '', style_identifier = '', color_code = '', size = '' } = sent;
    return (
      account.findByStyle(style_number, style_identifier, color_code, size) ??
      `style_number "${style_number}", style_identifier "${style_identifier}", color_code "${color_code}", size "${size}" ` +
        'match no SKU of the account (matching is case-sensitive)'
    );
  }
  const missing = missingFields(sent, ['style_id', 'style_color_id', 'size_code']);
  if (missing.length > 0) return `JOOR id identification is missing ${missing.join(', ')}`;
  const { style_id = '', style_color_id = '', size_code = '' } = sent;
  return (
    account.findByIds(style_id, style_color_id, size_code) ??
    `style_id ${style_id}, style_color_id ${style_color_id}, size_code "${size_code}" match no SKU of the account`
  );
}

function missingFields(sent: SentFields, fields: (keyof SentFields)[]): (keyof SentFields)[] {
  return fields.filter((field) => sent[field] === undefined);
}

type WarehouseOutcome =
  | { kind: 'store'; name: string; sent: string }
  | { kind: 'phantom'; name: string; sent: string }
  | { kind: 'drop'; sent: string }
  | { kind: 'fail'; message: string };

function resolveWarehouse(account: Account, switches: Switches, value: unknown): WarehouseOutcome {
  const sent = toText(value);
  if (sent === undefined) {
    if (switches.missingWarehouse === 'fail') return { kind: 'fail', message: 'warehouse is missing' };
    return { kind: 'store', name: DEFAULT_WAREHOUSE, sent: '' };
  }
  const name = account.resolveWarehouse(sent, switches.warehouseMatch);
  if (name !== undefined) return { kind: 'store', name, sent };
  if (switches.unknownWarehouse === 'drop') return { kind: 'drop', sent };
  if (switches.unknownWarehouse === 'phantom') return { kind: 'phantom', name: sent, sent };
  return { kind: 'fail', message: `warehouse "${sent}" is not configured for the account` };
}

/** Returns `YYYY-MM-DD`, `null` when no date was sent, or `undefined` when the date is invalid. */
export function parseInventoryDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const us = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const isRealDay = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return isRealDay ? `${year}-${month}-${day}` : undefined;
}

/** Reads a boolean sent as JSON `true`/`false`, `1`/`0`, or their text forms (XML sends only text). */
function parseFlag(value: unknown): boolean | undefined | 'invalid' {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value).toLowerCase();
  if (typeof value !== 'object' && (text === 'true' || text === '1')) return true;
  if (typeof value !== 'object' && (text === 'false' || text === '0')) return false;
  return 'invalid';
}

/** Returns the quantity, `null` for a made-to-order line without one, or the reason the line fails. */
function readQuantity(switches: Switches, value: unknown, madeToOrder: boolean): number | null | string {
  if (value === undefined || value === null || value === '') {
    if (madeToOrder && !switches.mtoRequiresInventory) return null;
    return madeToOrder
      ? 'inventory is missing (it is required even with made_to_order=true)'
      : 'inventory is missing';
  }
  const quantity =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^[+-]?\d+$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isSafeInteger(quantity)) return `inventory ${JSON.stringify(value)} is not an integer`;
  if (quantity < 0 && switches.negativeInventory === 'fail') return `inventory ${quantity} is negative`;
  return quantity;
}

/**
 * Builds the `sku` text of a log line. `upc_or_joined` returns the sent UPC, or joins the sent style
 * tuple or JOOR ids with `-`. Any other format is a template whose `{field}` placeholders are filled
 * from the sent line first and from the matched SKU second.
 */
function formatSku(
  format: string,
  sent: SentFields,
  mode: MatchMode | undefined,
  sku: SeedSku | undefined,
): string {
  if (format !== 'upc_or_joined') {
    return format.replace(/\{(\w+)\}/g, (_match, field: string) => {
      const value =
        sent[field as keyof SentFields] ?? (sku as unknown as Record<string, unknown> | undefined)?.[field];
      return value === undefined ? '' : String(value);
    });
  }
  if (mode === 'upc') return sent.upc ?? '';
  if (mode === 'style')
    return [sent.style_number, sent.color_code, sent.size].map((part) => part ?? '').join('-');
  if (mode === 'joor_ids')
    return [sent.style_id, sent.style_color_id, sent.size_code].map((part) => part ?? '').join('-');
  return '';
}
