import { XMLParser } from 'fast-xml-parser';
import { PushError } from '../../../src/core/push/errors';
import {
  buildBulkRequest,
  countUtf8Bytes,
  normalizeToken,
  type RequestTarget,
  serializeItems,
  toWireItem,
  URLFETCH_MAX_PAYLOAD_BYTES,
} from '../../../src/core/push/payload';
import type { InventoryItem } from '../../../src/shared/types';
import { encodeBase64 } from './fakes';

const target: RequestTarget = {
  baseUrl: 'https://apisandbox.jooraccess.com/v2',
  token: 'tok-123',
  format: 'json',
  decPending: false,
  styleIdentifierKey: 'both',
};

const upcLine: InventoryItem = { warehouse: 'Default', upc: '012345678905', inventory: 14 };
const styleLine: InventoryItem = {
  warehouse: 'Fall & <Future>',
  inventory_date: '2025-09-01',
  style_number: '00123',
  style_identifier: 'ST-00123',
  color_code: '010',
  size: 'M',
  inventory: 0,
  made_to_order: false,
};
const idLine: InventoryItem = { style_id: 700111, style_color_id: 880222, size_code: 'SR1-04', inventory: 3 };

describe('normalizeToken', () => {
  it('trims surrounding whitespace', () => {
    expect(normalizeToken('  abc\n')).toBe('abc');
  });

  it.each([
    ['inner space', 'ab c'],
    ['inner line break', 'ab\nc'],
    ['inner tab', 'ab\tc'],
  ])('rejects a token with an %s', (_name, raw) => {
    expect(() => normalizeToken(raw)).toThrow(PushError);
    try {
      normalizeToken(raw);
    } catch (error) {
      expect((error as PushError).code).toBe('TOKEN_HAS_WHITESPACE');
    }
  });

  it('rejects an empty token', () => {
    try {
      normalizeToken('   ');
      throw new Error('expected a PushError');
    } catch (error) {
      expect((error as PushError).code).toBe('TOKEN_MISSING');
    }
  });
});

describe('buildBulkRequest', () => {
  it('encodes the token once in the OAuth2 header', () => {
    const request = buildBulkRequest(
      [upcLine],
      { ...target, token: ' tok-123 ' },
      { overwrite: false },
      encodeBase64,
    );
    expect(request.headers.Authorization).toBe(`OAuth2 ${encodeBase64('tok-123')}`);
  });

  it('calls the encoder exactly once', () => {
    const encoder = jest.fn(encodeBase64);
    buildBulkRequest([upcLine], target, { overwrite: false }, encoder);
    expect(encoder).toHaveBeenCalledTimes(1);
  });

  it('posts to bulk-inventory without flags by default', () => {
    const request = buildBulkRequest([upcLine], target, { overwrite: false }, encodeBase64);
    expect(request.url).toBe('https://apisandbox.jooraccess.com/v2/bulk-inventory');
    expect(request.method).toBe('post');
  });

  it.each([
    [true, false, '?overwrite=1'],
    [false, true, '?dec_pending=1'],
    [true, true, '?overwrite=1&dec_pending=1'],
  ])('adds query flags overwrite=%s dec_pending=%s', (overwrite, decPending, query) => {
    const request = buildBulkRequest([upcLine], { ...target, decPending }, { overwrite }, encodeBase64);
    expect(request.url).toBe(`https://apisandbox.jooraccess.com/v2/bulk-inventory${query}`);
  });

  it('strips a trailing slash from the base URL', () => {
    const request = buildBulkRequest(
      [upcLine],
      { ...target, baseUrl: 'https://x.test/v2/' },
      { overwrite: false },
      encodeBase64,
    );
    expect(request.url).toBe('https://x.test/v2/bulk-inventory');
  });

  it.each([
    ['json', 'application/json'],
    ['xml', 'application/xml'],
  ] as const)('sets %s content type and accept headers', (format, mime) => {
    const request = buildBulkRequest([upcLine], { ...target, format }, { overwrite: false }, encodeBase64);
    expect(request.contentType).toBe(mime);
    expect(request.headers['Content-Type']).toBe(mime);
    expect(request.headers.Accept).toBe(mime);
  });

  it('rejects a payload above the UrlFetch limit', () => {
    const big: InventoryItem = { warehouse: 'W'.repeat(1024 * 1024), upc: '012345678905', inventory: 1 };
    const items = Array.from({ length: 51 }, () => big);
    try {
      buildBulkRequest(items, target, { overwrite: false }, encodeBase64);
      throw new Error('expected a PushError');
    } catch (error) {
      expect((error as PushError).code).toBe('PAYLOAD_TOO_LARGE');
      expect((error as PushError).context.lines).toBe(51);
    }
  });
});

describe('toWireItem', () => {
  it.each([
    ['both', ['style_identifier', 'style_identifer']],
    ['style_identifier', ['style_identifier']],
    ['style_identifer', ['style_identifer']],
  ] as const)('sends the identifier under %s', (key, expected) => {
    const wire = toWireItem(styleLine, key);
    const keys = Object.keys(wire).filter((name) => name.startsWith('style_ident'));
    expect(keys).toEqual(expected);
    for (const name of expected) {
      expect(wire[name]).toBe('ST-00123');
    }
  });

  it('omits absent fields', () => {
    expect(toWireItem(upcLine, 'both')).toEqual({ warehouse: 'Default', upc: '012345678905', inventory: 14 });
  });

  it('keeps JOOR ids as integers', () => {
    const wire = toWireItem(idLine, 'both');
    expect(wire.style_id).toBe(700111);
    expect(wire.style_color_id).toBe(880222);
  });
});

describe('serializeItems', () => {
  it('wraps JSON lines in inventory_items.inventory_item', () => {
    const parsed = JSON.parse(serializeItems([upcLine, idLine], 'json', 'both'));
    expect(parsed.inventory_items.inventory_item).toHaveLength(2);
    expect(parsed.inventory_items.inventory_item[0].upc).toBe('012345678905');
    expect(parsed.inventory_items.inventory_item[1].size_code).toBe('SR1-04');
  });

  it('keeps a single JSON line inside an array', () => {
    const parsed = JSON.parse(serializeItems([upcLine], 'json', 'both'));
    expect(Array.isArray(parsed.inventory_items.inventory_item)).toBe(true);
  });

  it('round-trips XML with escaped text and leading zeros', () => {
    const xml = serializeItems([styleLine, upcLine], 'xml', 'style_identifer');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><inventory_items><inventory_item>')).toBe(
      true,
    );
    expect(xml).toContain('<warehouse>Fall &amp; &lt;Future&gt;</warehouse>');

    const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'inventory_item' });
    const parsed = parser.parse(xml);
    const lines = parsed.inventory_items.inventory_item;
    expect(lines[0].warehouse).toBe('Fall & <Future>');
    expect(lines[0].style_number).toBe('00123');
    expect(lines[0].style_identifer).toBe('ST-00123');
    expect(lines[0].made_to_order).toBe('false');
    expect(lines[1].upc).toBe('012345678905');
    expect(lines[1].inventory).toBe('14');
  });
});

describe('countUtf8Bytes', () => {
  it.each([
    ['ascii', 'abc', 3],
    ['two-byte', 'é', 2],
    ['three-byte', '€', 3],
    ['surrogate pair', '😀', 4],
  ])('counts %s characters', (_name, text, bytes) => {
    expect(countUtf8Bytes(text)).toBe(bytes);
    expect(countUtf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('states the UrlFetch limit as 50 MB', () => {
    expect(URLFETCH_MAX_PAYLOAD_BYTES).toBe(52_428_800);
  });
});
