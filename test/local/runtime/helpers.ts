// Shared setup for the runtime tests: a temporary bundle folder and a child-process HTTP server.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createVirtualClock, type VirtualClock } from '../../../local/runtime/clock';
import { Execution, type ExecutionSettings } from '../../../local/runtime/execution';

/** Writes `files` (name → content) into a new temporary folder and returns its path. */
export function writeBundle(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'runtime-bundle-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

export function removeBundle(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface TestServer {
  baseUrl: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts fixtures/test-server.cjs in a child process on 127.0.0.1. */
export function startTestServer(): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'fixtures/test-server.cjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`test server exited with code ${code} before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\d+)/.exec(output);
      if (match === null) return;
      const port = Number(match[1]);
      resolve({
        port,
        baseUrl: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Creates an execution for testing one fake on its own, on a fresh virtual clock. */
export function createTestExecution(
  settings: Partial<ExecutionSettings> = {},
  clock: VirtualClock = createVirtualClock(Date.UTC(2025, 0, 1)),
): Execution {
  return new Execution(
    clock,
    {
      kind: 'cli',
      authMode: 'FULL',
      limitMs: 360_000,
      ungrantedScopes: new Set(),
      hasUi: true,
      onLog: () => {},
      ...settings,
    },
    {},
  );
}
