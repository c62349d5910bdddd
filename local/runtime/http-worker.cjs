// Worker thread behind the synchronous UrlFetchApp fake. The main thread posts a batch of
// requests and blocks on Atomics.wait. This worker performs them in parallel with node:http,
// posts the results on the reply port, then wakes the main thread.
// It connects only to 127.0.0.1 and to origins the caller named explicitly (the CLI's --joor-url).
// Any other host gets a transport error and no socket is opened.
const http = require('node:http');
const https = require('node:https');
const { parentPort, workerData } = require('node:worker_threads');

const signal = new Int32Array(workerData.signal);
const replyPort = workerData.replyPort;
const externalOrigins = new Set(workerData.externalOrigins ?? []);
const MAX_REDIRECTS = 10;

function isLoopback(url) {
  return url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

function isAllowed(url) {
  return isLoopback(url) || externalOrigins.has(url.origin);
}

function requestOnce(request, target) {
  return new Promise((resolve) => {
    if (!isAllowed(target)) {
      resolve({ ok: false, error: 'transport', detail: `refused to contact ${target.host}: not 127.0.0.1` });
      return;
    }
    const started = performance.now();
    const headers = { ...request.headers };
    if (request.body) headers['Content-Length'] = String(request.body.byteLength);
    const transport = target.protocol === 'https:' ? https : http;
    const req = transport.request(
      target,
      { method: request.method, headers, timeout: request.timeoutMs },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const body = new Uint8Array(Buffer.concat(chunks));
          resolve({
            ok: true,
            status: res.statusCode,
            rawHeaders: res.rawHeaders,
            body,
            realMs: performance.now() - started,
          });
        });
        res.on('aborted', () => resolve({ ok: false, error: 'transport', detail: 'response aborted' }));
        res.on('error', (error) => resolve({ ok: false, error: 'transport', detail: error.message }));
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve({ ok: false, error: 'timeout', detail: `no response within ${request.timeoutMs} ms` });
    });
    req.on('error', (error) =>
      resolve({ ok: false, error: 'transport', detail: `${error.code ?? ''} ${error.message}` }),
    );
    if (request.body) req.write(Buffer.from(request.body));
    req.end();
  });
}

async function perform(request) {
  let target = new URL(request.url);
  let current = request;
  for (let hop = 0; ; hop++) {
    const result = await requestOnce(current, target);
    const location = result.ok ? headerValue(result.rawHeaders, 'location') : undefined;
    const redirect = result.ok && result.status >= 300 && result.status < 400 && location !== undefined;
    if (!redirect || !request.followRedirects || hop >= MAX_REDIRECTS) return result;

    target = new URL(location, target);
    // 303, and 301/302 after a POST, switch to GET without a body, as browsers and curl do.
    if (
      result.status === 303 ||
      ((result.status === 301 || result.status === 302) && current.method === 'POST')
    ) {
      current = { ...current, method: 'GET', body: undefined };
    }
  }
}

function headerValue(rawHeaders, name) {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === name) return rawHeaders[i + 1];
  }
  return undefined;
}

parentPort.on('message', async ({ id, requests }) => {
  let results;
  try {
    results = await Promise.all(requests.map(perform));
  } catch (error) {
    results = requests.map(() => ({ ok: false, error: 'transport', detail: String(error) }));
  }
  replyPort.postMessage({ id, results });
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
