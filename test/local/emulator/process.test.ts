import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type EmulatorHandle, spawnEmulator } from '../../../local/emulator/process';
import type { Switches } from '../../../local/emulator/switches';
import { createTestSeed, push, UPC } from './helpers';

const REPO_ROOT = resolve(__dirname, '../../..');

describe('spawnEmulator', () => {
  let handle: EmulatorHandle;

  beforeAll(async () => {
    handle = await spawnEmulator({ seed: createTestSeed(), switches: { fanOut: 2 } });
  });
  afterAll(() => handle.stop());

  test('listens on loopback with the seed token and account', () => {
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(handle.token).toBe(createTestSeed().token);
    expect(handle.accountId).toBe('4821');
  });

  test('applies the switches given', async () => {
    expect((await handle.control.switches()).fanOut).toBe(2);
  });

  test('stores a pushed line', async () => {
    const result = await push(handle.url, [{ upc: UPC.teeS, inventory: 4 }]);
    expect(result.json.sku_count).toBe(2);
    const { positions } = await handle.control.positions();
    expect(positions.find((position) => position.upc === UPC.teeS)?.quantity).toBe(4);
  });
});

describe('npm run emulator entry point', () => {
  test('stop() ends the child process', async () => {
    const handle = await spawnEmulator({ seed: createTestSeed() });
    await handle.stop();
    await expect(handle.control.health()).rejects.toThrow();
  });

  test('seed and switches files are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-test-'));
    const seedFile = join(dir, 'seed.json');
    const switchesFile = join(dir, 'switches.json');
    writeFileSync(seedFile, JSON.stringify(createTestSeed()));
    writeFileSync(switchesFile, JSON.stringify({ unknownWarehouse: 'phantom' }));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'local/emulator/main.ts', '--seed', seedFile, '--switches', switchesFile],
      {
        cwd: REPO_ROOT,
      },
    );
    const output = await new Promise<string>((resolvePromise) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('Account:')) resolvePromise(text);
      });
    });
    const url = /listening on (\S+)/.exec(output)?.[1] ?? '';
    const switches = (await (await fetch(`${url}/_emulator/switches`)).json()) as Switches;
    const exited = new Promise<number | null>((resolvePromise) =>
      child.once('exit', (code) => resolvePromise(code)),
    );
    child.kill('SIGINT');
    expect(output).toContain(`Demo token: ${createTestSeed().token}`);
    expect(switches.unknownWarehouse).toBe('phantom');
    expect(await exited).toBe(0);
  });

  test('child stops when its parent exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-test-'));
    const script = join(dir, 'forget-stop.ts');
    const processModule = join(REPO_ROOT, 'local/emulator/process.ts');
    writeFileSync(
      script,
      `import { spawnEmulator } from ${JSON.stringify(processModule)};\n` +
        'spawnEmulator({}).then((handle) => process.stdout.write(handle.url));\n',
    );
    const parent = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT });
    let url = '';
    parent.stdout.on('data', (chunk: Buffer) => {
      url += chunk.toString();
    });
    const code = await new Promise<number | null>((resolvePromise) =>
      parent.once('exit', (exitCode) => resolvePromise(exitCode)),
    );
    expect(code).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await waitUntilRefused(`${url}/_emulator/health`, 5000)).toBe(true);
  });

  test('invalid switch exits with a message', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'local/emulator/main.ts', '--switches', '{"fanOut": 0}'],
      { cwd: REPO_ROOT },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolvePromise) =>
      child.once('exit', (exitCode) => resolvePromise(exitCode)),
    );
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid value 0 for switch "fanOut"');
  });
});

/** Polls `url` until the connection is refused; returns false if it still responds after `timeoutMs`. */
async function waitUntilRefused(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
    } catch {
      return true;
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
  return false;
}
