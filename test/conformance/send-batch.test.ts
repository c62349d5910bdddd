/**
 * Drives `sendBatch` against the emulator over a synchronous loopback HTTP port (the local
 * runtime's worker-thread client), with faults scheduled by request number. The clock is
 * manual, so retries and Retry-After waits cost no real time.
 */

import { createDemoSeed } from '../../local/emulator/demo-seed';
import type { ScheduledFault } from '../../local/emulator/faults';
import { type EmulatorHandle, spawnEmulator } from '../../local/emulator/process';
import type { EmulatorSeed } from '../../local/emulator/seed-types';
import { createSyncHttpClient, type SyncHttpClient } from '../../local/runtime/sync-http';
import type { HttpPort, HttpRequest, HttpResponse } from '../../src/core/ports';
import type { SentLine } from '../../src/core/push/match';
import { planBatches } from '../../src/core/push/plan';
import { createLedger } from '../../src/core/push/rate';
import { type BatchOutcome, type SendContext, sendBatch } from '../../src/core/push/send';
import { ManualClock, seededRandom } from '../core/push/fakes';
import { encodeBase64 } from './harness';

const BASE_SEED = createDemoSeed();
const SEED: EmulatorSeed = {
  ...BASE_SEED,
  positions: BASE_SEED.catalogue.map((sku) => ({ upc: sku.upc ?? '', warehouse: 'Default', quantity: 10 })),
};
const T0 = Date.parse('2025-05-21T10:00:00Z');

/** Creates an `HttpPort` over the runtime's synchronous client; transport errors throw like UrlFetchApp. */
function createLoopbackPort(client: SyncHttpClient): HttpPort {
  return {
    fetch(request: HttpRequest): HttpResponse {
      const headers = { ...request.headers };
      const wire = {
        url: request.url,
        method: request.method.toUpperCase(),
        headers,
        followRedirects: true,
        timeoutMs: 10_000,
        ...(request.payload === undefined
          ? {}
          : { body: new Uint8Array(Buffer.from(request.payload, 'utf8')) }),
      };
      const [result] = client.send([wire]);
      if (result === undefined || !result.ok) {
        const kind = result?.ok === false && result.error === 'timeout' ? 'Timeout' : 'Address unavailable';
        throw new Error(`Exception: ${kind}: ${request.url}`);
      }
      const responseHeaders: Record<string, string> = {};
      for (let i = 0; i + 1 < result.rawHeaders.length; i += 2) {
        responseHeaders[(result.rawHeaders[i] ?? '').toLowerCase()] = result.rawHeaders[i + 1] ?? '';
      }
      return {
        status: result.status,
        headers: responseHeaders,
        body: Buffer.from(result.body).toString('utf8'),
      };
    },
  };
}

let emulator: EmulatorHandle;
let client: SyncHttpClient;

beforeAll(async () => {
  emulator = await spawnEmulator({ seed: SEED });
  client = createSyncHttpClient();
});

afterAll(async () => {
  client?.close();
  await emulator?.stop();
});

beforeEach(async () => {
  await emulator.control.resetSwitches({});
  await emulator.control.reset();
  // A schedule outlives reset(), so each test starts without faults.
  await emulator.control.setFaults([]);
});

const lines: SentLine[] = BASE_SEED.catalogue.map((sku, index) => ({
  row: index + 2,
  item: { warehouse: 'Default', upc: sku.upc ?? '', inventory: index + 1 },
}));

function contextFor(overrides: Partial<SendContext> = {}): SendContext {
  return {
    http: createLoopbackPort(client),
    clock: new ManualClock(T0),
    encodeBase64,
    random: seededRandom(1),
    target: {
      baseUrl: `${emulator.url}/v2`,
      token: emulator.token,
      format: 'json',
      decPending: false,
      styleIdentifierKey: 'both',
    },
    overwrite: false,
    requestsSucceededBefore: 0,
    deadlineMs: T0 + 270_000,
    ledger: createLedger(),
    ...overrides,
  };
}

async function storedQuantities(): Promise<Map<string, number>> {
  const { positions } = await emulator.control.positions();
  return new Map(
    positions
      .filter((position) => position.warehouse === 'Default' && position.inventory_date === null)
      .map((position) => [position.upc ?? '', position.quantity]),
  );
}

