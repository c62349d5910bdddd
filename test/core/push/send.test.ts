import type { HttpResponse } from '../../../src/core/ports';
import { PushError } from '../../../src/core/push/errors';
import type { SentLine } from '../../../src/core/push/match';
import { createLedger, recordRequest, WINDOW_MARGIN_MS, WINDOW_MS } from '../../../src/core/push/rate';
import { type SendContext, sendBatch } from '../../../src/core/push/send';
import {
  encodeBase64,
  jsonResponse,
  logBody,
  ManualClock,
  type Reply,
  ScriptedHttp,
  seededRandom,
} from './fakes';

const T0 = Date.parse('2025-05-21T10:00:00Z');
const TOKEN = 'secret-token-123';

const batch: SentLine[] = [
  { row: 2, item: { warehouse: 'Default', upc: '012345678905', inventory: 14 } },
  { row: 3, item: { warehouse: 'Default', upc: '012345678912', inventory: 0 } },
];
const bothPass = () =>
  jsonResponse(
    logBody([
      ['012345678905', 'pass'],
      ['012345678912', 'pass'],
    ]),
  );
const html502: HttpResponse = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
};
const status = (code: number, body = '', headers: Record<string, string> = {}): HttpResponse => ({
  status: code,
  headers: { 'content-type': 'text/plain', ...headers },
  body,
});

