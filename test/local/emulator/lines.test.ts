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
beforeEach(() => resetEmulator(emulator.control, { lineMessage: 'on' }));

const setSwitches = (patch: Parameters<TestEmulator['control']['setSwitches']>[0]) =>
  emulator.control.setSwitches(patch);
const teeStyle = { style_number: 'SS25-TEE', style_identifier: 'SS25-TEE', color_code: '010', size: 'S' };
const teeIds = { style_id: 700111, style_color_id: 880222, size_code: 'SR1-01' };

describe('SKU identification', () => {
  test('UPC line is stored', async () => {
    const result = await push(url, [{ warehouse: 'Default', upc: UPC.teeS, inventory: 14 }]);
    expect(statuses(result)).toEqual(['pass']);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(14);
  });

  test('style tuple line is stored', async () => {
    const result = await push(url, [{ warehouse: 'Default', ...teeStyle, inventory: 6 }]);
    expect(statuses(result)).toEqual(['pass']);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(6);
  });

  test('JOOR id line is stored', async () => {
    const result = await push(url, [{ warehouse: 'Default', ...teeIds, inventory: 4 }]);
    expect(statuses(result)).toEqual(['pass']);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(4);
  });

  test('JOOR ids sent as text match', async () => {
    const result = await push(url, [
      {
        warehouse: 'Default',
        style_id: '700111',
        style_color_id: '880222',
        size_code: 'SR1-01',
        inventory: 4,
      },
    ]);
    expect(statuses(result)).toEqual(['pass']);
  });

  test('UPC wins over conflicting style fields', async () => {
    const result = await push(url, [{ warehouse: 'Default', upc: UPC.teeL, ...teeStyle, inventory: 9 }]);
    expect(statuses(result)).toEqual(['pass']);
    expect(await quantityOf(emulator.control, UPC.teeL)).toBe(9);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBeUndefined();
  });

  test.each([
    ['size case', { ...teeStyle, size: 's' }],
    ['colour without zero padding', { ...teeStyle, color_code: '10' }],
    ['style number case', { ...teeStyle, style_number: 'ss25-tee' }],
  ])('%s mismatch fails the line', async (_case, fields) => {
    const result = await push(url, [{ warehouse: 'Default', ...fields, inventory: 1 }]);
    expect(statuses(result)).toEqual(['fail']);
    expect(result.json.inventory_log[0]?.message).toContain('case-sensitive');
  });

  test('unknown UPC fails with the value', async () => {
    const result = await push(url, [{ warehouse: 'Default', upc: '012345678912', inventory: 1 }]);
    expect(statuses(result)).toEqual(['fail']);
    expect(result.json.inventory_log[0]?.message).toBe(
      'Line 1: upc "012345678912" matches no SKU of the account',
    );
  });

  test('incomplete style tuple names the missing fields', async () => {
    const result = await push(url, [
      { warehouse: 'Default', style_number: 'SS25-TEE', size: 'S', inventory: 1 },
    ]);
    expect(result.json.inventory_log[0]?.message).toBe(
      'Line 1: style identification is missing style_identifier, color_code',
    );
  });

  test('line without identification fails', async () => {
    const result = await push(url, [{ warehouse: 'Default', inventory: 1 }]);
    expect(statuses(result)).toEqual(['fail']);
    expect(result.json.inventory_log[0]?.message).toContain('no SKU identification');
  });

  test('non-object line fails alone', async () => {
    const result = await push(url, ['oops', { warehouse: 'Default', upc: UPC.teeS, inventory: 1 }]);
    expect(statuses(result)).toEqual(['fail', 'pass']);
  });
});

describe('upcMatch switch', () => {
  const gtinForms = ['0012345678905', '00012345678905'];

  test.each(gtinForms)('exact rejects %s', async (upc) => {
    const result = await push(url, [{ warehouse: 'Default', upc, inventory: 2 }]);
    expect(statuses(result)).toEqual(['fail']);
  });

  test.each(gtinForms)('gtin matches %s', async (upc) => {
    await setSwitches({ upcMatch: 'gtin' });
    const result = await push(url, [{ warehouse: 'Default', upc, inventory: 2 }]);
    expect(statuses(result)).toEqual(['pass']);
    expect(result.json.inventory_log[0]?.sku).toBe(upc);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(2);
  });

  test('gtin matches an EAN-13 stored SKU by 14 digits', async () => {
    await setSwitches({ upcMatch: 'gtin' });
    const result = await push(url, [{ warehouse: 'Default', upc: `0${UPC.kidsEan13}`, inventory: 2 }]);
    expect(statuses(result)).toEqual(['pass']);
  });

  test('gtin does not match a number that lost its zero', async () => {
    await setSwitches({ upcMatch: 'gtin' });
    const result = await push(url, [{ warehouse: 'Default', upc: 12345678905, inventory: 2 }]);
    expect(statuses(result)).toEqual(['fail']);
  });
});

