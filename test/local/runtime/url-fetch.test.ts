import { createLocalRuntime, type LocalRuntime } from '../../../local/runtime';
import { removeBundle, startTestServer, type TestServer, writeBundle } from './helpers';

// Functions the tests run inside the vm context. Each returns plain data so it can cross back.
const BUNDLE = `
function fetchJson(url, params) {
  var response = UrlFetchApp.fetch(url, params || {});
  return { code: response.getResponseCode(), body: JSON.parse(response.getContentText()), headers: response.getHeaders() };
}
function fetchRaw(url, params) {
  var response = UrlFetchApp.fetch(url, params || {});
  return {
    code: response.getResponseCode(),
    text: response.getContentText(),
    content: response.getContent(),
    allHeaders: response.getAllHeaders(),
    blobText: response.getBlob().getDataAsString(),
  };
}
function fetchMany(requests) {
  return UrlFetchApp.fetchAll(requests).map(function (r) { return r.getResponseCode(); });
}
function fetchAndCatch(url, params) {
  try {
    UrlFetchApp.fetch(url, params || {});
    return 'no error';
  } catch (e) {
    return e.message;
  }
}
function describeRequest(url, params) {
  var request = UrlFetchApp.getRequest(url, params);
  return { url: request.url, method: request.method, headers: request.headers, payload: request.payload };
}
function elapsedAround(url) {
  var before = Date.now();
  var message = fetchAndCatch(url);
  return { message: message, elapsed: Date.now() - before };
}
`;

const JOOR = 'https://apisandbox.jooraccess.com';

