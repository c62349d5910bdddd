/**
 * Starts the sidebar preview server (with `--out` and `--test-hooks`) on 127.0.0.1 and opens it in
 * Debian's chromium, recording dialogs, page errors, console lines and every response body, so an
 * attack script can check afterwards what ran and what leaked.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { launchBrowser, ROOT } from '../../browser/harness';

export { launchBrowser, ROOT };

export interface AttackPreviewOptions {
  file: string;
  settings?: string;
  out?: string;
}

export interface AttackPreview {
  url: string;
  page: Page;
  sidebar: Frame;
  dialogs: string[];
  pageErrors: string[];
  consoleLines: string[];
  /** Bodies of every response the pages received, in order. */
  responses: string[];
  /** Everything the server process printed. */
  serverOutput(): string;
  /** Posts one call to the preview server's google.script.run bridge and returns its JSON answer. */
  rpc(name: string, args: unknown[]): Promise<{ ok: boolean; value?: unknown; message?: string }>;
  postJson(pathName: string, body: unknown): Promise<unknown>;
  close(): Promise<void>;
}

async function startServer(options: AttackPreviewOptions): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const args = ['--import', 'tsx', path.join(ROOT, 'local/cli/sidebar-server.ts'), '--port', '0', '--test-hooks'];
  args.push('--file', options.file);
  if (options.settings) args.push('--settings', options.settings);
  if (options.out) args.push('--out', options.out);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Sidebar preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`The preview server exited with code ${code}:\n${output}`));
    });
  });
  return { url, child, output: () => output };
}

export async function openAttackPreview(
  browser: BrowserContext,
  options: AttackPreviewOptions,
): Promise<AttackPreview> {
  const { url, child, output } = await startServer(options);
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const consoleLines: string[] = [];
  const responses: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('response', (response) => {
    response
      .text()
      .then((body) => responses.push(body))
      .catch(() => undefined);
  });
  await page.goto(url);
  const frameElement = await page.waitForSelector('iframe#sidebar');
  const sidebar = await frameElement.contentFrame();
  if (!sidebar) throw new Error('The sidebar frame did not load.');

  const postJson = async (pathName: string, body: unknown): Promise<unknown> => {
    const response = await fetch(new URL(pathName, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { status: response.status, text };
    }
  };

  return {
    url,
    page,
    sidebar,
    dialogs,
    pageErrors,
    consoleLines,
    responses,
    serverOutput: output,
    rpc: (name, args) => postJson('/rpc', { name, args }) as Promise<{ ok: boolean; value?: unknown; message?: string }>,
    postJson,
    async close() {
      await page.close();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