const statuses = (outcome: BatchOutcome) => [...new Set(outcome.rows.map((row) => row.status))];

describe('sendBatch against the emulator', () => {
  it('confirms every row of a clean batch', async () => {
    const outcome = sendBatch(lines, contextFor());
    expect(statuses(outcome)).toEqual(['sent']);
    const stored = await storedQuantities();
    for (const line of lines) {
      expect(stored.get(line.item.upc ?? '')).toBe(line.item.inventory);
    }
  });

  it.each([
    ['a 502 HTML page', { kind: 'status', status: 502, bodyType: 'html' }],
    ['a truncated JSON body', { kind: 'malformed' }],
    ['a Retry-After 429', { kind: 'throttle', headers: { 'Retry-After': '2.0' } }],
  ] as Array<[string, Omit<ScheduledFault, 'at'>]>)('recovers from %s', async (_name, fault) => {
    await emulator.control.setFaults([{ ...fault, at: 1 } as ScheduledFault]);
    const outcome = sendBatch(lines, contextFor());
    expect(outcome.requestsMade).toBe(2);
    expect(statuses(outcome)).toEqual(['sent']);
  });

  it('leaves rows of a 200 error body not confirmed', async () => {
    await emulator.control.setFaults([{ kind: 'error_body', at: 1 }]);
    const outcome = sendBatch(lines, contextFor());
    expect(outcome.requestsMade).toBe(1);
    expect(statuses(outcome)).toEqual(['not_confirmed']);
    expect(outcome.rows[0]?.message).not.toContain('{');
  });

  it('marks rows not confirmed when 504s follow applied changes', async () => {
    const faults = [1, 2, 3, 4].map((at) => ({ kind: 'status_after_apply', at }) as ScheduledFault);
    await emulator.control.setFaults(faults);
    const outcome = sendBatch(lines, contextFor());
    expect(statuses(outcome)).toEqual(['not_confirmed']);
    // The rows were stored although no result came back, which is why they are not "not sent".
    expect((await storedQuantities()).get(lines[0]?.item.upc ?? '')).toBe(1);
  });

  it('retries a dropped first overwrite request with overwrite', async () => {
    await emulator.control.setFaults([{ kind: 'drop', applyChange: true, at: 1 }]);
    const outcome = sendBatch(lines.slice(0, 4), contextFor({ overwrite: true }));
    expect(statuses(outcome)).toEqual(['sent']);
    const requests = await emulator.control.requests();
    expect(requests.map((request) => request.overwrite)).toEqual([true, true]);
  });

  it('leaves exactly the sheet after a chunked overwrite', async () => {
    const sheet = lines.slice(0, 9);
    const batches = planBatches(sheet, 4);
    let succeeded = 0;
    let ledger = createLedger();
    for (const [index, batch] of batches.entries()) {
      const outcome = sendBatch(
        batch,
        contextFor({ overwrite: index === 0, requestsSucceededBefore: succeeded, ledger }),
      );
      expect(statuses(outcome)).toEqual(['sent']);
      ledger = outcome.ledger;
      succeeded += 1;
    }

    const requests = await emulator.control.requests();
    expect(requests.map((request) => request.overwrite)).toEqual([true, false, false]);
    const stored = await storedQuantities();
    for (const line of sheet) {
      expect(stored.get(line.item.upc ?? '')).toBe(line.item.inventory);
    }
    for (const line of lines.slice(9)) {
      expect(stored.get(line.item.upc ?? '') ?? 0).toBe(0);
    }
  });

  it('reads an XML exchange', async () => {
    const context = contextFor();
    const outcome = sendBatch(lines, { ...context, target: { ...context.target, format: 'xml' } });
    expect(statuses(outcome)).toEqual(['sent']);
  });

  it('stops on a rejected token without retrying', async () => {
    const context = contextFor();
    const outcome = sendBatch(lines, { ...context, target: { ...context.target, token: 'wrong-token' } });
    expect(outcome.stop?.reason).toBe('auth');
    expect(outcome.requestsMade).toBe(1);
    expect(statuses(outcome)).toEqual(['not_sent']);
  });
});
