/**
 * The inventory-sync test scenarios (load by UPC, style tuple and JOOR ids, update, sold out,
 * overwrite, future and dated warehouses, made-to-order, dec_pending, mismatches, rate limit),
 * each run with JSON and with XML bodies.
 */

import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { pushRaw, quantityOf, resetEmulator, startTestEmulator, type TestEmulator, UPC } from './helpers';

let emulator: TestEmulator;
let url: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.server.url;
});
afterAll(() => emulator.server.close());
beforeEach(() => resetEmulator(emulator.control));

const xmlBuilder = new XMLBuilder({});
const xmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'inventory_log' });

interface Outcome {
  status: number;
  skuCount: number;
  lines: { sku: string; status: string }[];
}

async function send(format: 'json' | 'xml', items: Record<string, unknown>[], query = ''): Promise<Outcome> {
  const body =
    format === 'json'
      ? JSON.stringify({ inventory_items: { inventory_item: items } })
      : `<?xml version="1.0" encoding="UTF-8"?>${xmlBuilder.build({ inventory_items: { inventory_item: items } })}`;
  const contentType = `application/${format}`;
  const result = await pushRaw(url, body, { contentType, accept: contentType, query });
  if (format === 'json' || result.status !== 200) {
    return { status: result.status, skuCount: result.json.sku_count, lines: result.json.inventory_log ?? [] };
  }
  const parsed = xmlParser.parse(result.text).bulk_inventory;
  return { status: result.status, skuCount: Number(parsed.sku_count), lines: parsed.inventory_log ?? [] };
}

const stored = (upc: string, warehouse = 'Default', date: string | null = null) =>
  quantityOf(emulator.control, upc, warehouse, date);

describe.each(['json', 'xml'] as const)('scenarios in %s', (format) => {
  test('1 load immediate stock by UPC', async () => {
    const outcome = await send(format, [{ warehouse: 'Default', upc: UPC.teeS, inventory: 14 }]);
    expect(outcome.lines).toEqual([expect.objectContaining({ sku: UPC.teeS, status: 'pass' })]);
    expect(await stored(UPC.teeS)).toBe(14);
  });

  test('2 load by style number, identifier, colour and size', async () => {
    const line = {
      warehouse: 'Default',
      style_number: '00123',
      style_identifier: 'ST-00123',
      color_code: '001',
      size: 'M',
      inventory: 5,
    };
    const outcome = await send(format, [line]);
    expect(outcome.lines).toEqual([expect.objectContaining({ sku: '00123-001-M', status: 'pass' })]);
    expect(await stored(UPC.capM)).toBe(5);
  });

  test('3 load by JOOR ids', async () => {
    const outcome = await send(format, [
      { warehouse: 'Default', style_id: 700222, style_color_id: 880333, size_code: 'SR2-02', inventory: 6 },
    ]);
    expect(outcome.lines[0]?.status).toBe('pass');
    expect(await stored(UPC.capM)).toBe(6);
  });

  test('4 update one SKU, the others unchanged', async () => {
    await send(format, [{ warehouse: 'Default', upc: UPC.teeS, inventory: 2 }]);
    expect(await stored(UPC.teeS)).toBe(2);
    expect(await stored(UPC.teeM)).toBe(7);
    expect(await stored(UPC.teeL, 'Fall Future', '2025-09-01')).toBe(50);
  });

  test('5 set a SKU to zero in update mode', async () => {
    await send(format, [{ warehouse: 'Default', upc: UPC.teeM, inventory: 0 }]);
    expect(await stored(UPC.teeM)).toBe(0);
    expect((await emulator.control.positions()).madeToOrder).toEqual([]);
  });

  test('6 overwrite clears omitted SKUs', async () => {
    const outcome = await send(
      format,
      [{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }],
      'overwrite=1',
    );
    expect(outcome.skuCount).toBe(1);
    expect(await stored(UPC.teeS)).toBe(3);
    expect(await stored(UPC.teeM)).toBe(0);
    expect(await stored(UPC.teeL, 'Fall Future', '2025-09-01')).toBe(0);
  });

  test('7 future warehouse and dated WIP positions', async () => {
    await send(format, [
      { warehouse: 'Fall Future', upc: UPC.teeS, inventory: 120 },
      { warehouse: 'Fall Future', upc: UPC.teeS, inventory: 40, inventory_date: '2025-10-15' },
    ]);
    expect(await stored(UPC.teeS, 'Fall Future')).toBe(120);
    expect(await stored(UPC.teeS, 'Fall Future', '2025-10-15')).toBe(40);
  });

  test('8 made_to_order true clears inventory', async () => {
    await send(format, [{ warehouse: 'Default', upc: UPC.teeM, inventory: 0, made_to_order: true }]);
    const { positions, madeToOrder } = await emulator.control.positions();
    expect(positions.some((position) => position.upc === UPC.teeM)).toBe(false);
    expect(madeToOrder.map((sku) => sku.upc)).toEqual([UPC.teeM]);
  });

  test('9 dec_pending with an existing pending order', async () => {
    await send(format, [{ warehouse: 'Default', upc: UPC.teeS, inventory: 10 }], 'dec_pending=1');
    expect(await stored(UPC.teeS)).toBe(7);
  });

  test('10 unknown UPC, wrong-case size and unknown warehouse fail', async () => {
    const outcome = await send(format, [
      { warehouse: 'Default', upc: '012345678912', inventory: 1 },
      {
        warehouse: 'Default',
        style_number: 'SS25-TEE',
        style_identifier: 'SS25-TEE',
        color_code: '010',
        size: 's',
        inventory: 1,
      },
      { warehouse: 'Main', upc: UPC.teeS, inventory: 1 },
      { warehouse: 'Default', upc: UPC.teeL, inventory: 1 },
    ]);
    expect(outcome.lines.map((line) => line.status)).toEqual(['fail', 'fail', 'fail', 'pass']);
    expect(outcome.status).toBe(200);
    expect(await stored(UPC.teeS)).toBeUndefined();
  });

  test('11 burst past 300 credits gets 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) codes.push((await send(format, [{ upc: UPC.teeS, inventory: i }])).status);
    expect(codes.filter((code) => code === 200)).toHaveLength(60);
    expect(codes[60]).toBe(429);
    expect(await stored(UPC.teeS)).toBe(59);
  });
});