function setup(replies: Reply[], overrides: Partial<SendContext> = {}) {
  const http = new ScriptedHttp(replies);
  const clock = new ManualClock(T0);
  const context: SendContext = {
    http,
    clock,
    encodeBase64,
    random: seededRandom(42),
    target: {
      baseUrl: 'https://apisandbox.jooraccess.com/v2',
      token: TOKEN,
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
  return { http, clock, context };
}

const statuses = (outcome: ReturnType<typeof sendBatch>) =>
  outcome.rows.map((row) => `${row.row}:${row.status}`);

describe('sendBatch success', () => {
  it('marks matched pass lines sent', () => {
    const { context } = setup([bothPass()]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:sent', '3:sent']);
    expect(outcome.requestsMade).toBe(1);
    expect(outcome.stop).toBeUndefined();
    expect(outcome.skuCount).toBe(2);
  });

  it('charges five credits to the ledger', () => {
    const { context } = setup([bothPass()]);
    const outcome = sendBatch(batch, context);
    expect(outcome.ledger.creditsUsed).toBe(5);
    expect(outcome.ledger.windowStartMs).toBe(T0);
  });

  it('maps out-of-order lines to their rows', () => {
    const { context } = setup([
      jsonResponse(
        logBody([
          ['012345678912', 'fail'],
          ['012345678905', 'pass'],
        ]),
      ),
    ]);
    expect(statuses(sendBatch(batch, context))).toEqual(['2:sent', '3:failed']);
  });

  it('sends and reads XML', () => {
    const xml: HttpResponse = {
      status: 200,
      headers: { 'content-type': 'application/xml' },
      body: '<inventory><sku_count>2</sku_count><inventory_log><sku>012345678905</sku><status>pass</status></inventory_log><inventory_log><sku>012345678912</sku><status>pass</status></inventory_log></inventory>',
    };
    const { http, context } = setup([xml], { target: { ...setup([]).context.target, format: 'xml' } });
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:sent', '3:sent']);
    expect(http.requests[0]?.payload?.startsWith('<?xml')).toBe(true);
  });

  it('sends nothing for an empty batch', () => {
    const { http, context } = setup([]);
    const outcome = sendBatch([], context);
    expect(outcome.requestsMade).toBe(0);
    expect(http.requests).toHaveLength(0);
  });
});

describe('sendBatch rate limits', () => {
  it('sleeps a fractional Retry-After and retries', () => {
    const { clock, context } = setup([status(429, '', { 'retry-after': '2.0' }), bothPass()]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:sent', '3:sent']);
    expect(clock.sleeps).toEqual([2000]);
    expect(outcome.requestsMade).toBe(2);
  });

  it('stops with a resume time when Retry-After passes the deadline', () => {
    const { http, context } = setup([status(429, '', { 'retry-after': '300' })], { deadlineMs: T0 + 60_000 });
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(1);
    expect(outcome.stop?.reason).toBe('rate_limited');
    expect(outcome.stop?.resumeAtMs).toBe(T0 + 300_000);
    expect(outcome.stop?.message).toBe('JOOR rate limit reached (HTTP 429); will resume at 10:05 UTC.');
    expect(statuses(outcome)).toEqual(['2:not_sent', '3:not_sent']);
  });

  it('uses the caller time format in the resume message', () => {
    const { context } = setup([status(429, '', { 'retry-after': '300' })], {
      deadlineMs: T0 + 60_000,
      formatTime: () => '12:05',
    });
    expect(sendBatch(batch, context).rows[0]?.message).toContain('will resume at 12:05.');
  });

  it('honours an HTTP-date Retry-After within the deadline', () => {
    const { clock, context } = setup(
      [status(429, '', { 'retry-after': 'Wed, 21 May 2025 10:05:00 GMT' }), bothPass()],
      {
        deadlineMs: T0 + 400_000,
      },
    );
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:sent', '3:sent']);
    expect(clock.sleeps).toEqual([300_000]);
  });

  it('stops on an HTTP-date Retry-After past the deadline', () => {
    const { context } = setup([status(429, '', { 'retry-after': 'Wed, 21 May 2025 10:05:00 GMT' })]);
    const outcome = sendBatch(batch, context);
    expect(outcome.stop?.reason).toBe('rate_limited');
    expect(outcome.stop?.resumeAtMs).toBe(T0 + 300_000);
  });

  it('backs off with seeded jitter when no header says when', () => {
    const first = setup([status(429), bothPass()]);
    const second = setup([status(429), bothPass()]);
    expect(statuses(sendBatch(batch, first.context))).toEqual(['2:sent', '3:sent']);
    sendBatch(batch, second.context);
    expect(first.clock.sleeps).toHaveLength(1);
    expect(first.clock.sleeps[0]).toBeGreaterThanOrEqual(250);
    expect(first.clock.sleeps[0]).toBeLessThanOrEqual(1000);
    expect(first.clock.sleeps).toEqual(second.clock.sleeps);
  });

  it('waits for window end after 429', () => {
    let ledger = createLedger();
    ledger = recordRequest(ledger, T0 - 100_000);
    const { clock, context } = setup([status(429), bothPass()], { ledger, deadlineMs: T0 + 400_000 });
    sendBatch(batch, context);
    const windowEnd = T0 - 100_000 + WINDOW_MS + WINDOW_MARGIN_MS;
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(windowEnd - T0);
  });

  it('gives up after the rate-limit attempt cap', () => {
    const replies = Array.from({ length: 4 }, () => status(429, '', { 'retry-after': '1' }));
    const { http, context } = setup(replies);
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(4);
    expect(outcome.stop?.reason).toBe('rate_limited');
  });

  it('paces a full window by sleeping within the deadline', () => {
    let ledger = createLedger();
    for (let write = 0; write < 60; write++) {
      ledger = recordRequest(ledger, T0 - 200_000);
    }
    const { clock, context } = setup([bothPass()], { ledger });
    const outcome = sendBatch(batch, context);
    expect(clock.sleeps).toEqual([100_000 + WINDOW_MARGIN_MS]);
    expect(outcome.requestsMade).toBe(1);
  });

  it('stops before sending when pacing would pass the deadline', () => {
    let ledger = createLedger();
    for (let write = 0; write < 60; write++) {
      ledger = recordRequest(ledger, T0);
    }
    const { http, context } = setup([], { ledger });
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(0);
    expect(outcome.stop?.reason).toBe('rate_limited');
    expect(outcome.stop?.resumeAtMs).toBe(T0 + WINDOW_MS + WINDOW_MARGIN_MS);
    expect(statuses(outcome)).toEqual(['2:not_sent', '3:not_sent']);
  });
});

describe('sendBatch faults', () => {
  it('retries a 502 HTML page and keeps the later result', () => {
    const { context } = setup([html502, bothPass()]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:sent', '3:sent']);
    expect(outcome.attempts[0]?.detail).toBe('HTTP 502 Bad Gateway (HTML error page)');
    expect(outcome.attempts[0]?.failure).toBe('server');
  });

  it('marks rows not sent after repeated 502 pages without raw HTML', () => {
    const { http, context } = setup([html502, html502, html502, html502]);
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(4);
    expect(statuses(outcome)).toEqual(['2:not_sent', '3:not_sent']);
    expect(outcome.rows[0]?.message).toBe(
      'HTTP 502 Bad Gateway (HTML error page): 502 Bad Gateway Bad Gateway. Gave up after 4 attempts; the next run sends these rows again.',
    );
    expect(outcome.rows[0]?.message).not.toContain('<');
    expect(outcome.stop).toBeUndefined();
  });

  it('marks rows not confirmed after repeated 504s', () => {
    const { context } = setup([status(504), status(504), status(504), status(504)]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:not_confirmed', '3:not_confirmed']);
    expect(outcome.rows[0]?.message).toContain(
      'JOOR may have applied this request (HTTP 504 Gateway Timeout)',
    );
  });

  it('retries Address unavailable and then succeeds', () => {
    const { context } = setup([
      { throws: 'Exception: Address unavailable: https://apisandbox.jooraccess.com/v2/bulk-inventory' },
      bothPass(),
    ]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:sent', '3:sent']);
    expect(outcome.attempts[0]?.failure).toBe('transport');
  });

  it('reports a DNS error as not sent', () => {
    const error = { throws: 'Exception: DNS error: https://apisandbox.jooraccess.com/v2/bulk-inventory' };
    const { context } = setup([error, error, error, error]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:not_sent', '3:not_sent']);
    expect(outcome.rows[0]?.message).toContain('DNS error');
    expect(outcome.rows[0]?.message).not.toContain('https://');
  });

  it('reports Address unavailable as not confirmed', () => {
    // Apps Script also reports a connection dropped after sending this way.
    const error = {
      throws: 'Exception: Address unavailable: https://apisandbox.jooraccess.com/v2/bulk-inventory',
    };
    const { context } = setup([error, error, error, error]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:not_confirmed', '3:not_confirmed']);
    expect(outcome.rows[0]?.message).toContain('Address unavailable');
    expect(outcome.rows[0]?.message).not.toContain('https://');
  });

  it('retries an unreadable 200 body', () => {
    const { context } = setup([
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{"sku_co' },
      bothPass(),
    ]);
    expect(statuses(sendBatch(batch, context))).toEqual(['2:sent', '3:sent']);
  });

  it('stops retrying when backoff would pass the deadline', () => {
    const { http, context } = setup([html502], { deadlineMs: T0 + 100 });
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(1);
    expect(outcome.stop?.reason).toBe('deadline');
    expect(statuses(outcome)).toEqual(['2:not_sent', '3:not_sent']);
  });

  it('sends nothing once the deadline has passed', () => {
    const { http, context } = setup([], { deadlineMs: T0 });
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(0);
    expect(outcome.stop?.reason).toBe('deadline');
    expect(statuses(outcome)).toEqual(['2:not_sent', '3:not_sent']);
  });
});

describe('sendBatch quota and rejections', () => {
  it('never retries the daily UrlFetch quota', () => {
    const { http, clock, context } = setup([
      { throws: 'Exception: Service invoked too many times for one day: urlfetch.' },
    ]);
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(outcome.stop?.reason).toBe('quota');
    expect(outcome.rows[0]?.status).toBe('not_sent');
    expect(outcome.rows[0]?.message).toContain(
      'Google daily UrlFetch quota reached; retry after the quota resets',
    );
  });

  it('charges no credits for a quota exception', () => {
    const { context } = setup([
      { throws: 'Exception: Service invoked too many times for one day: urlfetch.' },
    ]);
    const outcome = sendBatch(batch, context);
    expect(outcome.ledger).toEqual(createLedger());
  });

  it('sleeps once and retries a short-time quota error', () => {
    const { clock, context } = setup([
      {
        throws:
          'Exception: Service invoked too many times in a short time: urlfetch. Try Utilities.sleep(1000) between calls.',
      },
      bothPass(),
    ]);
    expect(statuses(sendBatch(batch, context))).toEqual(['2:sent', '3:sent']);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('stops after a second short-time quota error', () => {
    const short = { throws: 'Exception: Service invoked too many times in a short time: urlfetch.' };
    const { http, context } = setup([short, short]);
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(2);
    expect(outcome.stop?.reason).toBe('quota');
  });

  it.each([401, 403])('stops on HTTP %i with the token rejected', (code) => {
    const { http, context } = setup([status(code, `bad token ${TOKEN}`)]);
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(1);
    expect(outcome.stop?.reason).toBe('auth');
    expect(outcome.stop?.message).toContain('JOOR rejected the token');
    expect(statuses(outcome)).toEqual(['2:not_sent', '3:not_sent']);
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it('fails the rows of a 400 with the excerpt', () => {
    const { http, context } = setup([status(400, 'Invalid inventory_items node')]);
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(1);
    expect(statuses(outcome)).toEqual(['2:failed', '3:failed']);
    expect(outcome.rows[0]?.message).toBe(
      'JOOR rejected the request (HTTP 400 Bad Request): Invalid inventory_items node. Check the rows of this batch; the other batches are not affected.',
    );
    expect(outcome.stop).toBeUndefined();
  });

  it('leaves rows of a 200 error body not confirmed', () => {
    const { context } = setup([jsonResponse({ error: 'Malformed inventory_item' })]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:not_confirmed', '3:not_confirmed']);
    expect(outcome.rows[0]?.message).toContain('Malformed inventory_item');
  });

  it('leaves rows not confirmed when an earlier attempt may have applied', () => {
    const { context } = setup([status(504, 'Gateway timeout'), status(400, 'Bad request')]);
    const outcome = sendBatch(batch, context);
    expect(statuses(outcome)).toEqual(['2:not_confirmed', '3:not_confirmed']);
    expect(outcome.rows[0]?.message).toContain('may have applied an earlier attempt');
  });

  it('suggests smaller requests after a 413', () => {
    const { context } = setup([status(413, 'Too large')]);
    expect(sendBatch(batch, context).rows[0]?.message).toContain('Lower "items per request"');
  });

  it('stops without a request when the token is blank', () => {
    const { http, context } = setup([], { target: { ...setup([]).context.target, token: '  ' } });
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(0);
    expect(outcome.stop?.reason).toBe('fatal');
    expect(outcome.rows[0]?.status).toBe('not_sent');
  });
});

describe('sendBatch overwrite safety', () => {
  it('never sends overwrite on a plain batch', () => {
    const { http, context } = setup([html502, bothPass()]);
    sendBatch(batch, context);
    expect(http.requests.every((request) => !request.url.includes('overwrite'))).toBe(true);
  });

  it('keeps overwrite=1 on an immediate retry of the first request', () => {
    const { http, context } = setup(
      [{ throws: 'Exception: Timeout: https://apisandbox.jooraccess.com/v2/bulk-inventory' }, bothPass()],
      {
        overwrite: true,
      },
    );
    const outcome = sendBatch(batch, context);
    expect(http.requests.map((request) => request.url.includes('overwrite=1'))).toEqual([true, true]);
    expect(statuses(outcome)).toEqual(['2:sent', '3:sent']);
    expect(outcome.overwriteSent).toBe(true);
  });

  it('says when a dropped overwrite request may have applied', () => {
    const dropped = { throws: 'Exception: Timeout: https://apisandbox.jooraccess.com/v2/bulk-inventory' };
    const { context } = setup([dropped, dropped, dropped, dropped], { overwrite: true });
    const outcome = sendBatch(batch, context);
    expect(outcome.stop?.reason).toBe('fatal');
    expect(statuses(outcome)).toEqual(['2:not_confirmed', '3:not_confirmed']);
    expect(outcome.rows[0]?.message).toContain("The overwrite request's outcome is unknown (Timeout)");
    expect(outcome.rows[0]?.message).toContain('JOOR may have replaced all inventory with this batch only');
  });

  it('stops the run when the overwrite request is rejected', () => {
    const { context } = setup([status(400, 'Bad')], { overwrite: true });
    const outcome = sendBatch(batch, context);
    expect(outcome.stop?.reason).toBe('fatal');
    expect(statuses(outcome)).toEqual(['2:failed', '3:failed']);
  });

  it('postpones an overwrite after a 429', () => {
    const { http, context } = setup([status(429, '', { 'retry-after': '2.0' })], { overwrite: true });
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(1);
    expect(outcome.stop?.reason).toBe('rate_limited');
    expect(outcome.stop?.message).toContain('Nothing was replaced; run it again after 10:00 UTC.');
    expect(statuses(outcome)).toEqual(['2:not_sent', '3:not_sent']);
  });

  it('postpones an overwrite when the window is spent', () => {
    let ledger = createLedger();
    for (let write = 0; write < 60; write++) {
      ledger = recordRequest(ledger, T0 - 200_000);
    }
    const { http, context } = setup([], { overwrite: true, ledger });
    const outcome = sendBatch(batch, context);
    expect(http.requests).toHaveLength(0);
    expect(outcome.stop?.reason).toBe('rate_limited');
    expect(outcome.stop?.resumeAtMs).toBe(T0 + 100_000 + WINDOW_MARGIN_MS);
  });

  it('refuses overwrite after a request of the run succeeded', () => {
    const { http, context } = setup([bothPass()], { overwrite: true, requestsSucceededBefore: 1 });
    expect(() => sendBatch(batch, context)).toThrow(PushError);
    expect(http.requests).toHaveLength(0);
  });
});
