/**
 * Runs the project's inventory-sync scenario list against the local JOOR emulator through the
 * core request builder, response parser and matcher. It covers every switch that changes the
 * responses the client receives: wire format, response envelope, log order, XML log element,
 * style identifier spelling, unknown-warehouse handling, overwrite scope and dec_pending.
 */

import type { PositionView } from '../../local/emulator/client';
import { createDemoSeed } from '../../local/emulator/demo-seed';
import { type EmulatorHandle, spawnEmulator } from '../../local/emulator/process';
import type { EmulatorSeed, SeedSku } from '../../local/emulator/seed-types';
import type { Switches } from '../../local/emulator/switches';
import { parseRetryAfter } from '../../src/core/push/rate';
import { classifyResponse } from '../../src/core/push/retry';
import type { InventoryItem, StyleIdentifierKey, WireFormat } from '../../src/shared/types';
import { type PushSettings, push, type Server, statusesOf } from './harness';

const BASE_SEED = createDemoSeed();
const CATALOGUE: SeedSku[] = BASE_SEED.catalogue;
const FUTURE = 'Fall Future';
const START_QUANTITY = 10;

/** Every SKU starts with 10 units in Default, so update-mode tests can see untouched positions. */
const SEED: EmulatorSeed = {
  ...BASE_SEED,
  positions: CATALOGUE.map((sku) => ({ upc: sku.upc ?? '', warehouse: 'Default', quantity: START_QUANTITY })),
};

function sku(index: number): SeedSku {
  const found = CATALOGUE[index];
  if (found === undefined) {
    throw new Error(`The demo catalogue has no SKU ${index}`);
  }
  return found;
}

const byUpc = (index: number, inventory: number, extra: Partial<InventoryItem> = {}): InventoryItem => ({
  warehouse: 'Default',
  upc: sku(index).upc ?? '',
  inventory,
  ...extra,
});
const byStyle = (index: number, inventory: number, extra: Partial<InventoryItem> = {}): InventoryItem => ({
  warehouse: 'Default',
  style_number: sku(index).style_number,
  style_identifier: sku(index).style_identifier,
  color_code: sku(index).color_code,
  size: sku(index).size,
  inventory,
  ...extra,
});
const byIds = (index: number, inventory: number): InventoryItem => ({
  warehouse: 'Default',
  style_id: sku(index).style_id,
  style_color_id: sku(index).style_color_id,
  size_code: sku(index).size_code,
  inventory,
});

let emulator: EmulatorHandle;
let server: Server;

beforeAll(async () => {
  emulator = await spawnEmulator({ seed: SEED });
  server = { baseUrl: `${emulator.url}/v2`, token: emulator.token };
});

afterAll(async () => {
  await emulator?.stop();
});

async function configure(switches: Partial<Switches>): Promise<void> {
  await emulator.control.resetSwitches(switches);
  await emulator.control.reset();
}

async function positionOf(
  index: number,
  warehouse = 'Default',
  date: string | null = null,
): Promise<PositionView | undefined> {
  const { positions } = await emulator.control.positions();
  return positions.find(
    (position) =>
      position.upc === sku(index).upc && position.warehouse === warehouse && position.inventory_date === date,
  );
}

async function quantityOf(
  index: number,
  warehouse = 'Default',
  date: string | null = null,
): Promise<number | undefined> {
  return (await positionOf(index, warehouse, date))?.quantity;
}

interface Combination {
  format: WireFormat;
  responseEnvelope: Switches['responseEnvelope'];
  logOrder: Switches['logOrder'];
  xmlLogElement: string;
}

const COMBINATIONS: Combination[] = [];
for (const format of ['json', 'xml'] as const) {
  for (const responseEnvelope of ['bare', 'response_code'] as const) {
    for (const logOrder of ['request', 'shuffled'] as const) {
      COMBINATIONS.push({ format, responseEnvelope, logOrder, xmlLogElement: 'inventory_log' });
    }
  }
}
COMBINATIONS.push({
  format: 'xml',
  responseEnvelope: 'bare',
  logOrder: 'shuffled',
  xmlLogElement: 'log_entry',
});

