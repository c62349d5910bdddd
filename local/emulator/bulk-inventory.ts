/**
 * Applies one bulk-inventory request to the account: overwrite once per request before any line,
 * then every accepted line in request order, then the inventory log.
 */

import { randomUUID } from 'node:crypto';
import { type Account, positionKey } from './account';
import { createRandom } from './faults';
import { type AcceptedLine, type InterpretedLine, interpretLine } from './inventory-line';
import type { SeedSku } from './seed-types';
import type { Switches } from './switches';

export interface BulkRequest {
  lines: unknown[];
  overwrite: boolean;
  decPending: boolean;
  /** 1-based API request number; seeds the `shuffled` log order. */
  requestNumber: number;
}

export interface LogLine {
  sku: string;
  inventory_log_id: string;
  status: 'pass' | 'fail';
  message?: string;
}

export interface BulkResult {
  skuCount: number;
  log: LogLine[];
  /** True when the request had lines and every one failed. */
  allFailed: boolean;
}

export function applyBulkInventory(account: Account, switches: Switches, request: BulkRequest): BulkResult {
  const interpreted = request.lines.map((raw, index) => interpretLine(account, switches, raw, index));
  const lines = settleDuplicates(interpreted, switches);

  if (request.overwrite) clearForOverwrite(account, switches, lines);
  const summed =
    switches.duplicateLines === 'sum' ? sumDuplicateQuantities(lines) : new Map<number, number>();
  for (const line of lines) {
    if (line.ok) applyLine(account, switches, line, request.decPending, summed);
  }

  const log = buildLog(lines, switches);
  const passCount = log.filter((entry) => entry.status === 'pass').length;
  return {
    skuCount: passCount,
    log: switches.logOrder === 'shuffled' ? shuffle(log, request.requestNumber) : log,
    allFailed: lines.length > 0 && lines.every((line) => !line.ok),
  };
}

function storedKey(line: AcceptedLine): string | null {
  return line.warehouse === null ? null : positionKey(line.sku, line.warehouse, line.date);
}

/** Under `duplicateLines: fail`, rejects every line whose SKU, warehouse and date repeat in the request. */
function settleDuplicates(lines: InterpretedLine[], switches: Switches): InterpretedLine[] {
  if (switches.duplicateLines !== 'fail') return lines;
  const groups = new Map<string, number[]>();
  for (const line of lines) {
    const key = line.ok ? storedKey(line) : null;
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), line.index]);
  }
  return lines.map((line) => {
    const group = line.ok ? groups.get(storedKey(line) ?? '') : undefined;
    if (!line.ok || !group || group.length < 2) return line;
    const numbers = group.map((index) => index + 1).join(', ');
    return {
      ok: false,
      index: line.index,
      skuText: line.skuText,
      message: `Line ${line.index + 1}: lines ${numbers} repeat the same SKU, warehouse and date`,
    };
  });
}

/** Under `duplicateLines: sum`, maps the first line of each repeated key to the total of its quantities. */
function sumDuplicateQuantities(lines: InterpretedLine[]): Map<number, number> {
  const firstByKey = new Map<string, number>();
  const totals = new Map<number, number>();
  for (const line of lines) {
    const key = line.ok && line.madeToOrder !== true ? storedKey(line) : null;
    if (key === null || !line.ok || line.quantity === null) continue;
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, line.index);
      totals.set(line.index, line.quantity);
    } else {
      totals.set(first, (totals.get(first) ?? 0) + line.quantity);
      totals.set(line.index, Number.NaN);
    }
  }
  return totals;
}

/**
 * Clears positions before an overwrite request's lines apply. The scope is the whole account or only
 * the warehouses the request names. Positions of SKUs the request leaves out are zeroed, removed, or
 * removed with the SKU flagged made-to-order.
 */
