/**
 * HTTP server for the JOOR emulator, bound to 127.0.0.1 only. Routes under `/_emulator/` are test
 * hooks that need no token; everything else is the emulated JOOR API.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoSeed } from './demo-seed';
import { Emulator, type IncomingRequest } from './emulator';
import type { EmulatorSeed } from './seed-types';
import type { Switches } from './switches';

export interface EmulatorOptions {
  /** Seed to load; default the built-in demo seed. */
  seed?: EmulatorSeed;
  switches?: Partial<Switches>;
  /** Port on 127.0.0.1; 0 or absent picks a free port. */
  port?: number;
  /** Logs one line per request (method, path, status, lines, ms) through `log`. Never the token. */
  verbose?: boolean;
  /** Log sink for verbose lines and caught errors; default stderr. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  token: string;
  accountId: string;
  close(): Promise<void>;
}

/** Largest request body read, in bytes; JOOR documents no limit, and UrlFetch payloads stop at 50 MB. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = new Emulator(options.seed ?? createDemoSeed(), options.switches ?? {});
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server = createServer((request, response) => {
    handleHttp(emulator, request, response, options.verbose === true, log).catch((error: unknown) => {
      log(
        `emulator: request ${request.method} ${request.url?.split('?')[0]} failed: ${(error as Error).stack ?? error}`,
      );
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Emulator error; see the emulator log');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token: emulator.token,
    accountId: emulator.accountId,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handleHttp(
  emulator: Emulator,
  request: IncomingMessage,
  response: ServerResponse,
  verbose: boolean,
  log: (line: string) => void,
): Promise<void> {
  const startedMs = Date.now();
  const body = await readBody(request);
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = (request.method ?? 'GET').toUpperCase();
  emulator.observeClockHeader(request.headers);

  if (url.pathname.startsWith('/_emulator/')) {
    if (!isLoopback(request.socket.remoteAddress)) {
      sendJson(response, 403, {
        error: { code: 'FORBIDDEN', message: 'Emulator control routes accept loopback clients only' },
      });
      return;
    }
    const result = emulator.handleControl(
      method,
      url.pathname.slice('/_emulator/'.length),
      body,
      url.searchParams,
    );
    sendJson(response, result.status, result.json);
    return;
  }

  const segments = decodeSegments(url.pathname);
  if (segments === null) {
    sendJson(response, 400, {
      error: { code: 'INVALID_PATH', message: `Path ${url.pathname} has an invalid percent-encoding` },
    });
    return;
  }
  const incoming: IncomingRequest = {
    method,
    rawPath: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    body,
  };
  const outcome = emulator.handleApi(incoming, segments);
  // A client on the virtual clock (it sends X-Emulator-Clock) is told the delay instead of
  // waiting for it, so slow-server tests run in test time; it adds the delay to its clock.
  const virtualDelay =
    outcome.delayMs > 0 && outcome.kind !== 'drop' && request.headers['x-emulator-clock'] !== undefined;
  if (outcome.delayMs > 0 && !virtualDelay)
    await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));

  if (outcome.kind === 'drop') {
    request.socket.destroy();
  } else {
    // The Date header follows the emulator clock, so it agrees with an HTTP-date Retry-After.
    response.sendDate = false;
    response.writeHead(outcome.status, {
      ...outcome.headers,
      ...(virtualDelay ? { 'X-Emulator-Delay-Ms': String(outcome.delayMs) } : {}),
      Date: new Date(emulator.clock.now()).toUTCString(),
      'Content-Type': outcome.body.contentType,
    });
    response.end(outcome.body.text);
  }
  if (verbose) {
    const status = outcome.kind === 'drop' ? 'dropped' : String(outcome.status);
    log(`${method} ${url.pathname} ${status} lines=${outcome.lineCount ?? '-'} ${Date.now() - startedMs}ms`);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body exceeds ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Splits a path into decoded segments, so an encoded slash stays inside its segment. Ignores one trailing slash. */
function decodeSegments(pathname: string): string[] | null {
  const parts = pathname.split('/').slice(1);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function sendJson(response: ServerResponse, status: number, json: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(json));
}
