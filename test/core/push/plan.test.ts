import { PushError } from '../../../src/core/push/errors';
import {
  checkOverwrite,
  DEFAULT_ITEMS_PER_REQUEST,
  planBatches,
  planReplaceFromSheet,
  summarisePlan,
} from '../../../src/core/push/plan';
import type { InventoryItem } from '../../../src/shared/types';

describe('planBatches', () => {
  it.each([
    [0, 500, 0],
    [1, 500, 1],
    [500, 500, 1],
    [501, 500, 2],
    [2400, 800, 3],
    [100_000, 500, 200],
  ])('packs %i lines at %i per request into %i requests', (lines, perRequest, requests) => {
    const batches = planBatches(
      Array.from({ length: lines }, (_, index) => index),
      perRequest,
    );
    expect(batches).toHaveLength(requests);
    expect(batches.flat()).toHaveLength(lines);
  });

  it('keeps sheet order', () => {
    expect(planBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %p items per request', (perRequest) => {
    expect(() => planBatches([1], perRequest)).toThrow(PushError);
  });

  it('defaults to 500 items per request', () => {
    expect(DEFAULT_ITEMS_PER_REQUEST).toBe(500);
  });
});

describe('summarisePlan', () => {
  it('counts requests and credit windows', () => {
    const plan = summarisePlan({
      validRows: 100_000,
      itemsPerRequest: 500,
      overwrite: false,
      requestMs: 1000,
    });
    expect(plan.requests).toBe(200);
    expect(plan.creditWindows).toBe(4);
  });

  it('estimates three window waits for four windows', () => {
    const plan = summarisePlan({
      validRows: 100_000,
      itemsPerRequest: 500,
      overwrite: false,
      requestMs: 1000,
    });
    // Windows 1-3 each end 300 s after they open; window 4 sends 20 requests of 1 s.
    expect(plan.etaSeconds).toBe(3 * 300 + 20);
  });

  it('needs no wait when requests are slower than the window refills', () => {
    const plan = summarisePlan({
      validRows: 61 * 500,
      itemsPerRequest: 500,
      overwrite: false,
      requestMs: 6000,
      executionBudgetMs: 10_000_000,
    });
    expect(plan.etaSeconds).toBe(61 * 6);
  });

  it.each([
    [60, 1],
    [100, 2],
    [200, 4],
  ])('needs for %i requests of 4 s %i executions', (requests, executions) => {
    // 60 requests of 4 s take 240 s; the wait for the next window passes the 270 s budget.
    const plan = summarisePlan({
      validRows: requests * 500,
      itemsPerRequest: 500,
      overwrite: false,
      requestMs: 4000,
      executionBudgetMs: 270_000,
    });
    expect(plan.executions).toBe(executions);
  });

  it('plans nothing for no rows', () => {
    const plan = summarisePlan({ validRows: 0, itemsPerRequest: 500, overwrite: false });
    expect(plan.requests).toBe(0);
    expect(plan.etaSeconds).toBe(0);
    expect(plan.executions).toBe(0);
  });

  it('allows an overwrite that fits one window and one execution', () => {
    const plan = summarisePlan({ validRows: 20_000, itemsPerRequest: 500, overwrite: true, requestMs: 4000 });
    expect(plan.overwriteAllowed).toBe(true);
    expect(plan.overwriteRefusal).toBeUndefined();
  });

  it('refuses an overwrite that needs two windows and offers Replace from sheet', () => {
    const plan = summarisePlan({
      validRows: 100_000,
      itemsPerRequest: 500,
      overwrite: true,
      requestMs: 1000,
    });
    expect(plan.overwriteAllowed).toBe(false);
    expect(plan.overwriteRefusal).toContain('200 requests');
    expect(plan.overwriteRefusal).toContain('Replace from sheet');
  });

  it('leaves overwrite off when not requested', () => {
    const plan = summarisePlan({ validRows: 10, itemsPerRequest: 500, overwrite: false });
    expect(plan.overwriteAllowed).toBe(false);
    expect(plan.overwriteRefusal).toBeUndefined();
  });
});

describe('checkOverwrite', () => {
  const plan = (requests: number) =>
    summarisePlan({ validRows: requests * 500, itemsPerRequest: 500, overwrite: false, requestMs: 1000 });

  it('refuses an empty plan', () => {
    const check = checkOverwrite(plan(0), { executionBudgetMs: 270_000, requestMs: 1000 });
    expect(check.allowed).toBe(false);
    expect(check.refusal).toContain('no valid rows');
  });

  it('refuses when the window has too few credits left', () => {
    const check = checkOverwrite(plan(10), {
      executionBudgetMs: 270_000,
      requestMs: 1000,
      creditsAvailable: 45,
    });
    expect(check.allowed).toBe(false);
    expect(check.refusal).toContain('9 more writes');
  });

  it('refuses when the requests outlast one execution', () => {
    const check = checkOverwrite(plan(50), { executionBudgetMs: 270_000, requestMs: 6000 });
    expect(check.allowed).toBe(false);
    expect(check.refusal).toContain('about 300 s');
  });

  it('allows 60 quick requests', () => {
    expect(checkOverwrite(plan(60), { executionBudgetMs: 270_000, requestMs: 1000 }).allowed).toBe(true);
  });
});

describe('planReplaceFromSheet', () => {
  const item = (upc: string, inventory: number, extra: Partial<InventoryItem> = {}): InventoryItem => ({
    warehouse: 'Default',
    upc,
    inventory,
    ...extra,
  });

  it('adds a zero line for each previously pushed key missing from the sheet', () => {
    const result = planReplaceFromSheet(
      [{ key: 'a', item: item('012345678905', 4) }],
      [
        { key: 'a', item: item('012345678905', 9) },
        { key: 'b', item: item('012345678912', 7, { inventory_date: '2025-09-01', made_to_order: true }) },
      ],
    );
    expect(result.zeroed).toEqual([
      {
        key: 'b',
        item: { warehouse: 'Default', upc: '012345678912', inventory: 0, inventory_date: '2025-09-01' },
      },
    ]);
    expect(result.lines.map((line) => line.key)).toEqual(['a', 'b']);
  });

  it('keeps the sheet quantity for keys still in the sheet', () => {
    const result = planReplaceFromSheet(
      [{ key: 'a', item: item('012345678905', 4) }],
      [{ key: 'a', item: item('012345678905', 9) }],
    );
    expect(result.lines).toEqual([{ key: 'a', item: item('012345678905', 4) }]);
    expect(result.zeroed).toEqual([]);
  });

  it('adds one zero line for a key listed twice', () => {
    const confirmed = { key: 'b', item: item('012345678912', 7) };
    expect(planReplaceFromSheet([], [confirmed, confirmed]).zeroed).toHaveLength(1);
  });
});