function clearForOverwrite(account: Account, switches: Switches, lines: InterpretedLine[]): void {
  const accepted = lines.filter((line): line is AcceptedLine => line.ok);
  const requestSkus = new Set<SeedSku>(accepted.map((line) => line.sku));
  const requestWarehouses = new Set(accepted.map((line) => line.warehouse).filter((name) => name !== null));

  for (const [key, position] of account.positions) {
    if (switches.overwriteScope === 'warehouses_in_request' && !requestWarehouses.has(position.warehouse))
      continue;
    if (position.date !== null && !switches.overwriteClearsDated) continue;

    const omitted = !requestSkus.has(position.sku);
    if (switches.overwriteOmitted === 'zero') {
      position.quantity = 0;
    } else {
      account.positions.delete(key);
      if (switches.overwriteOmitted === 'mto' && omitted) account.madeToOrder.add(position.sku);
    }
  }
}

function applyLine(
  account: Account,
  switches: Switches,
  line: AcceptedLine,
  decPending: boolean,
  summed: Map<number, number>,
): void {
  if (line.warehouse === null) return;
  if (line.phantom) account.phantomWarehouses.add(line.warehouse);

  if (line.madeToOrder === true) {
    for (const [key, position] of account.positions) {
      if (position.sku === line.sku) account.positions.delete(key);
    }
    account.madeToOrder.add(line.sku);
    return;
  }
  if (line.madeToOrder === false && switches.mtoFalseUnflags) account.madeToOrder.delete(line.sku);

  const incoming = summed.get(line.index) ?? line.quantity ?? 0;
  if (Number.isNaN(incoming)) return;
  const deducts = decPending && (line.date === null || switches.decPendingOnDated);
  const quantity = deducts ? deductPending(account, switches, line, incoming) : incoming;
  account.positions.set(positionKey(line.sku, line.warehouse, line.date), {
    sku: line.sku,
    warehouse: line.warehouse,
    date: line.date,
    quantity,
  });
}

function deductPending(account: Account, switches: Switches, line: AcceptedLine, incoming: number): number {
  const statuses = switches.pendingStatuses === 'pending' ? ['pending'] : ['pending', 'notes'];
  const pending = account.pending
    .filter((order) => order.sku === line.sku && statuses.includes(order.status))
    .filter((order) => switches.pendingScope === 'global' || order.warehouse === line.warehouse)
    .reduce((total, order) => total + order.quantity, 0);
  const available = incoming - pending;
  return switches.atsFloorAtZero ? Math.max(0, available) : available;
}

function buildLog(lines: InterpretedLine[], switches: Switches): LogLine[] {
  const withMessage = switches.lineMessage === 'on';
  const log: LogLine[] = [];
  for (const line of lines) {
    if (!line.ok) {
      log.push({
        sku: line.skuText,
        inventory_log_id: randomUUID(),
        status: 'fail',
        ...(withMessage && { message: line.message }),
      });
      continue;
    }
    const note = describeAcceptedLine(line);
    for (let season = 0; season < switches.fanOut; season++) {
      log.push({
        sku: line.skuText,
        inventory_log_id: randomUUID(),
        status: 'pass',
        ...(withMessage && note && { message: note }),
      });
    }
  }
  return log;
}

function describeAcceptedLine(line: AcceptedLine): string | undefined {
  const place = `Line ${line.index + 1}`;
  if (line.warehouse === null)
    return `${place}: warehouse "${line.sentWarehouse}" is not configured; the line was dropped`;
  if (line.phantom)
    return `${place}: warehouse "${line.sentWarehouse}" is not configured; stored in a phantom warehouse`;
  return undefined;
}

/** Shuffles deterministically per request number, and never returns the original order for 2+ lines. */
function shuffle<T>(items: T[], seed: number): T[] {
  const random = createRandom(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  if (shuffled.length > 1 && shuffled.every((item, index) => item === items[index]))
    shuffled.push(shuffled.shift() as T);
  return shuffled;
}