describe('styleIdentifierKey switch', () => {
  const correct = { warehouse: 'Default', ...teeStyle, inventory: 3 };
  const { style_identifier, ...withoutIdentifier } = correct;
  const misspelled = { ...withoutIdentifier, style_identifer: style_identifier };

  test.each([
    ['both', 'style_identifier', correct, 'pass'],
    ['both', 'style_identifer', misspelled, 'pass'],
    ['style_identifier', 'style_identifier', correct, 'pass'],
    ['style_identifier', 'style_identifer', misspelled, 'fail'],
    ['style_identifer', 'style_identifier', correct, 'fail'],
    ['style_identifer', 'style_identifer', misspelled, 'pass'],
  ] as const)('server reading %s, line sending %s: %s', async (key, _sentKey, line, expected) => {
    await setSwitches({ styleIdentifierKey: key });
    const result = await push(url, [line]);
    expect(statuses(result)).toEqual([expected]);
  });

  test('style_identifer-only server names its key when missing', async () => {
    await setSwitches({ styleIdentifierKey: 'style_identifer' });
    const result = await push(url, [correct]);
    expect(result.json.inventory_log[0]?.message).toContain('missing style_identifer');
  });
});

describe('warehouses', () => {
  test('missing warehouse goes to Default', async () => {
    await push(url, [{ upc: UPC.teeS, inventory: 8 }]);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Default')).toBe(8);
  });

  test('missingWarehouse fail rejects the line', async () => {
    await setSwitches({ missingWarehouse: 'fail' });
    const result = await push(url, [{ upc: UPC.teeS, inventory: 8 }]);
    expect(statuses(result)).toEqual(['fail']);
    expect(result.json.inventory_log[0]?.message).toBe('Line 1: warehouse is missing');
  });

  test('future warehouse is stored separately', async () => {
    await push(url, [{ warehouse: 'Fall Future', upc: UPC.teeS, inventory: 30 }]);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Fall Future')).toBe(30);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Default')).toBeUndefined();
  });

  test('unknownWarehouse fail rejects the line', async () => {
    const result = await push(url, [{ warehouse: 'Mian', upc: UPC.teeS, inventory: 8 }]);
    expect(statuses(result)).toEqual(['fail']);
    expect(result.json.inventory_log[0]?.message).toBe(
      'Line 1: warehouse "Mian" is not configured for the account',
    );
  });

  test('unknownWarehouse drop passes and stores nothing', async () => {
    await setSwitches({ unknownWarehouse: 'drop' });
    const result = await push(url, [{ warehouse: 'Mian', upc: UPC.teeS, inventory: 8 }]);
    expect(statuses(result)).toEqual(['pass']);
    expect((await emulator.control.positions()).positions.some((p) => p.upc === UPC.teeS)).toBe(false);
  });

  test('unknownWarehouse phantom stores under the sent name', async () => {
    await setSwitches({ unknownWarehouse: 'phantom' });
    const result = await push(url, [{ warehouse: 'Mian', upc: UPC.teeS, inventory: 8 }]);
    expect(statuses(result)).toEqual(['pass']);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Mian')).toBe(8);
    expect((await emulator.control.positions()).phantomWarehouses).toEqual(['Mian']);
  });

  test('exact_name rejects another case', async () => {
    const result = await push(url, [{ warehouse: 'fall future', upc: UPC.teeS, inventory: 8 }]);
    expect(statuses(result)).toEqual(['fail']);
  });

  test('case_insensitive stores under the configured name', async () => {
    await setSwitches({ warehouseMatch: 'case_insensitive' });
    await push(url, [{ warehouse: 'fall future', upc: UPC.teeS, inventory: 8 }]);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Fall Future')).toBe(8);
  });

  test('exact_name rejects a warehouse code', async () => {
    const result = await push(url, [{ warehouse: 'FF', upc: UPC.teeS, inventory: 8 }]);
    expect(statuses(result)).toEqual(['fail']);
  });

  test('name_or_code resolves a warehouse code', async () => {
    await setSwitches({ warehouseMatch: 'name_or_code' });
    await push(url, [{ warehouse: 'FF', upc: UPC.teeS, inventory: 8 }]);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Fall Future')).toBe(8);
  });
});

