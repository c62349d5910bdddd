import {
  push,
  quantityOf,
  resetEmulator,
  startTestEmulator,
  statuses,
  type TestEmulator,
  UPC,
} from './helpers';

let emulator: TestEmulator;
let url: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.server.url;
});
afterAll(() => emulator.server.close());

/**
 * Starting state for every test: the seed's TEE-M 7 in Default and TEE-L 50 dated in Fall Future,
 * plus CAP-M 9 in Fall Future without a date.
 */
beforeEach(async () => {
  await resetEmulator(emulator.control);
  await push(url, [{ warehouse: 'Fall Future', upc: UPC.capM, inventory: 9 }]);
});

const overwrite = (items: unknown[]) => push(url, items, { query: 'overwrite=1' });

describe('overwrite scope', () => {
  test('without overwrite only listed positions change', async () => {
    await push(url, [{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(7);
    expect(await quantityOf(emulator.control, UPC.capM, 'Fall Future')).toBe(9);
  });

  test('account scope zeroes every omitted position', async () => {
    const result = await overwrite([{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    expect(statuses(result)).toEqual(['pass']);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(3);
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(0);
    expect(await quantityOf(emulator.control, UPC.capM, 'Fall Future')).toBe(0);
    expect(await quantityOf(emulator.control, UPC.teeL, 'Fall Future', '2025-09-01')).toBe(0);
  });

  test('warehouses_in_request keeps other warehouses', async () => {
    await emulator.control.setSwitches({ overwriteScope: 'warehouses_in_request' });
    await overwrite([{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(0);
    expect(await quantityOf(emulator.control, UPC.capM, 'Fall Future')).toBe(9);
    expect(await quantityOf(emulator.control, UPC.teeL, 'Fall Future', '2025-09-01')).toBe(50);
  });

  test('overwriteClearsDated false keeps dated positions', async () => {
    await emulator.control.setSwitches({ overwriteClearsDated: false });
    await overwrite([{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    expect(await quantityOf(emulator.control, UPC.teeL, 'Fall Future', '2025-09-01')).toBe(50);
    expect(await quantityOf(emulator.control, UPC.capM, 'Fall Future')).toBe(0);
  });

  test('empty overwrite request wipes the account', async () => {
    const result = await overwrite([]);
    expect(result.status).toBe(200);
    expect(result.json.sku_count).toBe(0);
    const { positions } = await emulator.control.positions();
    expect(positions.every((position) => position.quantity === 0)).toBe(true);
  });

  test('overwrite with only failing lines still clears', async () => {
    await overwrite([{ warehouse: 'Default', upc: '000000000000', inventory: 3 }]);
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(0);
  });

  test('rejected request body clears nothing', async () => {
    const result = await push(url, [{ upc: UPC.teeS, inventory: 1 }], {
      query: 'overwrite=1',
      contentType: null,
    });
    expect(result.status).toBe(400);
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(7);
  });
});

describe('overwriteOmitted switch', () => {
  test('remove deletes omitted positions', async () => {
    await emulator.control.setSwitches({ overwriteOmitted: 'remove' });
    await overwrite([{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    const { positions, madeToOrder } = await emulator.control.positions();
    expect(positions.map((position) => position.upc)).toEqual([UPC.teeS]);
    expect(madeToOrder).toEqual([]);
  });

  test('mto flags omitted SKUs made-to-order', async () => {
    await emulator.control.setSwitches({ overwriteOmitted: 'mto' });
    await overwrite([{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    const { positions, madeToOrder } = await emulator.control.positions();
    expect(positions.map((position) => position.upc)).toEqual([UPC.teeS]);
    expect(madeToOrder.map((sku) => sku.upc).sort()).toEqual([UPC.teeM, UPC.teeL, UPC.capM].sort());
  });

  test('mto leaves SKUs of the request unflagged', async () => {
    await emulator.control.setSwitches({ overwriteOmitted: 'mto' });
    await overwrite([{ warehouse: 'Fall Future', upc: UPC.teeM, inventory: 2 }]);
    const { madeToOrder } = await emulator.control.positions();
    expect(madeToOrder.map((sku) => sku.upc)).not.toContain(UPC.teeM);
    expect(await quantityOf(emulator.control, UPC.teeM, 'Default')).toBeUndefined();
    expect(await quantityOf(emulator.control, UPC.teeM, 'Fall Future')).toBe(2);
  });
});

describe('overwrite per request', () => {
  test('second chunk with overwrite wipes the first chunk', async () => {
    await overwrite([{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    await overwrite([{ warehouse: 'Default', upc: UPC.teeL, inventory: 4 }]);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(0);
    expect(await quantityOf(emulator.control, UPC.teeL)).toBe(4);
  });

  test('first chunk overwrite, later chunks updates', async () => {
    await overwrite([{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    await push(url, [{ warehouse: 'Default', upc: UPC.teeL, inventory: 4 }]);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(3);
    expect(await quantityOf(emulator.control, UPC.teeL)).toBe(4);
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(0);
  });

  test('overwrite applies once before the lines', async () => {
    await overwrite([
      { warehouse: 'Default', upc: UPC.teeS, inventory: 3 },
      { warehouse: 'Default', upc: UPC.teeL, inventory: 4 },
    ]);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(3);
    expect(await quantityOf(emulator.control, UPC.teeL)).toBe(4);
  });

  test('request log records the overwrite flag', async () => {
    await overwrite([{ warehouse: 'Default', upc: UPC.teeS, inventory: 3 }]);
    const requests = await emulator.control.requests();
    expect(requests.map((request) => request.overwrite)).toEqual([false, true]);
  });
});
