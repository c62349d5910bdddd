/**
 * Starts `npm run sidebar` (the preview server) in a child process and Debian's chromium through
 * playwright-core, both on loopback only, and records every JavaScript dialog the pages open.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'docs/screenshots');
export const DEMO_TOKEN = 'demo-token-not-a-secret-0000';

/** Returns true when build/Code.js declares the sidebar endpoints, so the local runtime can run them. */
export function endpointsBuilt(): boolean {
  try {
    return /function getSidebarState\(/.test(readFileSync(path.join(ROOT, 'build/Code.js'), 'utf8'));
  } catch {
    return false;
  }
}

export interface PreviewOptions {
  file?: string;
  settings?: string;
  stub?: boolean;
  screen?: string;
}

export interface Preview {
  url: string;
  page: Page;
  sidebar: Frame;
  /** Messages of every alert, confirm or prompt the pages opened. */
  dialogs: string[];
  /** Errors thrown by page scripts. */
  pageErrors: string[];
  /** Makes the next call of `name` fail with `message`, as a server exception would. */
  failNext(name: string, message: string): Promise<void>;
  /** Makes every later call of `name` wait `ms` milliseconds, so a progress state can be seen. */
  delay(name: string, ms: number): Promise<void>;
  /** Calls a server function directly, as the sidebar would. */
  call(name: string, ...args: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches chromium with a fresh profile. Playwright takes the profile folder as the
 * persistent context's directory, which passes `--user-data-dir` to chromium.
 */
export async function launchBrowser(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'sidebar-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 900 },
  });
  // Only the preview servers on loopback may be reached: anything else is aborted.
  await browser.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === '127.0.0.1') return route.continue();
    return route.abort();
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function startServer(options: PreviewOptions): Promise<{ url: string; child: ChildProcess }> {
  const args = [
    '--import',
    'tsx',
    path.join(ROOT, 'local/cli/sidebar-server.ts'),
    '--port',
    '0',
    '--test-hooks',
  ];
  if (options.file) args.push('--file', options.file);
  if (options.settings) args.push('--settings', options.settings);
  if (options.stub) args.push('--stub');
  if (options.screen) args.push('--screen', options.screen);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The preview server did not start in 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Sidebar preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The preview server exited with code ${code}:\n${output}`));
    });
  });
  return { url, child };
}

export async function openPreview(browser: BrowserContext, options: PreviewOptions = {}): Promise<Preview> {
  const { url, child } = await startServer(options);
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  const frameElement = await page.waitForSelector('iframe#sidebar');
  const sidebar = await frameElement.contentFrame();
  if (!sidebar) throw new Error('The sidebar frame did not load.');

  const post = async (pathName: string, body: unknown): Promise<unknown> => {
    const response = await fetch(new URL(pathName, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.json();
  };

  return {
    url,
    page,
    sidebar,
    dialogs,
    pageErrors,
    async failNext(name, message) {
      await post('/test/fail-next', { name, message });
    },
    async delay(name, ms) {
      await post('/test/delay', { name, ms });
    },
    async call(name, ...args) {
      const answer = (await post('/rpc', { name, args })) as {
        ok: boolean;
        value?: unknown;
        message?: string;
      };
      if (!answer.ok) throw new Error(answer.message);
      return answer.value;
    },
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

/**
 * Takes a screenshot of the sidebar frame alone: the 300 px panel a Sheets user works in. It is
 * saved under docs/screenshots only when UPDATE_SCREENSHOTS=1, because the clock times in it
 * change on every run and would otherwise leave the tree modified.
 */
export async function screenshotSidebar(preview: Preview, name: string): Promise<void> {
  const frame = await preview.page.$('iframe#sidebar');
  if (!frame) throw new Error('The sidebar frame is missing.');
  const update = process.env.UPDATE_SCREENSHOTS === '1';
  await frame.screenshot(update ? { path: path.join(SCREENSHOT_DIR, `${name}.png`) } : {});
}
