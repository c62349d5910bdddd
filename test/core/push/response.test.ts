import type { HttpResponse } from '../../../src/core/ports';
import { EXCERPT_MAX_CHARS, makeExcerpt, parseBulkResponse } from '../../../src/core/push/response';

const json = (body: string, status = 200): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
});
const xml = (body: string, status = 200): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/xml' },
  body,
});

const BAD_GATEWAY_PAGE =
  '<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head><body><h1>502 Bad Gateway</h1><script>var x=1;</script><p>nginx</p></body></html>';

describe('parseBulkResponse', () => {
  it('reads a bare JSON response', () => {
    const parsed = parseBulkResponse(
      json(
        '{"sku_count":2,"inventory_log":[{"sku":"012345678905","inventory_log_id":"a1","status":"pass"},{"sku":"SS25-TEE-010-M","inventory_log_id":"a2","status":"fail"}]}',
      ),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.skuCount).toBe(2);
    expect(parsed.lines).toEqual([
      { sku: '012345678905', status: 'pass', rawStatus: 'pass', logId: 'a1' },
      { sku: 'SS25-TEE-010-M', status: 'fail', rawStatus: 'fail', logId: 'a2' },
    ]);
  });

  it('reads a response.code envelope with code 0', () => {
    const parsed = parseBulkResponse(
      json(
        '{"inventory":{"response":{"code":0},"sku_count":"1","inventory_log":{"sku":"A","status":"Pass"}}}',
      ),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.skuCount).toBe(1);
    expect(parsed.lines[0]?.status).toBe('pass');
  });

  it('treats a non-zero response.code as an error body', () => {
    const parsed = parseBulkResponse(
      json('{"inventory":{"response":{"code":3,"comment":"Invalid payload"}}}'),
    );
    expect(parsed).toEqual({ ok: false, kind: 'error_body', status: 200, excerpt: expect.any(String) });
  });

  it('treats a 200 carrying only an error as an error body', () => {
    const parsed = parseBulkResponse(json('{"status":"error","message":"Invalid inventory_items"}'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.kind).toBe('error_body');
    expect(parsed.excerpt).toContain('Invalid inventory_items');
  });

  it('treats a 200 without results as malformed', () => {
    const parsed = parseBulkResponse(json('{"hello":"world"}'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.kind).toBe('malformed');
  });

  it('treats invalid JSON as malformed', () => {
    const parsed = parseBulkResponse(json('{"sku_count": 2, "inventory_log": ['));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.kind).toBe('malformed');
  });

  it('never parses an HTML page sent with status 200', () => {
    const parsed = parseBulkResponse({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: BAD_GATEWAY_PAGE,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.kind).toBe('html_page');
  });

  it('detects an HTML page without a content type', () => {
    const parsed = parseBulkResponse({
      status: 200,
      headers: {},
      body: `<!DOCTYPE html>${BAD_GATEWAY_PAGE}`,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.kind).toBe('html_page');
  });

  it('reports a 502 HTML page with a clean excerpt', () => {
    const parsed = parseBulkResponse({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: BAD_GATEWAY_PAGE,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.kind).toBe('html_page');
    expect(parsed.status).toBe(502);
    expect(parsed.excerpt).toBe('502 Bad Gateway 502 Bad Gateway nginx');
  });

  it('reports a plain-text 500 as an HTTP status error', () => {
    const parsed = parseBulkResponse({
      status: 500,
      headers: { 'content-type': 'text/plain' },
      body: 'Internal error',
    });
    expect(parsed).toEqual({ ok: false, kind: 'http_status', status: 500, excerpt: 'Internal error' });
  });

  it('reads XML with values kept as strings', () => {
    const parsed = parseBulkResponse(
      xml(
        '<?xml version="1.0"?><inventory><sku_count>1</sku_count><inventory_log><sku>012345678905</sku><inventory_log_id>u1</inventory_log_id><status>pass</status></inventory_log></inventory>',
      ),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lines).toEqual([{ sku: '012345678905', status: 'pass', rawStatus: 'pass', logId: 'u1' }]);
  });

  it('keeps an exponent-like SKU as text in XML', () => {
    const parsed = parseBulkResponse(
      xml('<r><inventory_log><sku>12E4</sku><status>pass</status></inventory_log></r>'),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lines[0]?.sku).toBe('12E4');
  });

  it.each([
    [
      'a renamed log element',
      '<result><log_entry><sku>A</sku><status>fail</status></log_entry><log_entry><sku>B</sku><status>pass</status></log_entry></result>',
    ],
    [
      'a wrapper around log lines',
      '<response><code>0</code><inventory_logs><inventory_log><sku>A</sku><status>fail</status></inventory_log><inventory_log><sku>B</sku><status>pass</status></inventory_log></inventory_logs></response>',
    ],
  ])('reads XML with %s', (_name, body) => {
    const parsed = parseBulkResponse(xml(body));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lines.map((line) => `${line.sku}:${line.status}`)).toEqual(['A:fail', 'B:pass']);
  });

  it('treats a non-zero XML response code as an error body', () => {
    const parsed = parseBulkResponse(
      xml('<inventory><response><code>5</code><comment>Bad</comment></response></inventory>'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.kind).toBe('error_body');
  });

  it('treats broken XML as malformed', () => {
    const parsed = parseBulkResponse(xml('<inventory><sku_count>1</inventory>'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.kind).toBe('malformed');
  });

  it('reads a per-line message when present', () => {
    const parsed = parseBulkResponse(
      json('{"inventory_log":[{"sku":"A","status":"fail","message":"unknown warehouse"}]}'),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lines[0]?.message).toBe('unknown warehouse');
  });

  it('excerpts the message of a JSON error object', () => {
    const parsed = parseBulkResponse(
      json('{"error":{"code":"INVALID_BODY","message":"inventory_items is missing"}}', 400),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.excerpt).toBe('inventory_items is missing');
  });

  it('excerpts the comment of a response.code envelope', () => {
    const parsed = parseBulkResponse(
      json('{"inventory":{"response":{"code":3,"comment":"Invalid payload"}}}'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.excerpt).toBe('Invalid payload');
  });

  it('masks the token in an excerpt', () => {
    const parsed = parseBulkResponse(
      { status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized: secret-token' },
      ['secret-token'],
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.excerpt).toBe('Unauthorized: [redacted]');
  });
});

describe('makeExcerpt', () => {
  it('caps the excerpt length', () => {
    const excerpt = makeExcerpt(`<p>${'word '.repeat(100)}</p>`);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('masks an echoed authorization value', () => {
    expect(makeExcerpt('Header was Authorization: OAuth2 dG9rZW4=')).toBe(
      'Header was Authorization: OAuth2 [redacted]',
    );
  });

  it('decodes entities after removing tags', () => {
    expect(makeExcerpt('<b>A &amp; B &#38; &lt;C&gt;</b>')).toBe('A & B & <C>');
  });
});