describe.each(COMBINATIONS)(
  'scenarios in $format, $responseEnvelope envelope, $logOrder log, XML element $xmlLogElement',
  (combination) => {
    const settings: PushSettings = { format: combination.format };

    beforeEach(async () => {
      await configure({
        responseEnvelope: combination.responseEnvelope,
        logOrder: combination.logOrder,
        xmlLogElement: combination.xmlLogElement,
      });
    });

    it('loads stock by UPC into Default', async () => {
      const result = await push(server, [byUpc(0, 14), byUpc(1, 3)], settings);
      expect(statusesOf(result)).toEqual(['2:sent', '3:sent']);
      expect(await quantityOf(0)).toBe(14);
      expect(await quantityOf(1)).toBe(3);
    });

    it('loads stock by style tuple', async () => {
      const result = await push(server, [byStyle(3, 7), byStyle(4, 8)], settings);
      expect(statusesOf(result)).toEqual(['2:sent', '3:sent']);
      expect(await quantityOf(3)).toBe(7);
      expect(await quantityOf(4)).toBe(8);
    });

    it('loads stock by JOOR ids', async () => {
      const result = await push(server, [byIds(6, 5), byIds(7, 6)], settings);
      expect(statusesOf(result)).toEqual(['2:sent', '3:sent']);
      expect(await quantityOf(6)).toBe(5);
      expect(await quantityOf(7)).toBe(6);
    });

    it('updates one SKU and leaves others', async () => {
      const result = await push(server, [byUpc(2, 4)], settings);
      expect(statusesOf(result)).toEqual(['2:sent']);
      expect(await quantityOf(2)).toBe(4);
      expect(await quantityOf(5)).toBe(START_QUANTITY);
    });

    it('sets a SKU to zero in update mode', async () => {
      const result = await push(server, [byUpc(2, 0)], settings);
      expect(statusesOf(result)).toEqual(['2:sent']);
      expect(await quantityOf(2)).toBe(0);
      expect(await quantityOf(3)).toBe(START_QUANTITY);
    });

    it('loads future and dated positions', async () => {
      const result = await push(
        server,
        [
          byUpc(0, 120, { warehouse: FUTURE }),
          byUpc(1, 30, { warehouse: FUTURE, inventory_date: '2025-09-01' }),
        ],
        settings,
      );
      expect(statusesOf(result)).toEqual(['2:sent', '3:sent']);
      expect(await quantityOf(0, FUTURE)).toBe(120);
      expect(await quantityOf(1, FUTURE, '2025-09-01')).toBe(30);
      expect(await quantityOf(1)).toBe(START_QUANTITY);
    });

    it('clears inventory with made_to_order', async () => {
      const result = await push(server, [byUpc(0, 0, { made_to_order: true })], settings);
      expect(statusesOf(result)).toEqual(['2:sent']);
      expect(await quantityOf(0)).toBeUndefined();
      const { madeToOrder } = await emulator.control.positions();
      expect(madeToOrder.map((entry) => entry.upc)).toContain(sku(0).upc);
    });

    it('deducts pending orders with dec_pending', async () => {
      const result = await push(server, [byUpc(0, 20)], { ...settings, decPending: true });
      expect(statusesOf(result)).toEqual(['2:sent']);
      // The demo seed has 3 pending units of SKU 0 in Default.
      expect(await quantityOf(0)).toBe(17);
    });

    it('fails an unknown UPC and a wrong-case size', async () => {
      const unknownUpc: InventoryItem = { warehouse: 'Default', upc: '099999999993', inventory: 1 };
      const wrongCase = byStyle(4, 2, { size: sku(4).size.toLowerCase() });
      const result = await push(server, [byUpc(0, 9), unknownUpc, wrongCase], settings);
      expect(statusesOf(result)).toEqual(['2:sent', '3:failed', '4:failed']);
      expect(result.rows[1]?.message).toContain('Check that this UPC is stored on the SKU in JOOR.');
      expect(result.rows[2]?.message).toContain('case-sensitively');
      expect(await quantityOf(4)).toBe(START_QUANTITY);
    });

    it('matches a mix of identity modes', async () => {
      const items = [byUpc(0, 1), byStyle(3, 2), byIds(7, 3), byUpc(9, 4), byStyle(10, 5)];
      const result = await push(server, items, settings);
      expect(statusesOf(result)).toEqual(['2:sent', '3:sent', '4:sent', '5:sent', '6:sent']);
      expect(await quantityOf(10)).toBe(5);
    });
  },
);

