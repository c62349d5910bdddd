// `npm run sidebar`: serves build/Sidebar.html in a 300 px frame beside a grid of the workbook,
// on 127.0.0.1 only. The sidebar's google.script.run calls reach the server functions through
// the preview server, so the whole flow can be clicked through in a browser.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SidebarBackend } from '../sidebar/backend';
import { snapshotWorkbook } from '../sidebar/grid';
import { injectShim, previewPage } from '../sidebar/page';

const ROOT = path.resolve(__dirname, '../..');

const EXAMPLE_WORKBOOK = path.join(ROOT, 'examples/inventory.xlsx');
const EXAMPLE_SETTINGS = path.join(ROOT, 'examples/settings.json');

/** Request bodies larger than this are rejected, because a sidebar call carries a few kilobytes. */
const MAX_BODY_BYTES = 1_000_000;

export interface SidebarServerOptions {
  backend: SidebarBackend;
  /** 0 picks a free port. */
  port: number;
  /** Saves the workbook here after every call, when set. */
  out?: string;
  /** Screen the sidebar opens on, as the server's `data-screen` attribute sets it. */
  startScreen?: string;
  /**
   * Enables `POST /test/fail-next` (the next call of one function fails with a given message)
   * and `POST /test/delay` (calls of one function wait a given number of milliseconds first).
   */
  testHooks?: boolean;
  log?: (line: string) => void;
}

export interface RunningSidebarServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

interface InjectedFailure {
  name: string;
  message: string;
}

/** Starts the preview server on 127.0.0.1. */
export async function startSidebarServer(options: SidebarServerOptions): Promise<RunningSidebarServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const failures: InjectedFailure[] = [];
  const delays = new Map<string, number>();
  // Calls queue here because the local runtime runs one execution at a time and is not re-entrant.
  let queue: Promise<unknown> = Promise.resolve();

  const runCall = async (
    name: string,
    args: unknown[],
  ): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> => {
    const injected = failures.findIndex((failure) => failure.name === name);
    if (injected >= 0) {
      const [failure] = failures.splice(injected, 1);
      return { ok: false, message: failure?.message ?? 'Injected failure' };
    }
    const delayMs = delays.get(name);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      const value = await options.backend.execute(name, args);
      if (options.out) await options.backend.save(options.out);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`call ${name} failed: ${message}`);
      return { ok: false, message };
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === '/') {
      return send(response, 200, 'text/html; charset=utf-8', previewPage(options.backend.workbook().name));
    }
    if (request.method === 'GET' && url.pathname === '/sidebar') {
      const html = await readFile(path.join(ROOT, 'build/Sidebar.html'), 'utf8');
      const screen = url.searchParams.get('screen') ?? options.startScreen;
      return send(response, 200, 'text/html; charset=utf-8', injectShim(html, screen ?? undefined));
    }
    if (request.method === 'GET' && url.pathname === '/grid') {
      return sendJson(response, 200, snapshotWorkbook(options.backend.workbook()));
    }
    if (request.method === 'POST' && url.pathname === '/rpc') {
      const body = (await readJson(request)) as { name?: unknown; args?: unknown };
      if (typeof body.name !== 'string' || !Array.isArray(body.args)) {
        log(`rejected ${request.method} ${url.pathname}: invalid body`);
        return sendJson(response, 400, {
          ok: false,
          message: 'Expected a JSON body { "name": string, "args": [] }.',
        });
      }
      const name = body.name;
      const args = body.args;
      const result = queue.then(() => runCall(name, args));
      queue = result.catch(() => undefined);
      return sendJson(response, 200, await result);
    }
    if (options.testHooks && request.method === 'POST' && url.pathname === '/test/fail-next') {
      const body = (await readJson(request)) as Partial<InjectedFailure>;
      if (typeof body.name !== 'string' || typeof body.message !== 'string') {
        log(`rejected ${request.method} ${url.pathname}: invalid body`);
        return sendJson(response, 400, {
          ok: false,
          message: 'Expected { "name": string, "message": string }.',
        });
      }
      failures.push({ name: body.name, message: body.message });
      return sendJson(response, 200, { ok: true });
    }
    if (options.testHooks && request.method === 'POST' && url.pathname === '/test/delay') {
      const body = (await readJson(request)) as { name?: unknown; ms?: unknown };
      if (typeof body.name !== 'string' || typeof body.ms !== 'number') {
        log(`rejected ${request.method} ${url.pathname}: invalid body`);
        return sendJson(response, 400, { ok: false, message: 'Expected { "name": string, "ms": number }.' });
      }
      delays.set(body.name, body.ms);
      return sendJson(response, 200, { ok: true });
    }
    return send(response, 404, 'text/plain; charset=utf-8', `Not found: ${request.method} ${url.pathname}`);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`request ${request.method} ${request.url} failed: ${message}`);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return {};
  }
}

