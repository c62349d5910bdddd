import { XMLParser } from 'fast-xml-parser';
import {
  AUTH,
  createTestSeed,
  push,
  pushRaw,
  resetEmulator,
  startTestEmulator,
  type TestEmulator,
  TOKEN,
  UPC,
} from './helpers';

let emulator: TestEmulator;
let url: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.server.url;
});
afterAll(() => emulator.server.close());
beforeEach(() => resetEmulator(emulator.control));

const item = { warehouse: 'Default', upc: UPC.teeS, inventory: 5 };
const xmlParser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => name === 'inventory_log' || name === 'log_line',
});

describe('authentication', () => {
  test('accepts OAuth2 with the Base64 token', async () => {
    const result = await push(url, [item]);
    expect(result.status).toBe(200);
  });

  test.each([
    ['missing header', null],
    ['Bearer scheme', `Bearer ${Buffer.from(TOKEN).toString('base64')}`],
    ['raw token', `OAuth2 ${TOKEN}`],
    [
      'Base64 applied twice',
      `OAuth2 ${Buffer.from(Buffer.from(TOKEN).toString('base64')).toString('base64')}`,
    ],
    ['wrong token', `OAuth2 ${Buffer.from('other-token').toString('base64')}`],
  ])('rejects %s with 401', async (_case, authorization) => {
    const result = await push(url, [item], { authorization });
    expect(result.status).toBe(401);
    expect(result.text).not.toContain(TOKEN);
    const { positions } = await emulator.control.positions();
    expect(positions.some((position) => position.upc === UPC.teeS)).toBe(false);
  });

  test('unauthorizedStatus switch changes the status', async () => {
    await emulator.control.setSwitches({ unauthorizedStatus: 403 });
    const result = await push(url, [item], { authorization: 'Bearer x' });
    expect(result.status).toBe(403);
  });

  test('401 still names the throttling account', async () => {
    const result = await push(url, [item], { authorization: null });
    expect(result.headers.get('x-throttling-account-id')).toBe('4821');
  });
});

describe('content type', () => {
  test('missing Content-Type gets 400 and changes nothing', async () => {
    const result = await push(url, [item], { contentType: null });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: 'UNSUPPORTED_CONTENT_TYPE' } });
    expect((await emulator.control.positions()).positions.some((p) => p.upc === UPC.teeS)).toBe(false);
  });

  test('text/plain gets 400', async () => {
    const result = await push(url, [item], { contentType: 'text/plain' });
    expect(result.status).toBe(400);
  });

  test('missingContentTypeStatus switch changes the status', async () => {
    await emulator.control.setSwitches({ missingContentTypeStatus: 415 });
    const result = await push(url, [item], { contentType: null });
    expect(result.status).toBe(415);
  });

  test('charset parameter is accepted', async () => {
    const result = await push(url, [item], { contentType: 'application/json; charset=utf-8' });
    expect(result.status).toBe(200);
  });

  test('PUT behaves as POST', async () => {
    const result = await push(url, [item], { method: 'PUT' });
    expect(result.status).toBe(200);
    expect(result.json.sku_count).toBe(1);
  });
});

describe('JSON wrappers', () => {
  const shapes: [string, unknown][] = [
    ['nested list', { inventory_items: { inventory_item: [item] } }],
    ['nested single object', { inventory_items: { inventory_item: item } }],
    ['bare list', { inventory_items: [item] }],
  ];

  test.each(shapes)('all accepts the %s', async (_shape, body) => {
    const result = await pushRaw(url, JSON.stringify(body));
    expect(result.status).toBe(200);
    expect(result.json.sku_count).toBe(1);
  });

  test('nested_only accepts both nested shapes', async () => {
    await emulator.control.setSwitches({ jsonWrappers: 'nested_only' });
    const list = await pushRaw(url, JSON.stringify(shapes[0]?.[1]));
    const single = await pushRaw(url, JSON.stringify(shapes[1]?.[1]));
    expect(list.status).toBe(200);
    expect(single.status).toBe(200);
  });

  test('nested_only rejects the bare list', async () => {
    await emulator.control.setSwitches({ jsonWrappers: 'nested_only' });
    const result = await pushRaw(url, JSON.stringify(shapes[2]?.[1]));
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: 'INVALID_BODY' } });
  });

  test('invalid JSON gets 400 with the parser message', async () => {
    const result = await pushRaw(url, '{"inventory_items": [');
    expect(result.status).toBe(400);
    expect(result.text).toContain('not valid JSON');
  });

  test('body without inventory_items gets 400', async () => {
    const result = await pushRaw(url, JSON.stringify({ items: [item] }));
    expect(result.status).toBe(400);
  });
});

