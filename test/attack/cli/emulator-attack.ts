/**
 * Sends hostile requests to a JOOR emulator started here on 127.0.0.1 (`npm run emulator -- --port 0`)
 * and prints one line per case: status, time, and what looks wrong. After every case it checks that
 * the process is alive and `GET /_emulator/health` responds, and it scans each response for the token.
 *
 * Usage: node --import tsx test/attack/cli/emulator-attack.ts [case-name-substring …]
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
/** Maximum time one request may take before the case counts as a hang, in milliseconds. */
const HANG_MS = 30_000;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
  error?: string;
}

interface Emulator {
  url: string;
  port: number;
  token: string;
  child: ChildProcess;
  stderr: () => string;
}

interface Case {
  name: string;
  run: (emulator: Emulator) => Promise<string[]>;
}

const EXAMPLE_UPC = '084567000017';

function startEmulator(): Promise<Emulator> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/emulator/main.ts', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(stdout);
      const token = /Demo token: (\S+)/.exec(stdout);
      if (url && token) {
        resolve({ url: url[1]!, port: Number(url[2]), token: token[1]!, child, stderr: () => stderr });
      }
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
}

function send(
  emulator: Emulator,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string | string[]>,
  body?: string | Buffer,
): Promise<Reply> {
  return new Promise((resolve) => {
    const started = Date.now();
    const req = httpRequest(
      { host: '127.0.0.1', port: emulator.port, method, path: pathAndQuery, headers, timeout: HANG_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Date.now() - started,
          }),
        );
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error('timed out'));
    });
    req.on('error', (error) =>
      resolve({ status: 0, headers: {}, body: '', ms: Date.now() - started, error: error.message }),
    );
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Sends raw bytes on a fresh socket and returns what came back before the socket closed or timed out. */
function sendRaw(emulator: Emulator, bytes: string | Buffer, waitMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(emulator.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.write(bytes);
    setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, waitMs);
  });
}

function auth(emulator: Emulator): string {
  return `OAuth2 ${Buffer.from(emulator.token).toString('base64')}`;
}

function jsonHeaders(emulator: Emulator): Record<string, string> {
  return { Authorization: auth(emulator), 'Content-Type': 'application/json', Accept: 'application/json' };
}

function xmlHeaders(emulator: Emulator): Record<string, string> {
  return { Authorization: auth(emulator), 'Content-Type': 'application/xml', Accept: 'application/xml' };
}

function oneLine(upc = EXAMPLE_UPC, inventory: unknown = 5, warehouse: unknown = 'Default'): string {
  return JSON.stringify({ inventory_items: { inventory_item: [{ upc, inventory, warehouse }] } });
}

/** Returns the problems of a reply: a transport error, a 5xx or unexpected status, the token in the body, or a slow response. */
function check(emulator: Emulator, reply: Reply, expected: number[]): string[] {
  const problems: string[] = [];
  if (reply.error) problems.push(`transport error: ${reply.error}`);
  if (reply.status >= 500) problems.push(`status ${reply.status}`);
  if (!reply.error && !expected.includes(reply.status))
    problems.push(`status ${reply.status}, expected ${expected.join('/')}`);
  const b64 = Buffer.from(emulator.token).toString('base64');
  if (reply.body.includes(emulator.token) || reply.body.includes(b64)) problems.push('token echoed in body');
  if (reply.ms > 5000) problems.push(`slow: ${reply.ms} ms`);
  return problems;
}

async function health(emulator: Emulator): Promise<Record<string, unknown> | null> {
  const reply = await send(emulator, 'GET', '/_emulator/health', {});
  if (reply.status !== 200) return null;
  return JSON.parse(reply.body) as Record<string, unknown>;
}

async function positions(emulator: Emulator): Promise<string> {
  return (await send(emulator, 'GET', '/_emulator/positions', {})).body;
}

async function reset(emulator: Emulator): Promise<void> {
  await send(emulator, 'POST', '/_emulator/reset', {});
}