describe('dates', () => {
  test('YYYY-MM-DD is stored as a dated position', async () => {
    await push(url, [
      { warehouse: 'Fall Future', upc: UPC.teeS, inventory: 20, inventory_date: '2025-09-01' },
    ]);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Fall Future', '2025-09-01')).toBe(20);
  });

  test('MM-DD-YYYY is normalised', async () => {
    await push(url, [
      { warehouse: 'Fall Future', upc: UPC.teeS, inventory: 21, inventory_date: '09-01-2025' },
    ]);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Fall Future', '2025-09-01')).toBe(21);
  });

  test('dated and immediate positions are separate', async () => {
    await push(url, [
      { warehouse: 'Default', upc: UPC.teeS, inventory: 1 },
      { warehouse: 'Default', upc: UPC.teeS, inventory: 2, inventory_date: '2025-10-01' },
    ]);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(1);
    expect(await quantityOf(emulator.control, UPC.teeS, 'Default', '2025-10-01')).toBe(2);
  });

  test.each(['2025/09/01', '01.09.2025', '2025-02-30', '13-01-2025', '2025-9-1', '45900'])(
    '%s fails the line',
    async (date) => {
      const result = await push(url, [
        { warehouse: 'Default', upc: UPC.teeS, inventory: 1, inventory_date: date },
      ]);
      expect(statuses(result)).toEqual(['fail']);
      expect(result.json.inventory_log[0]?.message).toContain('not a date in YYYY-MM-DD or MM-DD-YYYY form');
    },
  );
});

describe('inventory values', () => {
  test.each([1.5, '7.0', 'ten', true, null])('%p fails the line', async (inventory) => {
    const result = await push(url, [{ warehouse: 'Default', upc: UPC.teeS, inventory }]);
    expect(statuses(result)).toEqual(['fail']);
  });

  test('integer text is accepted', async () => {
    await push(url, [{ warehouse: 'Default', upc: UPC.teeS, inventory: '12' }]);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(12);
  });

  test('zero marks sold out', async () => {
    await push(url, [{ warehouse: 'Default', upc: UPC.teeM, inventory: 0 }]);
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(0);
  });

  test('negativeInventory fail rejects the line', async () => {
    const result = await push(url, [{ warehouse: 'Default', upc: UPC.teeS, inventory: -2 }]);
    expect(statuses(result)).toEqual(['fail']);
    expect(result.json.inventory_log[0]?.message).toBe('Line 1: inventory -2 is negative');
  });

  test('negativeInventory accept stores it', async () => {
    await setSwitches({ negativeInventory: 'accept' });
    await push(url, [{ warehouse: 'Default', upc: UPC.teeS, inventory: -2 }]);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(-2);
  });
});

describe('made_to_order', () => {
  test('true clears every position and flags the SKU', async () => {
    await push(url, [{ warehouse: 'Fall Future', upc: UPC.teeL, inventory: 0, made_to_order: true }]);
    const { positions, madeToOrder } = await emulator.control.positions();
    expect(positions.some((p) => p.upc === UPC.teeL)).toBe(false);
    expect(madeToOrder.map((sku) => sku.upc)).toEqual([UPC.teeL]);
  });

  test('inventory optional by default', async () => {
    const result = await push(url, [{ upc: UPC.teeM, made_to_order: true }]);
    expect(statuses(result)).toEqual(['pass']);
  });

  test('mtoRequiresInventory fails a line without inventory', async () => {
    await setSwitches({ mtoRequiresInventory: true });
    const result = await push(url, [{ upc: UPC.teeM, made_to_order: true }]);
    expect(statuses(result)).toEqual(['fail']);
    expect(result.json.inventory_log[0]?.message).toContain('required even with made_to_order=true');
  });

  test('false unflags by default', async () => {
    await push(url, [{ upc: UPC.teeM, inventory: 0, made_to_order: true }]);
    await push(url, [{ upc: UPC.teeM, inventory: 5, made_to_order: false }]);
    const { madeToOrder } = await emulator.control.positions();
    expect(madeToOrder).toEqual([]);
    expect(await quantityOf(emulator.control, UPC.teeM)).toBe(5);
  });

  test('mtoFalseUnflags false keeps the flag', async () => {
    await setSwitches({ mtoFalseUnflags: false });
    await push(url, [{ upc: UPC.teeM, inventory: 0, made_to_order: true }]);
    await push(url, [{ upc: UPC.teeM, inventory: 5, made_to_order: false }]);
    const { madeToOrder } = await emulator.control.positions();
    expect(madeToOrder.map((sku) => sku.upc)).toEqual([UPC.teeM]);
  });

  test('invalid flag fails the line', async () => {
    const result = await push(url, [{ upc: UPC.teeM, inventory: 1, made_to_order: 'yes' }]);
    expect(statuses(result)).toEqual(['fail']);
  });
});