describe('style identifier spelling', () => {
  const spellings: StyleIdentifierKey[] = ['both', 'style_identifer', 'style_identifier'];

  it.each(spellings)('sending both spellings works when the server reads %s', async (serverKey) => {
    await configure({ styleIdentifierKey: serverKey });
    const result = await push(server, [byStyle(3, 6)], { format: 'json', styleIdentifierKey: 'both' });
    expect(statusesOf(result)).toEqual(['2:sent']);
    expect(await quantityOf(3)).toBe(6);
  });

  it.each([
    ['style_identifier', 'style_identifer'],
    ['style_identifer', 'style_identifier'],
  ] as const)('sending only %s fails when the server reads %s', async (clientKey, serverKey) => {
    await configure({ styleIdentifierKey: serverKey });
    const result = await push(server, [byStyle(3, 6)], { format: 'xml', styleIdentifierKey: clientKey });
    expect(statusesOf(result)).toEqual(['2:failed']);
    expect(await quantityOf(3)).toBe(START_QUANTITY);
  });

  it.each(['json', 'xml'] as const)('matching spelling works in %s', async (format) => {
    await configure({ styleIdentifierKey: 'style_identifer' });
    const result = await push(server, [byStyle(3, 6)], { format, styleIdentifierKey: 'style_identifer' });
    expect(statusesOf(result)).toEqual(['2:sent']);
  });
});

describe('unknown warehouse', () => {
  const line = byUpc(0, 5, { warehouse: 'Nowhere' });

  it('fails the line under fail', async () => {
    await configure({ unknownWarehouse: 'fail' });
    const result = await push(server, [line], { format: 'json' });
    expect(statusesOf(result)).toEqual(['2:failed']);
    expect(await quantityOf(0)).toBe(START_QUANTITY);
  });

  it('reports pass while storing nothing under drop', async () => {
    // This silent outcome is why validation checks warehouses against the user's list first.
    await configure({ unknownWarehouse: 'drop' });
    const result = await push(server, [line], { format: 'json' });
    expect(statusesOf(result)).toEqual(['2:sent']);
    expect(await quantityOf(0, 'Nowhere')).toBeUndefined();
    expect(await quantityOf(0)).toBe(START_QUANTITY);
  });

  it('stores into a phantom warehouse under phantom', async () => {
    await configure({ unknownWarehouse: 'phantom' });
    const result = await push(server, [line], { format: 'xml' });
    expect(statusesOf(result)).toEqual(['2:sent']);
    expect(await quantityOf(0, 'Nowhere')).toBe(5);
    expect((await emulator.control.positions()).phantomWarehouses).toEqual(['Nowhere']);
  });
});

describe('overwrite', () => {
  const scopes: Array<Switches['overwriteScope']> = ['account', 'warehouses_in_request'];
  const omitted: Array<Switches['overwriteOmitted']> = ['zero', 'remove', 'mto'];
  const combinations = scopes.flatMap((overwriteScope) =>
    omitted.map((overwriteOmitted) => ({ overwriteScope, overwriteOmitted })),
  );

  it.each(combinations)(
    'leaves only the request under $overwriteScope scope, omitted $overwriteOmitted',
    async (switches) => {
      await configure(switches);
      await push(server, [byUpc(5, 40, { warehouse: FUTURE })], { format: 'json' });

      const result = await push(server, [byUpc(0, 2), byUpc(1, 3)], { format: 'json', overwrite: true });
      expect(statusesOf(result)).toEqual(['2:sent', '3:sent']);
      expect(await quantityOf(0)).toBe(2);
      expect(await quantityOf(1)).toBe(3);

      const omittedDefault = await quantityOf(2);
      if (switches.overwriteOmitted === 'zero') {
        expect(omittedDefault).toBe(0);
      } else {
        expect(omittedDefault).toBeUndefined();
      }

      const future = await quantityOf(5, FUTURE);
      if (switches.overwriteScope === 'warehouses_in_request') {
        expect(future).toBe(40);
      } else {
        expect(future === undefined || future === 0).toBe(true);
      }
    },
  );

  it('applies overwrite on the first request only', async () => {
    await configure({});
    await push(server, [byUpc(0, 2)], { format: 'json', overwrite: true });
    await push(server, [byUpc(1, 3)], { format: 'json' });
    expect(await quantityOf(0)).toBe(2);
    expect(await quantityOf(1)).toBe(3);
    expect(await quantityOf(2)).toBe(0);
  });
});

