import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type RunningSidebarServer, startSidebarServer } from '../../local/cli/sidebar-server';
import { createStubBackend } from '../../local/sidebar/stub-backend';

const ROOT = path.resolve(__dirname, '../..');
const WORKBOOK = path.join(ROOT, 'examples/inventory.xlsx');
const hasSidebarBuild = (() => {
  try {
    readFileSync(path.join(ROOT, 'build/Sidebar.html'));
    return true;
  } catch {
    return false;
  }
})();

async function start(testHooks: boolean): Promise<RunningSidebarServer> {
  const backend = await createStubBackend(WORKBOOK, 'UTC', 'en_US');
  return startSidebarServer({ backend, port: 0, testHooks, startScreen: 'push', log: () => {} });
}

async function rpc(server: RunningSidebarServer, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL('rpc', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('sidebar preview server', () => {
  let server: RunningSidebarServer;

  beforeAll(async () => {
    server = await start(false);
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on loopback only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('returns a call result', async () => {
    const { json } = await rpc(server, { name: 'selectCell', args: ['0', 5, 2] });

    expect(json).toEqual({ ok: true, value: { ok: true, a1: 'B5' } });
  });

  it('returns a thrown error as a message', async () => {
    const { json } = await rpc(server, { name: 'noSuchFunction', args: [] });

    expect(json).toEqual({ ok: false, message: 'Script function not found: noSuchFunction' });
  });

  it('rejects a body without name and args', async () => {
    const { status } = await rpc(server, { name: 'selectCell' });

    expect(status).toBe(400);
  });

  it('marks the selected cell in the grid', async () => {
    await rpc(server, { name: 'selectCell', args: ['0', 7, 3] });
    const grid = (await (await fetch(new URL('grid', server.url))).json()) as { selection: unknown };

    expect(grid.selection).toEqual({ row: 7, column: 3, numRows: 1, numColumns: 1 });
  });

  it('keeps test hooks off by default', async () => {
    const response = await fetch(new URL('test/fail-next', server.url), { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
  });

  (hasSidebarBuild ? it : it.skip)('injects the shim and the start screen', async () => {
    const html = await (await fetch(new URL('sidebar', server.url))).text();

    expect(html).toContain("fetch('/rpc'");
    expect(html).toContain('<body data-screen="push"');
    expect(html.indexOf("fetch('/rpc'")).toBeLessThan(html.lastIndexOf('<script>'));
  });
});

describe('sidebar preview test hooks', () => {
  let server: RunningSidebarServer;

  beforeAll(async () => {
    server = await start(true);
  });

  afterAll(async () => {
    await server.close();
  });

  it('fails the next call once', async () => {
    await fetch(new URL('test/fail-next', server.url), {
      method: 'POST',
      body: JSON.stringify({ name: 'selectCell', message: 'Exception: boom' }),
    });

    const first = await rpc(server, { name: 'selectCell', args: ['0', 2, 1] });
    const second = await rpc(server, { name: 'selectCell', args: ['0', 2, 1] });

    expect(first.json).toEqual({ ok: false, message: 'Exception: boom' });
    expect(second.json).toEqual({ ok: true, value: { ok: true, a1: 'A2' } });
  });
});