describe('UrlFetchApp', () => {
  let server: TestServer;
  let bundleDir: string;
  let runtime: LocalRuntime;

  beforeAll(async () => {
    server = await startTestServer();
    bundleDir = writeBundle({ 'Code.js': BUNDLE });
  });

  afterAll(async () => {
    await server.stop();
    removeBundle(bundleDir);
  });

  beforeEach(() => {
    runtime = createLocalRuntime({ bundleDir, workbook: null, routes: { [JOOR]: server.baseUrl } });
  });

  afterEach(() => runtime.close());

  type Echo = {
    code: number;
    body: { method: string; path: string; headers: Record<string, string>; body: string };
  };
  const fetchJson = (url: string, params: Record<string, unknown> = {}) => {
    const result = runtime.execute<Echo>('fetchJson', [url, params]);
    if (!result.ok) throw new Error(result.error?.message);
    return result.value!;
  };

  it('routes a JOOR URL to the loopback server', () => {
    const echo = fetchJson(`${JOOR}/v2/echo?x=1`);
    expect(echo.code).toBe(200);
    expect(echo.body.path).toBe('/v2/echo?x=1');
  });

  it('sends GET by default', () => {
    expect(fetchJson(`${JOOR}/echo`).body.method).toBe('GET');
  });

  it('sends the virtual clock in a header', () => {
    const echo = fetchJson(`${JOOR}/echo`);
    const sent = Number(echo.body.headers['x-emulator-clock']);
    expect(Math.abs(sent - runtime.clock.now())).toBeLessThan(5_000);
  });

  it('replaces the User-Agent as Apps Script does', () => {
    const echo = fetchJson(`${JOOR}/echo`, { headers: { 'User-Agent': 'mine' } });
    expect(echo.body.headers['user-agent']).toContain('Google-Apps-Script');
  });

  it('form-encodes an object payload', () => {
    const echo = fetchJson(`${JOOR}/echo`, { method: 'post', payload: { a: 'b c', n: 1 } });
    expect(echo.body.body).toBe('a=b+c&n=1');
    expect(echo.body.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('sends a string payload unchanged', () => {
    const echo = fetchJson(`${JOOR}/echo`, {
      method: 'put',
      contentType: 'application/json',
      payload: '{"é":1}',
    });
    expect(echo.body.method).toBe('PUT');
    expect(echo.body.body).toBe('{"é":1}');
    expect(echo.body.headers['content-type']).toBe('application/json');
    expect(echo.body.headers['content-length']).toBe(String(Buffer.byteLength('{"é":1}')));
  });

  it('sends a byte array payload', () => {
    const echo = fetchJson(`${JOOR}/echo`, {
      method: 'post',
      contentType: 'text/plain',
      payload: [104, 105],
    });
    expect(echo.body.body).toBe('hi');
  });

  it('escapes illegal URL characters', () => {
    expect(fetchJson(`${JOOR}/echo?q=a b`).body.path).toBe('/echo?q=a%20b');
  });

  it('keeps existing percent escapes', () => {
    expect(fetchJson(`${JOOR}/echo?q=a%20b`).body.path).toBe('/echo?q=a%20b');
  });

  it('describes a request without its Authorization', () => {
    const result = runtime.execute<{ method: string; headers: Record<string, string>; payload: string }>(
      'describeRequest',
      [`${JOOR}/echo`, { method: 'post', payload: 'x', headers: { Authorization: 'OAuth2 secret' } }],
    );
    expect(result.value?.method).toBe('post');
    expect(result.value?.payload).toBe('x');
    expect(result.value?.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
  });

  it('passes custom headers', () => {
    const echo = fetchJson(`${JOOR}/echo`, {
      headers: { Authorization: 'OAuth2 abc', Accept: 'application/json' },
    });
    expect(echo.body.headers.authorization).toBe('OAuth2 abc');
    expect(echo.body.headers.accept).toBe('application/json');
  });

  it('reads response headers, bytes and blobs', () => {
    const result = runtime.execute<{
      code: number;
      text: string;
      content: number[];
      allHeaders: Record<string, unknown>;
      blobText: string;
    }>('fetchRaw', [`${JOOR}/bytes`]);
    expect(result.value?.content).toEqual([0, 127, -128, -1]);
    expect(result.value?.allHeaders['Set-Cookie']).toEqual(['a=1', 'b=2']);
  });

  it('decodes text with the response charset', () => {
    const result = runtime.execute<{ text: string }>('fetchRaw', [`${JOOR}/latin1`]);
    expect(result.value?.text).toBe('café');
  });

  it('returns an error status when muted', () => {
    const result = runtime.execute<{ code: number; text: string }>('fetchRaw', [
      `${JOOR}/status/503`,
      { muteHttpExceptions: true },
    ]);
    expect(result.value?.code).toBe(503);
    expect(result.value?.text).toContain('status 503');
  });

  it('throws for an error status when not muted', () => {
    const message = runtime.execute<string>('fetchAndCatch', [`${JOOR}/status/404`]).value;
    expect(message).toMatch(/^Request failed for https:\/\/apisandbox\.jooraccess\.com returned code 404\./);
    expect(message).toContain('Truncated server response: status 404 body');
    expect(message).toContain('(use muteHttpExceptions option to examine full response)');
  });

  it('truncates a long error body in the message', () => {
    const message = runtime.execute<string>('fetchAndCatch', [`${JOOR}/status/500?pad=5000`]).value ?? '';
    expect(message.length).toBeLessThan(500);
  });

  it('follows redirects by default', () => {
    expect(fetchJson(`${JOOR}/redirect`).body.path).toBe('/echo/redirected');
  });

  it('returns the redirect when followRedirects is false', () => {
    const result = runtime.execute<{ code: number }>('fetchRaw', [
      `${JOOR}/redirect`,
      { followRedirects: false },
    ]);
    expect(result.value?.code).toBe(302);
  });

  it('rejects a non-loopback URL', () => {
    const message = runtime.execute<string>('fetchAndCatch', ['https://api.example.com/v2/x']).value;
    expect(message).toBe('Address unavailable: https://api.example.com/v2/x');
    expect(runtime.urlFetchLog.at(-1)?.routedUrl).toBeNull();
  });

  it('rejects localhost by name', () => {
    const message = runtime.execute<string>('fetchAndCatch', [`http://localhost:${server.port}/echo`]).value;
    expect(message).toBe(`Address unavailable: http://localhost:${server.port}/echo`);
  });

  it('reports a dropped connection as address unavailable', () => {
    const message = runtime.execute<string>('fetchAndCatch', [`${JOOR}/drop`]).value;
    expect(message).toBe(`Address unavailable: ${JOOR}/drop`);
  });

  it('reports a refused connection as address unavailable', async () => {
    const closed = await startTestServer();
    await closed.stop();
    const refused = createLocalRuntime({ bundleDir, workbook: null, routes: { [JOOR]: closed.baseUrl } });
    try {
      expect(refused.execute<string>('fetchAndCatch', [`${JOOR}/echo`]).value).toBe(
        `Address unavailable: ${JOOR}/echo`,
      );
    } finally {
      refused.close();
    }
  });

  it('adds a reported server delay to the clock', () => {
    const result = runtime.execute<{ message: string; elapsed: number }>('elapsedAround', [
      `${JOOR}/delay/30000`,
    ]);
    expect(result.value?.message).toBe('no error');
    expect(result.value?.elapsed).toBeGreaterThanOrEqual(30_000);
    expect(result.value?.elapsed).toBeLessThan(40_000);
  });

  it('times out after 60 virtual seconds', () => {
    const result = runtime.execute<{ message: string; elapsed: number }>('elapsedAround', [
      `${JOOR}/delay/61000`,
    ]);
    expect(result.value?.message).toBe(`Timeout: ${JOOR}/delay/61000`);
    expect(result.value?.elapsed).toBeGreaterThanOrEqual(59_000);
  });

  it('fetches many requests in order', () => {
    const result = runtime.execute<number[]>('fetchMany', [
      [`${JOOR}/status/201`, { url: `${JOOR}/status/202`, muteHttpExceptions: true }, `${JOOR}/echo`],
    ]);
    expect(result.value).toEqual([201, 202, 200]);
  });

  it('fails the whole fetchAll when one request fails', () => {
    const result = runtime.execute('fetchMany', [[`${JOOR}/echo`, `${JOOR}/status/500`]]);
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain('returned code 500');
  });

  it('counts fetchAll elements against quota', () => {
    const limited = createLocalRuntime({
      bundleDir,
      workbook: null,
      routes: { [JOOR]: server.baseUrl },
      urlFetchDailyQuota: 3,
    });
    try {
      expect(limited.execute('fetchMany', [[`${JOOR}/echo`, `${JOOR}/echo`]]).ok).toBe(true);
      expect(limited.execute('fetchAndCatch', [`${JOOR}/echo`]).value).toBe('no error');
      expect(limited.execute('fetchAndCatch', [`${JOOR}/echo`]).value).toBe(
        'Service invoked too many times for one day: urlfetch.',
      );
    } finally {
      limited.close();
    }
  });

  it('resets the daily quota after 24 hours', () => {
    const limited = createLocalRuntime({
      bundleDir,
      workbook: null,
      routes: { [JOOR]: server.baseUrl },
      urlFetchDailyQuota: 1,
    });
    try {
      limited.execute('fetchAndCatch', [`${JOOR}/echo`]);
      limited.clock.sleep(24 * 60 * 60 * 1000);
      expect(limited.execute('fetchAndCatch', [`${JOOR}/echo`]).value).toBe('no error');
    } finally {
      limited.close();
    }
  });

  it('rejects a URL longer than 2 KB', () => {
    const message = runtime.execute<string>('fetchAndCatch', [`${JOOR}/echo?q=${'a'.repeat(2100)}`]).value;
    expect(message).toBe('Limit Exceeded: URLFetch URL Length.');
  });

  it('rejects more than 100 headers', () => {
    const headers = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`X-H${i}`, '1']));
    const message = runtime.execute<string>('fetchAndCatch', [`${JOOR}/echo`, { headers }]).value;
    expect(message).toContain('Limit Exceeded: URLFetch header count');
  });

  it('rejects an unknown method', () => {
    const message = runtime.execute<string>('fetchAndCatch', [`${JOOR}/echo`, { method: 'trace' }]).value;
    expect(message).toContain('Invalid argument: method "trace"');
  });

  it('logs each fetch without the Authorization header', () => {
    fetchJson(`${JOOR}/echo`, { headers: { Authorization: 'OAuth2 secret-token' } });
    const record = runtime.urlFetchLog.at(-1);
    expect(record).toMatchObject({ url: `${JOOR}/echo`, method: 'get', status: 200 });
    expect(JSON.stringify(runtime.urlFetchLog)).not.toContain('secret-token');
  });

  it('counts calls per method', () => {
    fetchJson(`${JOOR}/echo`);
    expect(runtime.callCounts()['UrlFetchApp.fetch']).toBe(1);
    expect(runtime.callCounts()['HTTPResponse.getResponseCode']).toBe(1);
  });
});

describe('UrlFetchApp allowlist', () => {
  let server: TestServer;
  let bundleDir: string;

  beforeAll(async () => {
    server = await startTestServer();
    bundleDir = writeBundle({
      'Code.js': BUNDLE,
      'appsscript.json': JSON.stringify({
        timeZone: 'Etc/UTC',
        urlFetchWhitelist: [`${JOOR}/v2/`, 'https://*.example.org/api/'],
      }),
    });
  });

  afterAll(async () => {
    await server.stop();
    removeBundle(bundleDir);
  });

  const withRuntime = (enforce: boolean | undefined, run: (runtime: LocalRuntime) => void) => {
    const runtime = createLocalRuntime({
      bundleDir,
      workbook: null,
      routes: { [JOOR]: server.baseUrl },
      ...(enforce === undefined ? {} : { enforceUrlFetchWhitelist: enforce }),
    });
    try {
      run(runtime);
    } finally {
      runtime.close();
    }
  };

  it('allows a URL under a listed prefix', () => {
    withRuntime(undefined, (runtime) => {
      expect(runtime.execute('fetchAndCatch', [`${JOOR}/v2/echo`]).value).toBe('no error');
    });
  });

  it('blocks a URL outside the listed prefixes', () => {
    withRuntime(undefined, (runtime) => {
      expect(runtime.execute('fetchAndCatch', [`${JOOR}/v4/echo`]).value).toBe(
        `Request to ${JOOR}/v4/echo failed because the URL has not been whitelisted in the script manifest.`,
      );
    });
  });

  it('matches subdomains with a leading wildcard', () => {
    withRuntime(undefined, (runtime) => {
      // Allowed by the list, then refused because it is not loopback.
      expect(runtime.execute('fetchAndCatch', ['https://a.example.org/api/x']).value).toBe(
        'Address unavailable: https://a.example.org/api/x',
      );
    });
  });

  it('can be switched off', () => {
    withRuntime(false, (runtime) => {
      expect(runtime.execute('fetchAndCatch', [`${JOOR}/v4/echo`]).value).toBe('no error');
    });
  });
});
