/**
 * Pushes through the built bundle that need more than one Apps Script execution: JOOR's credit
 * window running out, 429 responses with Retry-After in each of its forms, and rows inserted or
 * deleted in the sheet between executions. Time is virtual, so the waits cost no real time.
 */

import type { RequestLogEntry } from '../../local/emulator/emulator';
import type { EmulatorHandle } from '../../local/emulator/process';
import { deleteRows, insertRows } from '../../local/runtime/spreadsheet/sheet-edit';
import { parseRowState } from '../../src/core/run/row-state';
import { createAddonRuntime, startEmulator } from '../helpers/local-addon';
import {
  catalogueSeed,
  type DrivenRun,
  driveToEnd,
  inventoryWorkbook,
  type PushEntry,
  type RowView,
  readRows,
  sequentialRows,
  startPush,
  storedQuantities,
  unwrapProgress,
  upcOf,
  WAREHOUSE,
} from './harness';

/** Apps Script stops an execution after 6 minutes. */
const EXECUTION_LIMIT_MS = 360_000;
/** JOOR allows 60 writes (300 credits at 5 credits each) per fixed 5-minute window. */
const WRITES_PER_WINDOW = 60;

function clockTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 16);
}

describe('multi-execution push', () => {
  let emulator: EmulatorHandle;
  /** Each runtime starts after the emulator's clock, which never moves back. */
  let startTimeMs: number;

  beforeAll(async () => {
    emulator = await startEmulator(catalogueSeed(1100));
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await emulator.control.reset();
    await emulator.control.setFaults([]);
    const { nowMs } = await emulator.control.health();
    // A whole minute, so HH:MM in messages is stable against the few real milliseconds that pass.
    startTimeMs = Math.ceil((nowMs + 60_000) / 60_000) * 60_000;
  });

  describe('credit window used up', () => {
    // 130 rows at 2 per request need 65 requests: 60 fit in the first window.
    const rows = sequentialRows(130);

    function pushAcrossWindows() {
      const workbook = inventoryWorkbook(rows);
      const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 2 }, { startTimeMs });
      const cursors: Array<string | undefined> = [];
      const run = driveToEnd(runtime, startPush(runtime), {
        between: () => cursors.push(runtime.properties().document?.['joor.cursor']),
      });
      runtime.close();
      return { workbook, run, cursors };
    }

    it('stops before the execution limit', () => {
      const { run } = pushAcrossWindows();
      expect(run.executions.length).toBe(2);
      expect(run.killed).toBe(false);
      expect(run.executionMs[0]).toBeLessThan(EXECUTION_LIMIT_MS);
    });

    it('says when it will resume', () => {
      const { run } = pushAcrossWindows();
      const first = run.executions[0]!;
      expect(first.finished).toBe(false);
      expect(first.stopReason).toMatch(/will resume at \d\d:\d\d/);
      expect(first.resumeAfter).toBeDefined();
      expect(first.stopReason).toContain(clockTime(Date.parse(first.resumeAfter!)));
    });

    it('saves the cursor between executions', () => {
      const { run, cursors } = pushAcrossWindows();
      expect(cursors).toHaveLength(1);
      const cursor = JSON.parse(cursors[0] ?? '{}') as { runId?: string; requestsSent?: number };
      expect(cursor.runId).toBe(run.final.runId);
      expect(cursor.requestsSent).toBe(WRITES_PER_WINDOW);
    });

    it('sends each row exactly once', async () => {
      pushAcrossWindows();
      const requests = await emulator.control.requests();
      expect(requests).toHaveLength(Math.ceil(rows.length / 2));
      expect(requests.every((request) => request.status === 200)).toBe(true);
      expect(requests.reduce((sum, request) => sum + (request.lineCount ?? 0), 0)).toBe(rows.length);
    });

    it('waits for the next window', async () => {
      pushAcrossWindows();
      const requests = await emulator.control.requests();
      const firstMs = requests[0]!.atMs;
      const late = requests.filter((request) => request.atMs - firstMs >= 300_000);
      expect(late).toHaveLength(requests.length - WRITES_PER_WINDOW);
    });

    it('stores every row and labels it sent', async () => {
      const { workbook } = pushAcrossWindows();
      const stored = storedQuantities((await emulator.control.positions()).positions);
      const views = readRows(workbook);
      expect(views).toHaveLength(rows.length);
      for (const view of views) {
        expect(view.status).toBe('Sent');
        expect(stored.get(view.upc)).toBe(view.quantity);
      }
    });

    // The first execution counts the stopped batch as "not sent". When the continuation sends
    // those rows, they must move to "sent" and leave the "not sent" count.
    it('final counts match the sheet', () => {
      const { run } = pushAcrossWindows();
      expect(run.final.counts).toEqual({ sent: rows.length });
      expect(run.final.message).toBe(`Push finished: ${rows.length} sent.`);
    });
  });

  describe('execution time budget used up', () => {
    // The CLI's executions use the whole budget, unlike the sidebar's short slices. The
    // emulator's response delay runs in real time, so virtual time is spent on honoured 429
    // waits instead: three waits of 89 s bring the execution to 267 s of its 270 s budget.
    // A response that then takes 3.5 s of real time passes the budget, so the next batch
    // cannot start in this execution.
    const rows = sequentialRows(12);
    const throttle = (at: number) => ({ at, kind: 'throttle', headers: { 'Retry-After': '89' } }) as const;
    let outcome: {
      run: DrivenRun;
      views: RowView[];
      requests: RequestLogEntry[];
      stored: Map<string, number>;
    };

    beforeAll(async () => {
      await emulator.control.reset();
      await emulator.control.setFaults([
        throttle(2),
        throttle(4),
        throttle(6),
        { at: 7, kind: 'delay', ms: 3_500 },
      ]);
      const { nowMs } = await emulator.control.health();
      const workbook = inventoryWorkbook(rows);
      const runtime = createAddonRuntime(
        emulator,
        workbook,
        { itemsPerRequest: 2 },
        { startTimeMs: nowMs + 60_000 },
      );
      const run = driveToEnd(runtime, startPush(runtime, {}, 'cli'));
      runtime.close();
      outcome = {
        run,
        views: readRows(workbook),
        requests: await emulator.control.requests(),
        stored: storedQuantities((await emulator.control.positions()).positions),
      };
    });

    it('stops before the execution limit', () => {
      expect(outcome.run.executions.length).toBe(2);
      expect(outcome.run.killed).toBe(false);
      expect(outcome.run.executionMs[0]).toBeLessThan(EXECUTION_LIMIT_MS);
    });

    it('says the push continues', () => {
      expect(outcome.run.executions[0]!.stopReason).toContain('continues in the next execution');
    });

    it('sends each row exactly once', () => {
      const applied = outcome.requests.filter((request) => request.status === 200);
      expect(applied.reduce((sum, request) => sum + (request.lineCount ?? 0), 0)).toBe(rows.length);
    });

    it('stores every row and labels it sent', () => {
      for (const view of outcome.views) {
        expect(view.status).toBe('Sent');
        expect(outcome.stored.get(view.upc)).toBe(view.quantity);
      }
    });
  });

  describe('429 with Retry-After', () => {
    const rows = sequentialRows(6);

    /** Pushes 3 batches of 2 with a 429 on the second request, and returns the request log. */
    async function pushWithThrottle(retryAfter: (startMs: number) => string, entry: PushEntry = 'sidebar') {
      await emulator.control.setFaults([
        { at: 2, kind: 'throttle', headers: { 'Retry-After': retryAfter(startTimeMs) } },
      ]);
      const workbook = inventoryWorkbook(rows);
      const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 2 }, { startTimeMs });
      const run = driveToEnd(runtime, startPush(runtime, {}, entry));
      runtime.close();
      return { workbook, run, requests: await emulator.control.requests() };
    }

    const forms: Array<[string, (startMs: number) => string, number]> = [
      ['seconds', () => '90', 90_000],
      ['fractional seconds', () => '90.5', 90_500],
      ['HTTP date', (startMs: number) => new Date(startMs + 120_000).toUTCString(), 119_000],
    ];
    const entries: PushEntry[] = ['sidebar', 'cli'];
    const cases = forms.flatMap(([form, retryAfter, minimumWaitMs]) =>
      entries.map((entry) => [form, entry, retryAfter, minimumWaitMs] as const),
    );

    it.each(cases)('honours %s from the %s', async (_form, entry, retryAfter, minimumWaitMs) => {
      const { requests, workbook } = await pushWithThrottle(retryAfter, entry);
      expect(requests.map((request) => request.status)).toEqual([200, 429, 200, 200]);
      expect(requests[2]!.atMs - requests[1]!.atMs).toBeGreaterThanOrEqual(minimumWaitMs);
      expect(readRows(workbook).every((view) => view.status === 'Sent')).toBe(true);
    });

    it('stops when the wait passes the budget', async () => {
      const { run } = await pushWithThrottle(() => '600');
      const first = run.executions[0]!;
      expect(first.finished).toBe(false);
      expect(first.stopReason).toMatch(/will resume at \d\d:\d\d/);
    });

    it('marks the throttled batch not sent', async () => {
      await emulator.control.setFaults([{ at: 2, kind: 'throttle', headers: { 'Retry-After': '600' } }]);
      const workbook = inventoryWorkbook(rows);
      const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 2 }, { startTimeMs });
      const first = unwrapProgress(startPush(runtime), 'startPush');
      runtime.close();
      const views = readRows(workbook);
      const resumeAt = clockTime(startTimeMs + 600_000);
      expect(views[0]!.status).toBe('Sent');
      expect(views[1]!.status).toBe('Sent');
      for (const view of views.slice(2, 4)) {
        expect(view.status).toMatch(/^Not sent: /);
        expect(view.status).toContain(`will resume at ${resumeAt}`);
      }
      // NOTE: rows of batches not yet attempted keep an empty status until an execution reaches them.
      expect(views[4]!.status).toBe('');
      expect(first.resumeAfter).toBeDefined();
    });

    it('continuation sends the waiting rows', async () => {
      const { workbook, requests } = await pushWithThrottle(() => '600');
      const stored = storedQuantities((await emulator.control.positions()).positions);
      expect(requests.map((request) => request.status)).toEqual([200, 429, 200, 200]);
      expect(requests[2]!.atMs - requests[1]!.atMs).toBeGreaterThanOrEqual(600_000);
      for (const view of readRows(workbook)) {
        expect(view.status).toBe('Sent');
        expect(stored.get(view.upc)).toBe(view.quantity);
      }
    });
  });

  describe('sheet edited between executions', () => {
    // 130 rows at 2 per request: the first execution sends 120 rows, then the credit window
    // stops it. Before the continuation, three new rows go above the data and two unsent rows
    // are deleted, so every remaining row sits at another row number than before.
    const rows = sequentialRows(130);
    const inserted = [150, 151, 152];
    const deletedIndexes = [125, 126];

    function pushWithEdits() {
      const workbook = inventoryWorkbook(rows);
      const sheet = workbook.sheets[0]!;
      const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 2 }, { startTimeMs });
      const run = driveToEnd(runtime, startPush(runtime), {
        between: () => {
          // Catalogue index i sits on sheet row i + 2 before the edit.
          deleteRows(sheet, deletedIndexes[0]! + 2, deletedIndexes.length);
          insertRows(sheet, 2, inserted.length);
          inserted.forEach((index, offset) => {
            sheet.values.set(1 + offset, 0, upcOf(index));
            sheet.numberFormats.set(1 + offset, 0, '@');
            sheet.values.set(1 + offset, 1, 7);
            sheet.values.set(1 + offset, 2, WAREHOUSE);
          });
        },
      });
      runtime.close();
      return { workbook, run };
    }

    it('gives each row its own status', async () => {
      const { workbook } = pushWithEdits();
      const stored = storedQuantities((await emulator.control.positions()).positions);
      for (const view of readRows(workbook)) {
        const state = parseRowState(view.state);
        if (state?.status === 'sent') expect(stored.get(view.upc)).toBe(view.quantity);
        if (state?.status !== 'sent') expect(view.status).not.toMatch(/^Sent/);
      }
    });

    it('labels every remaining row', () => {
      const { workbook } = pushWithEdits();
      const unlabelled = readRows(workbook).filter((view) => view.status === '');
      expect(unlabelled.map((view) => view.row)).toEqual([]);
    });

    it('sends no row twice', async () => {
      pushWithEdits();
      const requests = await emulator.control.requests();
      const lines = requests.reduce((sum, request) => sum + (request.lineCount ?? 0), 0);
      expect(lines).toBe(rows.length - deletedIndexes.length + inserted.length);
    });

    it('never sends a deleted row', async () => {
      pushWithEdits();
      const stored = storedQuantities((await emulator.control.positions()).positions);
      for (const index of deletedIndexes) expect(stored.has(upcOf(index))).toBe(false);
    });
  });

  // The runner writes one row per confirmed key to a hidden state sheet, which Sheets creates
  // with 1000 rows. Writing 1000 keys below its header needs row 1001, so the sheet must grow.
  it('push of 1000 rows writes the confirmed state', async () => {
    const workbook = inventoryWorkbook(sequentialRows(1000));
    const runtime = createAddonRuntime(emulator, workbook, { itemsPerRequest: 500 }, { startTimeMs });
    const result = startPush(runtime);
    runtime.close();
    expect(result.error).toBeUndefined();
    expect(result.value).toMatchObject({ ok: true });
  });
});