describe('dec_pending', () => {
  const line = { warehouse: 'Default', upc: UPC.teeS, inventory: 10 };

  test('off stores the quantity sent', async () => {
    await push(url, [line]);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(10);
  });

  test('pending per warehouse is deducted', async () => {
    await push(url, [line], { query: 'dec_pending=1' });
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(7);
  });

  test('pending_and_notes also deducts notes orders', async () => {
    await setSwitches({ pendingStatuses: 'pending_and_notes' });
    await push(url, [line], { query: 'dec_pending=1' });
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(5);
  });

  test('global scope deducts orders of every warehouse', async () => {
    await setSwitches({ pendingScope: 'global' });
    await push(url, [line], { query: 'dec_pending=1' });
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(3);
  });

  test('floor at zero by default', async () => {
    await push(url, [{ ...line, inventory: 1 }], { query: 'dec_pending=1' });
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(0);
  });

  test('atsFloorAtZero false stores negative ATS', async () => {
    await setSwitches({ atsFloorAtZero: false });
    await push(url, [{ ...line, inventory: 1 }], { query: 'dec_pending=1' });
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(-2);
  });

  test('dated positions untouched by default', async () => {
    await push(url, [{ ...line, inventory_date: '2025-09-01' }], { query: 'dec_pending=1' });
    expect(await quantityOf(emulator.control, UPC.teeS, 'Default', '2025-09-01')).toBe(10);
  });

  test('decPendingOnDated deducts on dated positions', async () => {
    await setSwitches({ decPendingOnDated: true });
    await push(url, [{ ...line, inventory_date: '2025-09-01' }], { query: 'dec_pending=1' });
    expect(await quantityOf(emulator.control, UPC.teeS, 'Default', '2025-09-01')).toBe(7);
  });

  test('SKU without pending orders is unchanged', async () => {
    await push(url, [{ ...line, upc: UPC.teeL }], { query: 'dec_pending=1' });
    expect(await quantityOf(emulator.control, UPC.teeL)).toBe(10);
  });
});

describe('duplicate lines', () => {
  const lines = [
    { warehouse: 'Default', upc: UPC.teeS, inventory: 4 },
    { warehouse: 'Default', ...teeStyle, inventory: 6 },
  ];

  test('last_wins stores the later quantity', async () => {
    const result = await push(url, lines);
    expect(statuses(result)).toEqual(['pass', 'pass']);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(6);
  });

  test('sum stores the total', async () => {
    await setSwitches({ duplicateLines: 'sum' });
    const result = await push(url, lines);
    expect(statuses(result)).toEqual(['pass', 'pass']);
    expect(await quantityOf(emulator.control, UPC.teeS)).toBe(10);
  });

  test('fail rejects every repeated line', async () => {
    await setSwitches({ duplicateLines: 'fail' });
    const result = await push(url, [...lines, { warehouse: 'Default', upc: UPC.teeL, inventory: 1 }]);
    expect(statuses(result)).toEqual(['fail', 'fail', 'pass']);
    expect(result.json.inventory_log[0]?.message).toBe(
      'Line 1: lines 1, 2 repeat the same SKU, warehouse and date',
    );
    expect(await quantityOf(emulator.control, UPC.teeS)).toBeUndefined();
  });

  test('different dates are not duplicates', async () => {
    await setSwitches({ duplicateLines: 'fail' });
    const result = await push(url, [lines[0], { ...lines[1], inventory_date: '2025-09-01' }]);
    expect(statuses(result)).toEqual(['pass', 'pass']);
  });
});