describe('dec_pending floor', () => {
  it.each([
    [true, 0],
    [false, -2],
  ])('stores the deduction with floor %s', async (atsFloorAtZero, expected) => {
    await configure({ atsFloorAtZero });
    const result = await push(server, [byUpc(0, 1)], { format: 'json', decPending: true });
    expect(statusesOf(result)).toEqual(['2:sent']);
    expect(await quantityOf(0)).toBe(expected);
  });
});

describe('response variants', () => {
  it('confirms fanned-out lines with sku_count above the line count', async () => {
    await configure({ fanOut: 3 });
    const result = await push(server, [byStyle(3, 4), byUpc(1, 5)], { format: 'json' });
    expect(statusesOf(result)).toEqual(['2:sent', '3:sent']);
    expect(result.parsed.ok).toBe(true);
    if (!result.parsed.ok) return;
    expect(result.parsed.lines).toHaveLength(6);
    expect(result.parsed.skuCount).toBe(6);
  });

  it('reads a per-line message on failure', async () => {
    await configure({ lineMessage: 'on' });
    const result = await push(server, [{ warehouse: 'Default', upc: '099999999993', inventory: 1 }], {
      format: 'xml',
    });
    expect(statusesOf(result)).toEqual(['2:failed']);
    expect(result.rows[0]?.message).toMatch(/JOOR returned fail for SKU "099999999993": .+\./);
  });

  it('matches a custom SKU template', async () => {
    await configure({ skuFormat: '{style_number}/{color_code}/{size}@{warehouse}', logOrder: 'shuffled' });
    const result = await push(server, [byStyle(3, 1), byStyle(4, 2), byStyle(5, 3)], { format: 'json' });
    expect(statusesOf(result)).toEqual(['2:sent', '3:sent', '4:sent']);
  });

  it('fails every row when an all-fail request returns an error status', async () => {
    await configure({ allFailStatus: 422 });
    const result = await push(server, [{ warehouse: 'Default', upc: '099999999993', inventory: 1 }], {
      format: 'json',
    });
    expect(result.parsed.ok).toBe(false);
    if (result.parsed.ok) return;
    expect(classifyResponse(result.response, result.parsed).kind).toBe('rejected');
  });

  it.each(['json', 'xml'] as const)('reads a 401 as an auth failure in %s', async (format) => {
    await configure({});
    const result = await push({ ...server, token: 'wrong-token' }, [byUpc(0, 1)], { format });
    expect(result.response.status).toBe(401);
    expect(result.parsed.ok).toBe(false);
    if (result.parsed.ok) return;
    expect(classifyResponse(result.response, result.parsed).kind).toBe('auth');
  });
});

describe('rate limit', () => {
  it('returns 429 after 60 writes in one window', async () => {
    await configure({ rateLimitHeaders: { retryAfter: 'seconds' } });
    const settings: PushSettings = { format: 'json' };
    for (let write = 0; write < 60; write++) {
      const result = await push(server, [byUpc(0, write)], settings);
      expect(result.response.status).toBe(200);
    }
    const throttled = await push(server, [byUpc(0, 99)], settings);
    expect(throttled.response.status).toBe(429);
    const waitMs = parseRetryAfter(throttled.response.headers['retry-after'], Date.now());
    expect(waitMs).not.toBeNull();
    expect(waitMs).toBeLessThanOrEqual(300_000);
    expect(await quantityOf(0)).toBe(59);
  });
});