function describe(reply: Reply): string {
  return `${reply.status} ${reply.ms}ms ${reply.body.slice(0, 140).replace(/\s+/g, ' ')}`;
}

const log: string[] = [];

async function expectStatus(
  emulator: Emulator,
  method: string,
  target: string,
  headers: Record<string, string | string[]>,
  body: string | Buffer | undefined,
  expected: number[],
): Promise<string[]> {
  const reply = await send(emulator, method, target, headers, body);
  log.push(`${method} ${target.slice(0, 120)} -> ${describe(reply)}`);
  return check(emulator, reply, expected);
}

function billionLaughs(levels: number): string {
  let doctype = '<!ENTITY lol0 "lollollollollollollollollollol">';
  for (let i = 1; i <= levels; i++) doctype += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `<?xml version="1.0"?><!DOCTYPE inventory_items [${doctype}]><inventory_items><inventory_item><warehouse>Default</warehouse><upc>&lol${levels};</upc><inventory>1</inventory></inventory_item></inventory_items>`;
}

const cases: Case[] = [
  // Bodies.
  {
    name: 'json malformed',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), '{"inventory_items": {', [400]),
  },
  {
    name: 'json empty body',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), '', [400]),
  },
  {
    name: 'json null',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), 'null', [400]),
  },
  {
    name: 'json top-level array',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), '[]', [400]),
  },
  {
    name: 'json items string',
    run: (e) =>
      expectStatus(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), '{"inventory_items":"x"}', [400]),
  },
  {
    name: 'json item list empty',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        jsonHeaders(e),
        '{"inventory_items":{"inventory_item":[]}}',
        [200, 400],
      ),
  },
  {
    name: 'json lines not objects',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        jsonHeaders(e),
        '{"inventory_items":{"inventory_item":[null, 1, "a", [], true]}}',
        [200, 400],
      ),
  },
  {
    name: 'json bare array with null',
    run: (e) =>
      expectStatus(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), '{"inventory_items":[null]}', [200, 400]),
  },
  {
    name: 'json field types wrong',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        jsonHeaders(e),
        JSON.stringify({
          inventory_items: {
            inventory_item: [
              {
                upc: { a: 1 },
                inventory: [1],
                warehouse: ['Default'],
                inventory_date: 5,
                made_to_order: 'maybe',
                style_number: null,
              },
            ],
          },
        }),
        [200, 400],
      ),
  },
  {
    name: 'json inventory huge numbers',
    run: async (e) => {
      const problems: string[] = [];
      for (const value of [1e308, -0, 2 ** 53 + 1, '1e3', '0x10', 'NaN', 1.5, '  7 ']) {
        problems.push(
          ...(await expectStatus(
            e,
            'POST',
            '/v2/bulk-inventory',
            jsonHeaders(e),
            oneLine(EXAMPLE_UPC, value),
            [200],
          )),
        );
      }
      await reset(e);
      return problems;
    },
  },
  {
    name: 'json prototype keys',
    run: async (e) => {
      const body = `{"inventory_items":{"inventory_item":[{"__proto__":{"polluted":1},"upc":"${EXAMPLE_UPC}","inventory":1,"warehouse":"Default"}]}}`;
      const problems = await expectStatus(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), body, [200]);
      for (const warehouse of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const reply = await send(
          e,
          'POST',
          '/v2/bulk-inventory',
          jsonHeaders(e),
          oneLine(EXAMPLE_UPC, 1, warehouse),
        );
        log.push(`warehouse ${warehouse} -> ${describe(reply)}`);
        problems.push(...check(e, reply, [200]));
        if (/"status":\s*"pass"/.test(reply.body))
          problems.push(`warehouse "${warehouse}" accepted as known`);
      }
      const emptyUpc = await send(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), oneLine('__proto__', 1));
      log.push(`upc __proto__ -> ${describe(emptyUpc)}`);
      if (/"status":\s*"pass"/.test(emptyUpc.body)) problems.push('upc "__proto__" accepted');
      await reset(e);
      return problems;
    },
  },
  {
    name: 'json deep nesting',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        jsonHeaders(e),
        `{"inventory_items":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
        [200, 400],
      ),
  },
  {
    name: 'json 20 MB of lines',
    run: async (e) => {
      const lines = Array.from({ length: 250_000 }, (_, i) => ({
        upc: EXAMPLE_UPC,
        inventory: i,
        warehouse: 'Default',
      }));
      const problems = await expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        jsonHeaders(e),
        JSON.stringify({ inventory_items: { inventory_item: lines } }),
        [200, 413],
      );
      await reset(e);
      return problems;
    },
  },
  {
    name: 'body over 50 MB',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        jsonHeaders(e),
        Buffer.alloc(51 * 1024 * 1024, 0x20),
        [413, 400],
      ),
  },
  {
    name: 'body over 50 MB without token',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        { 'Content-Type': 'application/json' },
        Buffer.alloc(51 * 1024 * 1024, 0x20),
        [401, 413],
      ),
  },
  {
    name: 'xml malformed',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        xmlHeaders(e),
        '<inventory_items><inventory_item>',
        [400],
      ),
  },
  {
    name: 'xml wrong root',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', xmlHeaders(e), '<foo><bar/></foo>', [400]),
  },
  {
    name: 'xml text only',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', xmlHeaders(e), 'hello', [400]),
  },
  {
    name: 'xml items text',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        xmlHeaders(e),
        '<inventory_items>text</inventory_items>',
        [200, 400],
      ),
  },
  {
    name: 'xml deep nesting',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        xmlHeaders(e),
        `<inventory_items><inventory_item>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</inventory_item></inventory_items>`,
        [200, 400],
      ),
  },
  {
    name: 'xml billion laughs',
    run: async (e) => {
      const reply = await send(e, 'POST', '/v2/bulk-inventory', xmlHeaders(e), billionLaughs(9));
      log.push(`billion laughs -> ${describe(reply)}`);
      const problems = check(e, reply, [200, 400]);
      if (reply.body.includes('lollollol')) problems.push('entity expanded into the response');
      return problems;
    },
  },
  {
    name: 'xml internal entity',
    run: async (e) => {
      const body = `<?xml version="1.0"?><!DOCTYPE inventory_items [<!ENTITY code "${EXAMPLE_UPC}">]><inventory_items><inventory_item><warehouse>Default</warehouse><upc>&code;</upc><inventory>3</inventory></inventory_item></inventory_items>`;
      const reply = await send(e, 'POST', '/v2/bulk-inventory', xmlHeaders(e), body);
      log.push(`internal entity -> ${describe(reply)}`);
      const problems = check(e, reply, [200, 400]);
      if (reply.status === 200 && /<status>pass<\/status>/.test(reply.body))
        problems.push('DOCTYPE entity expanded into a SKU that passed');
      await reset(e);
      return problems;
    },
  },
  {
    name: 'xml external entities',
    run: async (e) => {
      // A listener of our own on 127.0.0.1 records whether the emulator fetches the SYSTEM entity.
      let fetched = 0;
      const trap = createServer((_request, res) => {
        fetched++;
        res.end('084567000017');
      });
      await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', () => resolve()));
      const trapPort = (trap.address() as { port: number }).port;
      const bodies = [
        `<?xml version="1.0"?><!DOCTYPE inventory_items [<!ENTITY xxe SYSTEM "file:///etc/hostname">]><inventory_items><inventory_item><warehouse>Default</warehouse><upc>&xxe;</upc><inventory>1</inventory></inventory_item></inventory_items>`,
        `<?xml version="1.0"?><!DOCTYPE inventory_items [<!ENTITY xxe SYSTEM "http://127.0.0.1:${trapPort}/x">]><inventory_items><inventory_item><warehouse>Default</warehouse><upc>&xxe;</upc><inventory>1</inventory></inventory_item></inventory_items>`,
        `<?xml version="1.0"?><!DOCTYPE inventory_items SYSTEM "http://127.0.0.1:${trapPort}/dtd"><inventory_items><inventory_item><warehouse>Default</warehouse><upc>1</upc><inventory>1</inventory></inventory_item></inventory_items>`,
        `<?xml version="1.0"?><!DOCTYPE inventory_items [<!ENTITY % p SYSTEM "http://127.0.0.1:${trapPort}/p"> %p;]><inventory_items/>`,
      ];
      const problems: string[] = [];
      for (const body of bodies) {
        const reply = await send(e, 'POST', '/v2/bulk-inventory', xmlHeaders(e), body);
        log.push(`external entity -> ${describe(reply)}`);
        problems.push(...check(e, reply, [200, 400]));
        const hostname = (await import('node:fs')).readFileSync('/etc/hostname', 'utf8').trim();
        if (hostname !== '' && reply.body.includes(hostname)) problems.push('file content in response');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      trap.close();
      if (fetched > 0) problems.push(`external entity fetched ${fetched} time(s)`);
      return problems;
    },
  },
  // Headers.
  {
    name: 'content-type missing',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', { Authorization: auth(e) }, oneLine(), [400]),
  },
  {
    name: 'content-type text/plain',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        { Authorization: auth(e), 'Content-Type': 'text/plain' },
        oneLine(),
        [400, 415],
      ),
  },
  {
    name: 'content-type json with xml body',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), '<inventory_items/>', [400]),
  },
  {
    name: 'content-type xml with json body',
    run: (e) => expectStatus(e, 'POST', '/v2/bulk-inventory', xmlHeaders(e), oneLine(), [400]),
  },
  {
    name: 'content-type utf-16 charset',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory',
        { Authorization: auth(e), 'Content-Type': 'application/json; charset=utf-16le' },
        Buffer.from(oneLine(), 'utf16le'),
        [400, 415],
      ),
  },
  {
    name: 'accept junk',
    run: (e) =>
      expectStatus(
        e,
        'POST',
        '/v2/bulk-inventory?return_format=yaml',
        { ...jsonHeaders(e), Accept: 'image/png;q=2, */*' },
        oneLine(),
        [200, 406],
      ),
  },
  {
    name: 'authorization variants',
    run: async (e) => {
      const b64 = Buffer.from(e.token).toString('base64');
      const variants: Array<[string, string | string[] | undefined]> = [
        ['missing', undefined],
        ['empty', ''],
        ['scheme only', 'OAuth2'],
        ['scheme and space', 'OAuth2 '],
        ['bearer raw', `Bearer ${e.token}`],
        ['bearer base64', `Bearer ${b64}`],
        ['raw token', e.token],
        ['raw base64', b64],
        ['oauth2 raw token', `OAuth2 ${e.token}`],
        ['double base64', `OAuth2 ${Buffer.from(b64).toString('base64')}`],
        ['lower-case scheme', `oauth2 ${b64}`],
        ['two spaces', `OAuth2  ${b64}`],
        ['trailing whitespace', `OAuth2 ${b64} `],
        ['tab separator', `OAuth2\t${b64}`],
        ['base64 without padding', `OAuth2 ${b64.replace(/=+$/, '')}`],
        ['base64url alphabet', `OAuth2 ${Buffer.from(e.token).toString('base64url')}`],
        ['wrong token', `OAuth2 ${Buffer.from('nope').toString('base64')}`],
        ['huge', `OAuth2 ${'A'.repeat(15_000)}`],
      ];
      const problems: string[] = [];
      for (const [label, value] of variants) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (value !== undefined) headers.Authorization = value as string;
        const reply = await send(e, 'POST', '/v2/bulk-inventory', headers, oneLine());
        log.push(`auth ${label} -> ${describe(reply)}`);
        for (const problem of check(e, reply, [401])) problems.push(`${label}: ${problem}`);
      }
      const twice = await sendRaw(
        e,
        `POST /v2/bulk-inventory HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: OAuth2 ${b64}\r\nAuthorization: OAuth2 ${b64}\r\nContent-Type: application/json\r\nContent-Length: ${oneLine().length}\r\nConnection: close\r\n\r\n${oneLine()}`,
      );
      log.push(`auth twice -> ${twice.split('\r\n')[0]}`);
      if (!/ 401 /.test(twice.split('\r\n')[0] ?? ''))
        problems.push(`two Authorization headers: ${twice.split('\r\n')[0]}`);
      await reset(e);
      return problems;
    },
  },
  // Methods and paths.
  {
    name: 'methods other than POST and PUT',
    run: async (e) => {
      const problems: string[] = [];
      for (const method of ['GET', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'FOO']) {
        problems.push(
          ...(await expectStatus(e, method, '/v2/bulk-inventory', jsonHeaders(e), undefined, [405])).map(
            (p) => `${method}: ${p}`,
          ),
        );
      }
      const head = await send(e, 'HEAD', '/v2/bulk-inventory', jsonHeaders(e));
      log.push(`HEAD -> ${describe(head)}`);
      problems.push(...check(e, head, [405]).map((p) => `HEAD: ${p}`));
      const allow = (await send(e, 'GET', '/v2/bulk-inventory', jsonHeaders(e))).headers.allow;
      if (allow === undefined) problems.push('405 without an Allow header');
      return problems;
    },
  },
  {
    name: 'unknown and odd paths',
    run: async (e) => {
      const problems: string[] = [];
      const targets = [
        '/',
        '/v2',
        '/v2/',
        '/v2/bulk-inventory/extra',
        '//v2/bulk-inventory',
        '/v2/../v2/bulk-inventory',
        '/%',
        '/v2/bulk-inventory%2F',
        '/V2/BULK-INVENTORY',
        `/${'a/'.repeat(3000)}`,
        '/_emulator/',
        '/_emulator/../v2/bulk-inventory',
        '/_emulator/%zz',
      ];
      for (const target of targets) {
        problems.push(
          ...(await expectStatus(e, 'POST', target, jsonHeaders(e), oneLine(), [200, 400, 404])).map(
            (p) => `${target.slice(0, 40)}: ${p}`,
          ),
        );
      }
      const absolute = await sendRaw(
        e,
        `GET http://10.255.255.1/v2/style HTTP/1.1\r\nHost: 10.255.255.1\r\nConnection: close\r\n\r\n`,
      );
      log.push(`absolute-form -> ${absolute.split('\r\n')[0]}`);
      const garbage = await sendRaw(
        e,
        Buffer.from('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage-tls-hello\r\n\r\n', 'latin1'),
      );
      log.push(`tls hello -> ${garbage.split('\r\n')[0]}`);
      await reset(e);
      return problems;
    },
  },
  {
    name: 'query string junk',
    run: async (e) => {
      const problems: string[] = [];
      const queries = [
        '?overwrite=1&overwrite=0',
        '?overwrite=01',
        '?overwrite=true',
        '?dec_pending=yes',
        '?%zz=1',
        `?x=${'y'.repeat(8000)}`,
        '?overwrite[]=1',
        '?return_format=xml&return_format=json',
      ];
      for (const query of queries) {
        problems.push(
          ...(
            await expectStatus(e, 'POST', `/v2/bulk-inventory${query}`, jsonHeaders(e), oneLine(), [200, 400])
          ).map((p) => `${query.slice(0, 30)}: ${p}`),
        );
        await reset(e);
      }
      return problems;
    },
  },
  {
    name: 'emulator clock header junk',
    run: async (e) => {
      const problems: string[] = [];
      const before = (await health(e))?.nowMs as number;
      for (const value of ['abc', '-5', '1e20', '99999999999999999999', '9000000000000000']) {
        const reply = await send(
          e,
          'POST',
          '/v2/bulk-inventory',
          { 'Content-Type': 'application/json', 'X-Emulator-Clock': value },
          oneLine(),
        );
        log.push(`clock ${value} -> ${describe(reply)} date=${reply.headers.date}`);
        problems.push(...check(e, reply, [401]).map((p) => `${value}: ${p}`));
        if (reply.headers.date === 'Invalid Date') problems.push(`${value}: Date header "Invalid Date"`);
      }
      const after = (await health(e))?.nowMs as number;
      if (after !== before)
        problems.push(`clock moved by an unauthenticated request from ${before} to ${after}`);
      return problems;
    },
  },
  // Concurrency and disconnects.
  {
    name: 'concurrent writes',
    run: async (e) => {
      await reset(e);
      const replies = await Promise.all(
        Array.from({ length: 150 }, (_, i) =>
          send(e, 'POST', '/v2/bulk-inventory', jsonHeaders(e), oneLine(EXAMPLE_UPC, i)),
        ),
      );
      const statuses = new Map<number, number>();
      for (const reply of replies) statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      log.push(`concurrent statuses ${JSON.stringify([...statuses])}`);
      const problems: string[] = [];
      if ((statuses.get(200) ?? 0) !== 60)
        problems.push(`200 count ${statuses.get(200) ?? 0}, expected 60 (300 credits / 5)`);
      if ((statuses.get(200) ?? 0) + (statuses.get(429) ?? 0) !== replies.length)
        problems.push(`statuses ${JSON.stringify([...statuses])}`);
      const requestLog = JSON.parse((await send(e, 'GET', '/_emulator/requests', {})).body) as {
        requests: unknown[];
      };
      log.push(`request log length ${requestLog.requests.length}`);
      await reset(e);
      return problems;
    },
  },
  {
    name: 'client disconnects mid-body',
    run: async (e) => {
      const before = await positions(e);
      for (let i = 0; i < 20; i++) {
        await sendRaw(
          e,
          `POST /v2/bulk-inventory HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${auth(e)}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"inventory_items":{"inventory_item":[{"upc":"${EXAMPLE_UPC}","inventory":99`,
          50,
        );
      }
      const after = await positions(e);
      return before === after ? [] : ['positions changed by an unfinished request'];
    },
  },
  {
    name: 'client disconnects before response',
    run: async (e) => {
      await reset(e);
      const body = oneLine(EXAMPLE_UPC, 42);
      await sendRaw(
        e,
        `POST /v2/bulk-inventory HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${auth(e)}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        1,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const requestLog = (await send(e, 'GET', '/_emulator/requests', {})).body;
      log.push(`after early close: ${requestLog.slice(0, 200)}`);
      await reset(e);
      return [];
    },
  },
  {
    name: 'slow headers are cut off',
    run: async (e) => {
      // The client sends a partial request and nothing more. Node closes such a socket only after its
      // headersTimeout (60 s by default), so this case records the wait and is never a finding.
      const started = Date.now();
      const reply = await sendRaw(e, 'POST /v2/bulk-inventory HTTP/1.1\r\nHost: 127.0.0.1\r\n', 8000);
      log.push(`slow headers after ${Date.now() - started} ms -> ${reply.split('\r\n')[0] || '(nothing)'}`);
      return [];
    },
  },
  // Control routes.
  {
    name: 'control routes bad input',
    run: async (e) => {
      const problems: string[] = [];
      const requests: Array<[string, string, string, number[]]> = [
        ['POST', '/_emulator/seed', '{', [400]],
        ['POST', '/_emulator/seed', 'null', [400]],
        ['POST', '/_emulator/seed', '[]', [400]],
        ['POST', '/_emulator/seed', '"x"', [400]],
        ['POST', '/_emulator/seed', '{"catalogue": 5}', [400]],
        ['POST', '/_emulator/seed', '{"catalogue": [null]}', [400]],
        ['POST', '/_emulator/seed', '{"warehouses": "Default"}', [400]],
        ['POST', '/_emulator/switches', '{', [400]],
        ['POST', '/_emulator/switches', 'null', [400]],
        ['POST', '/_emulator/switches', '[1]', [400]],
        ['POST', '/_emulator/switches', '{"unknownWarehouse":"explode"}', [400]],
        ['POST', '/_emulator/switches', '{"noSuchSwitch":true}', [400]],
        ['POST', '/_emulator/switches', '{"maxLinesPerRequest":-1}', [400]],
        ['POST', '/_emulator/switches', '{"responseDelayMs":1e12}', [400]],
        ['POST', '/_emulator/switches', '{"allFailStatus":99}', [400]],
        ['POST', '/_emulator/switches', '{"unauthorizedStatus":"abc"}', [400]],
        ['POST', '/_emulator/switches', '{"__proto__":{"x":1}}', [200, 400]],
        ['POST', '/_emulator/faults', '{', [400]],
        ['POST', '/_emulator/faults', 'null', [400]],
        ['POST', '/_emulator/faults', '[{"at":"x"}]', [400]],
        ['POST', '/_emulator/faults', '{"faults":[{"at":1,"kind":"explode"}]}', [400]],
        ['POST', '/_emulator/clock', '{', [400]],
        ['POST', '/_emulator/clock', 'null', [400]],
        ['POST', '/_emulator/clock', '{"advanceMs":-1}', [400]],
        ['POST', '/_emulator/clock', '{"advanceMs":1e300}', [400]],
        ['POST', '/_emulator/clock', '{"nowMs":1e300}', [400]],
        ['GET', '/_emulator/reset', '', [404, 405]],
        ['DELETE', '/_emulator/seed', '', [404, 405]],
      ];
      for (const [method, target, body, expected] of requests) {
        problems.push(
          ...(
            await expectStatus(
              e,
              method,
              target,
              { 'Content-Type': 'application/json' },
              body || undefined,
              expected,
            )
          ).map((p) => `${method} ${target} ${body.slice(0, 40)}: ${p}`),
        );
      }
      const afterControl = await send(
        e,
        'POST',
        '/v2/bulk-inventory',
        jsonHeaders(e),
        oneLine(EXAMPLE_UPC, 4),
      );
      log.push(`bulk after control attacks -> ${describe(afterControl)} date=${afterControl.headers.date}`);
      if (afterControl.status !== 200)
        problems.push(`bulk request after control attacks: ${afterControl.status}`);
      return problems;
    },
  },
];

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const picked = filters.length === 0 ? cases : cases.filter((c) => filters.some((f) => c.name.includes(f)));
  const emulator = await startEmulator();
  console.log(`emulator at ${emulator.url}`);
  let findings = 0;
  for (const testCase of picked) {
    const started = Date.now();
    log.length = 0;
    let problems: string[];
    try {
      problems = await testCase.run(emulator);
    } catch (error) {
      problems = [`case threw: ${(error as Error).message}`];
    }
    const alive = emulator.child.exitCode === null && (await health(emulator)) !== null;
    if (!alive) problems.push('emulator down afterwards');
    if (problems.length > 0) findings++;
    console.log(
      `${problems.length === 0 ? 'ok     ' : 'FINDING'} ${testCase.name} (${Date.now() - started} ms) ${problems.join('; ')}`,
    );
    for (const line of log) console.log(`    ${line}`);
    if (!alive) break;
  }
  const errors = emulator.stderr();
  if (errors.trim() !== '') console.log(`--- emulator stderr (first 3000 chars)\n${errors.slice(0, 3000)}`);
  console.log(`\n${picked.length} cases, ${findings} with findings`);
  emulator.child.kill('SIGTERM');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