const HELP = `Usage: npm run sidebar -- [options]

Serves the built sidebar beside a grid of the workbook on http://127.0.0.1.

  --file PATH       workbook to load, .xlsx or .csv (default examples/inventory.xlsx); never modified
  --out PATH        save the workbook here after every sidebar call (.xlsx or .csv)
  --port N          port on 127.0.0.1 (default 0: a free port)
  --tz ZONE         the spreadsheet's IANA time zone (default UTC)
  --locale LOCALE   the spreadsheet's locale (default en_US)
  --settings FILE   JSON settings: warehouse list, column mapping, options
                    (default examples/settings.json when --file is not given)
  --screen NAME     screen the sidebar opens on: home, push, validate, settings or schedule
  --stub            use the stand-in backend instead of the local runtime and the emulator
  --help            show this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      out: { type: 'string' },
      port: { type: 'string', default: '0' },
      tz: { type: 'string', default: 'UTC' },
      locale: { type: 'string', default: 'en_US' },
      settings: { type: 'string' },
      screen: { type: 'string' },
      stub: { type: 'boolean', default: false },
      'test-hooks': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}".`);
  }
  // The example workbook comes with its settings file, so a first run needs no flags.
  const file = path.resolve(values.file ?? EXAMPLE_WORKBOOK);
  const settingsFile = values.settings ?? (values.file === undefined ? EXAMPLE_SETTINGS : undefined);
  if (values.out && path.resolve(values.out) === file) {
    throw new Error(`--out must differ from --file (${file}): the input workbook is never modified.`);
  }

  if (!existsSync(path.join(ROOT, 'build/Sidebar.html')) || !existsSync(path.join(ROOT, 'build/Code.js'))) {
    throw new Error(
      'build/Sidebar.html or build/Code.js is missing. Run npm run build first, then start the preview again.',
    );
  }
  const { createBackend } = await import('../sidebar/create-backend');
  const backend = await createBackend({
    file,
    timeZone: values.tz,
    locale: values.locale,
    stub: values.stub,
    ...(settingsFile ? { settingsFile: path.resolve(settingsFile) } : {}),
  });
  const running = await startSidebarServer({
    backend,
    port,
    ...(values.out ? { out: path.resolve(values.out) } : {}),
    ...(values.screen ? { startScreen: values.screen } : {}),
    testHooks: values['test-hooks'],
  });
  console.log(`Sidebar preview: ${running.url}`);
  console.log(
    `Workbook: ${file}${values.out ? ` (saved to ${path.resolve(values.out)})` : ' (in memory only)'}`,
  );
  console.log(`Settings: ${settingsFile ? path.resolve(settingsFile) : 'none (the add-on defaults)'}`);
  console.log(`Backend: ${backend.describe()}`);
  console.log('Press Ctrl+C to stop.');

  const stop = async (): Promise<void> => {
    await running.close();
    await backend.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