describe('response switches', () => {
  test('upc_or_joined formats each identification mode', async () => {
    const result = await push(url, [
      { upc: UPC.teeS, inventory: 1 },
      { ...teeStyle, inventory: 1 },
      { ...teeIds, inventory: 1 },
    ]);
    expect(result.json.inventory_log.map((line) => line.sku)).toEqual([
      UPC.teeS,
      'SS25-TEE-010-S',
      '700111-880222-SR1-01',
    ]);
  });

  test('template skuFormat fills from the line, then the catalogue', async () => {
    await setSwitches({ skuFormat: '{style_number}/{color_code}/{size}/{upc}' });
    const result = await push(url, [{ upc: UPC.teeS, inventory: 1 }]);
    expect(result.json.inventory_log[0]?.sku).toBe(`SS25-TEE/010/S/${UPC.teeS}`);
  });

  test('lineMessage off omits messages', async () => {
    await setSwitches({ lineMessage: 'off' });
    const result = await push(url, [{ upc: '000000000000', inventory: 1 }]);
    expect(result.json.inventory_log[0]).not.toHaveProperty('message');
  });

  test('lineMessage on explains failures only', async () => {
    const result = await push(url, [
      { upc: '000000000000', inventory: 1 },
      { upc: UPC.teeS, inventory: 1 },
    ]);
    expect(result.json.inventory_log[0]?.message).toContain('matches no SKU');
    expect(result.json.inventory_log[1]).not.toHaveProperty('message');
  });

  test('logOrder request keeps order', async () => {
    const upcs = [UPC.teeS, UPC.teeM, UPC.teeL, UPC.capM, UPC.kidsEan13];
    const result = await push(
      url,
      upcs.map((upc) => ({ upc, inventory: 1 })),
    );
    expect(result.json.inventory_log.map((line) => line.sku)).toEqual(upcs);
  });

  test('logOrder shuffled changes order, not content', async () => {
    await setSwitches({ logOrder: 'shuffled' });
    const upcs = [UPC.teeS, UPC.teeM, UPC.teeL, UPC.capM, UPC.kidsEan13];
    const result = await push(
      url,
      upcs.map((upc) => ({ upc, inventory: 1 })),
    );
    const skus = result.json.inventory_log.map((line) => line.sku);
    expect(skus).not.toEqual(upcs);
    expect([...skus].sort()).toEqual([...upcs].sort());
  });

  test('allFailStatus default keeps 200', async () => {
    const result = await push(url, [{ upc: '000000000000', inventory: 1 }]);
    expect(result.status).toBe(200);
  });

  test('allFailStatus applies when every line fails', async () => {
    await setSwitches({ allFailStatus: 422 });
    const allFail = await push(url, [{ upc: '000000000000', inventory: 1 }]);
    const partial = await push(url, [
      { upc: '000000000000', inventory: 1 },
      { upc: UPC.teeS, inventory: 1 },
    ]);
    expect(allFail.status).toBe(422);
    expect(allFail.json.inventory_log).toHaveLength(1);
    expect(partial.status).toBe(200);
  });

  test('fanOut multiplies pass lines and sku_count', async () => {
    await setSwitches({ fanOut: 3 });
    const result = await push(url, [
      { upc: UPC.teeS, inventory: 1 },
      { upc: '000000000000', inventory: 1 },
    ]);
    expect(result.json.sku_count).toBe(3);
    expect(statuses(result)).toEqual(['pass', 'pass', 'pass', 'fail']);
    expect(new Set(result.json.inventory_log.map((line) => line.inventory_log_id)).size).toBe(4);
  });

  test('sku_count counts pass lines only', async () => {
    const result = await push(url, [
      { upc: UPC.teeS, inventory: 1 },
      { upc: '000000000000', inventory: 1 },
    ]);
    expect(result.json.sku_count).toBe(1);
  });

  test('maxLinesPerRequest rejects larger requests with 413', async () => {
    await setSwitches({ maxLinesPerRequest: 2 });
    const lines = [UPC.teeS, UPC.teeM, UPC.teeL].map((upc) => ({ upc, inventory: 1 }));
    const rejected = await push(url, lines);
    const accepted = await push(url, lines.slice(0, 2));
    expect(rejected.status).toBe(413);
    expect(rejected.text).toContain('has 3 inventory_item lines; at most 2');
    expect(await quantityOf(emulator.control, UPC.teeL)).toBeUndefined();
    expect(accepted.status).toBe(200);
  });

  test('responseDelayMs delays the answer', async () => {
    await setSwitches({ responseDelayMs: 150 });
    const started = Date.now();
    await push(url, [{ upc: UPC.teeS, inventory: 1 }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  test('virtual-clock client is told the delay', async () => {
    await setSwitches({ responseDelayMs: 60_000 });
    const clock = String((await emulator.control.health()).nowMs + 1000);
    const started = Date.now();
    const result = await push(url, [{ upc: UPC.teeS, inventory: 1 }], {
      headers: { 'X-Emulator-Clock': clock },
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.headers.get('x-emulator-delay-ms')).toBe('60000');
    expect(statuses(result)).toEqual(['pass']);
  });
});
