/**
 * Markup in cells stays inert text in the sidebar and the grid, statuses never become formulas,
 * and a failing server call shows a readable message.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext } from 'playwright-core';
import { DEMO_TOKEN, endpointsBuilt, launchBrowser, openPreview, type Preview } from './harness';

const MARKUP = '<img src=x onerror=alert(1)>';
const FORMULA_TEXT = '=1+1';
const useStub = !endpointsBuilt();

let browser: BrowserContext;
let closeBrowser: () => Promise<void>;
let folder: string;
let workbookPath: string;

/** Writes a small sheet: one good row, a UPC cell with markup, a warehouse cell that looks like a formula. */
async function writeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Inventory');
  sheet.addRow(['UPC', 'Style #', 'Colour Code', 'Size', 'Qty Available', 'Warehouse']);
  sheet.addRow(['084567000017', 'SS27-TEE-01', '001', 'XS', 5, 'Default']);
  sheet.addRow([MARKUP, 'SS27-TEE-01', '001', 'S', 3, 'Default']);
  sheet.addRow(['084567000031', 'SS27-TEE-01', '001', 'M', 4, FORMULA_TEXT]);
  for (const column of [1, 2, 3, 4, 6]) sheet.getColumn(column).numFmt = '@';
  await workbook.xlsx.writeFile(file);
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'sidebar-safety-'));
  workbookPath = path.join(folder, 'markup.xlsx');
  await writeWorkbook(workbookPath);
  const launched = await launchBrowser();
  browser = launched.browser;
  closeBrowser = launched.close;
});

afterAll(async () => {
  await closeBrowser?.();
  rmSync(folder, { recursive: true, force: true });
});

async function openOnPush(): Promise<Preview> {
  const preview = await openPreview(browser, { file: workbookPath, stub: useStub });
  await preview.call('saveSettings', { token: DEMO_TOKEN });
  await preview.sidebar.goto(new URL('sidebar?screen=push', preview.url).href);
  await preview.sidebar.getByRole('button', { name: 'Validate' }).waitFor();
  return preview;
}

describe('cell markup', () => {
  let preview: Preview;

  beforeAll(async () => {
    preview = await openOnPush();
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('renders as text in the sidebar', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Validate' }).click();
    const summary = sidebar.getByTestId('validation-summary');
    await summary.waitFor();

    expect(await summary.textContent()).toContain(MARKUP);
    expect(await sidebar.locator('img').count()).toBe(0);
  });

  it('renders as text in the grid', async () => {
    const { page } = preview;

    await page.locator('#tabs button', { hasText: 'Inventory' }).click();
    const cell = page.locator('td[data-a1="A3"]');

    expect(await cell.textContent()).toBe(MARKUP);
    expect(await page.locator('#grid img').count()).toBe(0);
  });

  it('writes statuses as text, never formulas', async () => {
    const { sidebar, page } = preview;

    await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
    await sidebar.getByTestId('results').waitFor({ timeout: 60_000 });
    await page.locator('#tabs button', { hasText: 'Inventory' }).click();
    const row = page.locator('#grid tr').nth(4);
    const statusCell = row.locator('td').filter({ hasText: /^(Invalid|Failed|Sent)/ });
    await statusCell.first().waitFor();

    expect(await page.locator('td[data-a1="F4"]').textContent()).toBe(FORMULA_TEXT);
    expect(await statusCell.first().textContent()).toContain(FORMULA_TEXT);
    expect(await page.locator('td[data-formula]').count()).toBe(0);
  });

  it('fires no dialog', () => {
    expect(preview.dialogs).toEqual([]);
    expect(preview.pageErrors).toEqual([]);
  });
});

describe('failure handler', () => {
  let preview: Preview;

  beforeAll(async () => {
    preview = await openOnPush();
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('shows a server exception as a message', async () => {
    const { sidebar } = preview;
    await preview.failNext('validateSheet', 'Exception: Sheet "Inventory" was not found.');

    await sidebar.getByRole('button', { name: 'Validate' }).click();
    const error = sidebar.getByRole('alert');
    await error.waitFor();

    expect(await error.textContent()).toBe(
      'The server failed on validateSheet: Sheet "Inventory" was not found.',
    );
    expect(await sidebar.getByRole('button', { name: 'Validate' }).isEnabled()).toBe(true);
  });

  it('explains the multi-account authorisation error', async () => {
    const { sidebar } = preview;
    await preview.failNext('getSidebarState', 'Authorization is required to perform that action.');

    await sidebar.goto(new URL('sidebar', preview.url).href);
    const error = sidebar.getByRole('alert');
    await error.waitFor();

    expect(await error.textContent()).toContain('Sign out of the other Google accounts');
    expect(await error.textContent()).toContain('single account');
  });

  it('fires no dialog', () => {
    expect(preview.dialogs).toEqual([]);
  });
});
