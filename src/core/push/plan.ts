/**
 * Plans a push: packs lines into requests, estimates credit windows, duration and executions,
 * and decides whether an overwrite may run or must be replaced by "Replace from sheet".
 */

import type { InventoryItem, PushPlanDto } from '../../shared/types';
import { PushError } from './errors';
import { WINDOW_MS, WRITE_CREDITS, WRITES_PER_WINDOW } from './rate';

/**
 * Default maximum lines per bulk request. JOOR documents no maximum. 500 lines is about
 * 60 KB of JSON, far below UrlFetch's 50 MB payload limit, and leaves JOOR most of
 * UrlFetch's roughly 60 s timeout even at 100 ms of server work per line. A bulk POST costs
 * 5 credits whatever its size, so 60 requests per 300 s window move 30,000 lines, and a
 * 100,000-row sheet needs 200 requests in 4 windows. A failed or timed-out request costs at
 * most 500 rows of retry. An overwrite must fit in one window, which caps it at 30,000 lines
 * with this default; raise the setting for larger overwrites.
 * NOTE: the per-line processing time on JOOR's side is unmeasured; confirm on the sandbox.
 */
export const DEFAULT_ITEMS_PER_REQUEST = 500;

/** Apps Script stops an execution at 6 minutes; a run starts no request after 4.5 minutes. */
export const DEFAULT_EXECUTION_BUDGET_MS = 270_000;

/** Assumed duration of one bulk request until a measured value is available (an estimate). */
export const ASSUMED_REQUEST_MS = 4_000;

/** Packs lines in sheet order into `ceil(lines / itemsPerRequest)` batches, the minimum possible. */
export function planBatches<T>(lines: readonly T[], itemsPerRequest: number): T[][] {
  if (!Number.isInteger(itemsPerRequest) || itemsPerRequest < 1) {
    throw new PushError(
      'ITEMS_PER_REQUEST_INVALID',
      `Items per request must be a whole number of at least 1; found ${itemsPerRequest}.`,
      { itemsPerRequest },
    );
  }
  const batches: T[][] = [];
  for (let start = 0; start < lines.length; start += itemsPerRequest) {
    batches.push(lines.slice(start, start + itemsPerRequest));
  }
  return batches;
}

/** Inputs of a plan summary. */
export interface PlanInput {
  validRows: number;
  itemsPerRequest: number;
  /** Whether the user asked for `overwrite=1`. */
  overwrite: boolean;
  /** Measured or assumed duration of one request, in ms. */
  requestMs?: number;
  /** Time one execution may spend starting requests, in ms. */
  executionBudgetMs?: number;
  /** Largest serialised request body of the plan, in bytes, when known. */
  payloadBytesMax?: number;
}

/** Outcome of simulating a plan against the write budget and the execution budget. */
interface Timeline {
  totalMs: number;
  executions: number;
}

/**
 * Simulates the requests against JOOR's fixed window (60 writes per 300 s, opened by the
 * first request) and the execution budget. A wait for the next window that would pass the
 * execution budget ends the execution, and the next one starts when the window opens.
 */
function simulate(requests: number, requestMs: number, executionBudgetMs: number): Timeline {
  let now = 0;
  let windowStart = 0;
  let writesInWindow = 0;
  let executionStart = 0;
  let executions = requests > 0 ? 1 : 0;

  for (let request = 0; request < requests; request++) {
    if (now >= windowStart + WINDOW_MS) {
      windowStart = now;
      writesInWindow = 0;
    }
    if (writesInWindow >= WRITES_PER_WINDOW) {
      now = windowStart + WINDOW_MS;
      windowStart = now;
      writesInWindow = 0;
    }
    if (now - executionStart + requestMs > executionBudgetMs) {
      executions++;
      executionStart = now;
    }
    writesInWindow++;
    now += requestMs;
  }
  return { totalMs: now, executions };
}