describe('XML', () => {
  const xmlBody = (lines: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<inventory_items>${lines}</inventory_items>`;

  test('single inventory_item keeps leading zeros and parses as a list', async () => {
    const body = xmlBody(
      `<inventory_item><warehouse>Default</warehouse><upc>${UPC.teeS}</upc><inventory>12</inventory></inventory_item>`,
    );
    const result = await pushRaw(url, body, { contentType: 'application/xml' });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toContain('application/xml');
    const parsed = xmlParser.parse(result.text);
    expect(parsed.bulk_inventory.sku_count).toBe('1');
    expect(parsed.bulk_inventory.inventory_log[0].sku).toBe(UPC.teeS);
    expect(parsed.bulk_inventory.inventory_log[0].status).toBe('pass');
  });

  test('exponent-like style numbers stay text', async () => {
    await emulator.control.seed({
      accountId: '1',
      token: TOKEN,
      warehouses: [],
      catalogue: [
        {
          style_id: 1,
          style_color_id: 2,
          style_number: '12E4',
          style_identifier: '12E4',
          color_code: '010',
          size: 'M',
          size_code: 'M',
        },
      ],
    });
    const line =
      '<style_number>12E4</style_number><style_identifier>12E4</style_identifier><color_code>010</color_code><size>M</size>';
    const result = await pushRaw(
      url,
      xmlBody(`<inventory_item>${line}<inventory>3</inventory></inventory_item>`),
      {
        contentType: 'application/xml',
      },
    );
    const parsed = xmlParser.parse(result.text);
    expect(parsed.bulk_inventory.inventory_log[0].status).toBe('pass');
    expect(parsed.bulk_inventory.inventory_log[0].sku).toBe('12E4-010-M');
    await emulator.control.seed(createTestSeed());
  });

  test('JOOR id lines and made_to_order text are read', async () => {
    const line =
      '<inventory_item><style_id>700111</style_id><style_color_id>880222</style_color_id><size_code>SR1-02</size_code>' +
      '<inventory>0</inventory><made_to_order>true</made_to_order></inventory_item>';
    await pushRaw(url, xmlBody(line), { contentType: 'application/xml' });
    const { madeToOrder } = await emulator.control.positions();
    expect(madeToOrder.map((sku) => sku.upc)).toEqual([UPC.teeM]);
  });

  test('malformed XML gets 400 with the line', async () => {
    const result = await pushRaw(url, '<inventory_items><inventory_item></inventory_items>', {
      contentType: 'application/xml',
    });
    expect(result.status).toBe(400);
    expect(result.text).toContain('not well-formed XML');
  });

  test.each([
    [
      'a DOCTYPE with an external entity',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:1/">]><inventory_items>&e;</inventory_items>',
      'DOCTYPE',
    ],
    ['deep nesting', `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`, 'deeper than'],
  ])('XML with %s gets 400', async (_label, body, message) => {
    const result = await pushRaw(url, body, { contentType: 'application/xml' });
    expect(result.status).toBe(400);
    expect(result.text).toContain(message);
  });

  test('xmlLogElement switch renames log elements', async () => {
    await emulator.control.setSwitches({ xmlLogElement: 'log_line' });
    const result = await push(url, [item], { accept: 'application/xml' });
    const parsed = xmlParser.parse(result.text);
    expect(parsed.bulk_inventory.log_line).toHaveLength(1);
    expect(parsed.bulk_inventory.inventory_log).toBeUndefined();
  });
});

describe('response format and envelope', () => {
  test('Accept application/xml answers a JSON request in XML', async () => {
    const result = await push(url, [item], { accept: 'application/xml' });
    expect(result.headers.get('content-type')).toContain('application/xml');
    expect(result.text).toContain('<sku_count>1</sku_count>');
  });

  test('return_format overrides Accept', async () => {
    const result = await push(url, [item], { accept: 'application/json', query: 'return_format=xml' });
    expect(result.text.startsWith('<?xml')).toBe(true);
  });

  test('bare envelope has top-level fields', async () => {
    const result = await push(url, [item]);
    expect(result.json.sku_count).toBe(1);
    expect(result.json.inventory_log[0]?.inventory_log_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  test('response_code envelope wraps in a root with code 0', async () => {
    await emulator.control.setSwitches({ responseEnvelope: 'response_code' });
    const result = await push(url, [item]);
    const body = JSON.parse(result.text);
    expect(body.bulk_inventory.response.code).toBe(0);
    expect(body.bulk_inventory.sku_count).toBe(1);
    expect(body.bulk_inventory.inventory_log).toHaveLength(1);
  });

  test('response_code envelope in XML carries the code', async () => {
    await emulator.control.setSwitches({ responseEnvelope: 'response_code' });
    const result = await push(url, [item], { accept: 'application/xml' });
    const parsed = xmlParser.parse(result.text);
    expect(parsed.bulk_inventory.response.code).toBe('0');
  });

  test('errors follow the negotiated format', async () => {
    const result = await push(url, [item], { authorization: null, accept: 'application/xml' });
    expect(result.text).toContain('<code>UNAUTHORIZED</code>');
  });

  test('unknown API route gets 404', async () => {
    const response = await fetch(`${url}/v2/nothing-here`, { headers: { Authorization: AUTH } });
    expect(response.status).toBe(404);
  });

  test('GET on the bulk route gets 405', async () => {
    const response = await fetch(`${url}/v2/bulk-inventory`, { headers: { Authorization: AUTH } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, PUT');
  });
});
