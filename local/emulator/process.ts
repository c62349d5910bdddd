/**
 * Starts the emulator in a child process. The local Apps Script runtime blocks its thread on every
 * synchronous UrlFetch call, so an emulator inside the same process would never respond.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EmulatorClient } from './client';
import type { EmulatorSeed } from './seed-types';
import type { Switches } from './switches';

export interface SpawnOptions {
  /** Seed object, or the path of a seed JSON file. Default as `npm run emulator`. */
  seed?: EmulatorSeed | string;
  switches?: Partial<Switches>;
  /** Port on 127.0.0.1; 0 or absent picks a free port. */
  port?: number;
  /** Passes `--verbose` and forwards the child's stderr to this process's stderr. */
  verbose?: boolean;
  /** Time to wait for the child to listen, in milliseconds. Default 20000. */
  startTimeoutMs?: number;
}

export interface EmulatorHandle {
  url: string;
  /** Raw API token of the seeded account; clients send `OAuth2 base64(token)`. */
  token: string;
  accountId: string;
  control: EmulatorClient;
  /** Sends SIGTERM and waits for the child to exit (SIGKILL after 5 s). */
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, '../..');
const MAIN_FILE = join(__dirname, 'main.ts');

export async function spawnEmulator(options: SpawnOptions = {}): Promise<EmulatorHandle> {
  const tempDir = mkdtempSync(join(tmpdir(), 'joor-emulator-'));
  const args = ['--import', 'tsx', MAIN_FILE, '--port', String(options.port ?? 0), '--stop-on-stdin-close'];
  if (typeof options.seed === 'string') args.push('--seed', options.seed);
  if (typeof options.seed === 'object') {
    const seedFile = join(tempDir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(options.seed));
    args.push('--seed', seedFile);
  }
  if (options.switches) args.push('--switches', JSON.stringify(options.switches));
  if (options.verbose) args.push('--verbose');

  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const removeTempDir = () => rmSync(tempDir, { recursive: true, force: true });
  try {
    const started = await waitForStartup(child, options.startTimeoutMs ?? 20_000, options.verbose === true);
    // A caller that never calls stop() can still exit, because the child stops itself when its stdin ends.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as Socket | null)?.unref();
    return {
      ...started,
      control: new EmulatorClient(started.url),
      stop: () => stopChild(child).finally(removeTempDir),
    };
  } catch (error) {
    child.kill('SIGKILL');
    removeTempDir();
    throw error;
  }
}

function waitForStartup(
  child: ChildProcess,
  timeoutMs: number,
  forwardStderr: boolean,
): Promise<{ url: string; token: string; accountId: string }> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`JOOR emulator child process ${reason}. Its stderr:\n${stderr}`));
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (forwardStderr) process.stderr.write(chunk);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /JOOR emulator listening on (\S+)/.exec(stdout)?.[1];
      const token = /Demo token: (\S+)/.exec(stdout)?.[1];
      const accountId = /Account: (\S+)/.exec(stdout)?.[1];
      if (url && token && accountId) {
        clearTimeout(timer);
        resolvePromise({ url, token, accountId });
      }
    });
    child.once('error', (error) => fail(`could not be spawned: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited early with code ${code} (signal ${signal})`));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}