/** Summarises a plan for the sidebar, the CLI and the overwrite check. */
export function summarisePlan(input: PlanInput): PushPlanDto {
  const requestMs = input.requestMs ?? ASSUMED_REQUEST_MS;
  const executionBudgetMs = input.executionBudgetMs ?? DEFAULT_EXECUTION_BUDGET_MS;
  const requests = Math.ceil(input.validRows / input.itemsPerRequest);
  const timeline = simulate(requests, requestMs, executionBudgetMs);

  const plan: PushPlanDto = {
    validRows: input.validRows,
    itemsPerRequest: input.itemsPerRequest,
    requests,
    creditWindows: Math.ceil(requests / WRITES_PER_WINDOW),
    etaSeconds: Math.ceil(timeline.totalMs / 1000),
    executions: timeline.executions,
    overwriteAllowed: false,
    payloadBytesMax: input.payloadBytesMax ?? 0,
  };
  if (input.overwrite) {
    const check = checkOverwrite(plan, { executionBudgetMs, requestMs });
    plan.overwriteAllowed = check.allowed;
    if (check.refusal !== undefined) {
      plan.overwriteRefusal = check.refusal;
    }
  }
  return plan;
}

/** Limits an overwrite must fit in. */
export interface OverwriteBudget {
  executionBudgetMs: number;
  requestMs: number;
  /** Credits left in the current window when the push starts; a full window when omitted. */
  creditsAvailable?: number;
}

export interface OverwriteCheck {
  allowed: boolean;
  refusal?: string;
}

const REPLACE_OFFER =
  'Use "Replace from sheet" instead: it sends every row as a plain update and sends 0 for the SKUs the add-on pushed before that are no longer in the sheet. It only zeroes SKUs the add-on pushed before.';

/**
 * Allows an overwrite only when every request fits in one execution and one credit window,
 * so the first request (with `overwrite=1`) and the updates after it all land before JOOR's
 * buyers can see a wiped account between executions. An empty plan is refused too, because
 * an overwrite without lines would clear the account.
 */
export function checkOverwrite(plan: PushPlanDto, budget: OverwriteBudget): OverwriteCheck {
  const writesAvailable = Math.floor(
    (budget.creditsAvailable ?? WRITES_PER_WINDOW * WRITE_CREDITS) / WRITE_CREDITS,
  );
  const sendingMs = plan.requests * budget.requestMs;

  if (plan.requests === 0) {
    return {
      allowed: false,
      refusal:
        'Overwrite refused: there are no valid rows, and an overwrite without rows would clear all inventory in JOOR.',
    };
  }
  if (plan.requests > writesAvailable) {
    return {
      allowed: false,
      refusal: `Overwrite refused: ${plan.validRows} rows need ${plan.requests} requests, but JOOR allows ${writesAvailable} more writes in this 5-minute window, so other requests would follow a wipe minutes later. ${REPLACE_OFFER}`,
    };
  }
  if (sendingMs > budget.executionBudgetMs || sendingMs > WINDOW_MS) {
    const seconds = Math.ceil(sendingMs / 1000);
    return {
      allowed: false,
      refusal: `Overwrite refused: ${plan.requests} requests take about ${seconds} s, longer than one execution or one 5-minute credit window, so the account could stay wiped between executions. ${REPLACE_OFFER}`,
    };
  }
  return { allowed: true };
}

/** A line keyed by the validation key (normalised identifier + warehouse + date). */
export interface KeyedLine {
  key: string;
  item: InventoryItem;
}

/**
 * Adds "Replace from sheet" zero lines: for each key of the last confirmed push that is not
 * in the sheet, a line with the same identifiers, warehouse and date and `inventory: 0`.
 * Keys in JOOR that the add-on never pushed are left as they are.
 */
export function planReplaceFromSheet(
  validLines: readonly KeyedLine[],
  lastConfirmed: readonly KeyedLine[],
): {
  lines: KeyedLine[];
  zeroed: KeyedLine[];
} {
  const present = new Set(validLines.map((line) => line.key));
  const zeroed: KeyedLine[] = [];
  for (const confirmed of lastConfirmed) {
    if (present.has(confirmed.key)) {
      continue;
    }
    present.add(confirmed.key);
    zeroed.push({ key: confirmed.key, item: toZeroLine(confirmed.item) });
  }
  return { lines: [...validLines, ...zeroed], zeroed };
}

function toZeroLine(item: InventoryItem): InventoryItem {
  const { made_to_order: _madeToOrder, ...identity } = item;
  return { ...identity, inventory: 0 };
}
