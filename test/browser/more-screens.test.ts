/**
 * Screens beyond the main flow: choosing between two quantity columns, waiting for JOOR's credit
 * window and cancelling, retrying failed rows, the schedule panel and keyboard use of the tabs.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext } from 'playwright-core';
import {
  DEMO_TOKEN,
  endpointsBuilt,
  launchBrowser,
  openPreview,
  type Preview,
  ROOT,
  screenshotSidebar,
} from './harness';

const useStub = !endpointsBuilt();

let browser: BrowserContext;
let closeBrowser: () => Promise<void>;
let folder: string;

async function writeTwoQuantityColumns(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Inventory');
  sheet.addRow(['UPC', 'Qty', 'Quantity', 'Warehouse']);
  sheet.addRow(['084567000017', 5, 6, 'Default']);
  sheet.addRow(['084567000024', 7, 8, 'Default']);
  sheet.getColumn(1).numFmt = '@';
  await workbook.xlsx.writeFile(file);
}

async function openOn(screen: string, options: { file?: string; settings?: string } = {}): Promise<Preview> {
  const preview = await openPreview(browser, { ...options, stub: useStub });
  await preview.call('saveSettings', { token: DEMO_TOKEN });
  await preview.sidebar.goto(new URL(`sidebar?screen=${screen}`, preview.url).href);
  await preview.sidebar.getByRole('tab', { name: 'Push' }).waitFor();
  return preview;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'sidebar-screens-'));
  const launched = await launchBrowser();
  browser = launched.browser;
  closeBrowser = launched.close;
});

afterAll(async () => {
  await closeBrowser?.();
  rmSync(folder, { recursive: true, force: true });
});

describe('column choice', () => {
  let preview: Preview;

  beforeAll(async () => {
    const file = path.join(folder, 'two-quantities.xlsx');
    await writeTwoQuantityColumns(file);
    preview = await openOn('push', { file });
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('offers both candidate columns', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Validate' }).click();
    const choice = sidebar.getByTestId('column-choice');
    await choice.waitFor();
    const options = await choice.locator('option').allTextContents();

    expect(options).toEqual(['Qty', 'Quantity']);
  });

  it('validates again with the chosen column', async () => {
    const { sidebar } = preview;

    await sidebar.getByTestId('column-choice').selectOption('Quantity');
    await sidebar.getByRole('button', { name: 'Use this column' }).click();
    await sidebar.getByTestId('column-choice').waitFor({ state: 'detached' });
    const summary = sidebar.getByTestId('validation-summary');

    const columns = (await preview.call('getColumns', '0')) as {
      columns: Array<{ header: string; field?: string }>;
    };

    expect(await summary.locator('.count-valid dd').textContent()).toBe('2');
    expect(columns.columns.find((column) => column.header === 'Quantity')?.field).toBe('quantity');
  });
});

describe('start screen', () => {
  it('validates at once on the validate screen', async () => {
    const preview = await openOn('validate', { settings: `${ROOT}/examples/settings.json` });
    try {
      const summary = preview.sidebar.getByTestId('validation-summary');
      await summary.waitFor();

      expect(await preview.sidebar.getByRole('tab', { name: 'Push' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      expect(await summary.locator('.count-valid dd').textContent()).toMatch(/^\d+$/);
    } finally {
      await preview.close();
    }
  });
});

describe('credit window wait', () => {
  let preview: Preview;

  beforeAll(async () => {
    // One item per request uses up JOOR's 60 requests per window long before the sheet ends.
    const settings = path.join(folder, 'one-item-per-request.json');
    writeFileSync(
      settings,
      JSON.stringify({ warehouses: ['Default', 'Spring 2027 Future'], itemsPerRequest: 1 }),
    );
    preview = await openOn('push', { settings });
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('shows progress while waiting', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
    const wait = sidebar.getByTestId('progress-wait');
    await wait.filter({ hasText: "Waiting for JOOR's next credit window" }).waitFor({ timeout: 60_000 });
    const bar = sidebar.getByTestId('progress').locator('progress');
    await screenshotSidebar(preview, 'push-progress');

    expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('max'))).toBeGreaterThan(Number(await bar.getAttribute('value')));
    expect(await sidebar.getByTestId('progress-text').textContent()).toMatch(/request \d+ of \d+/);
  });

  it('cancels during the wait', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Cancel push' }).click();
    const results = sidebar.getByTestId('results');
    await results.waitFor({ timeout: 60_000 });

    expect(await results.getByRole('heading').textContent()).toBe('Push cancelled');
    expect(Number(await results.locator('[data-status="not_sent"] dd').textContent())).toBeGreaterThan(0);
    expect(await results.getByRole('button', { name: /^Retry failed rows only/ }).isVisible()).toBe(true);
  });
});

describe('retry and schedule', () => {
  let preview: Preview;

  beforeAll(async () => {
    preview = await openOn('push', { settings: `${ROOT}/examples/settings.json` });
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('retries only the failed rows', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
    const retry = sidebar.getByRole('button', { name: /^Retry failed rows only/ });
    await retry.waitFor({ timeout: 60_000 });
    const sentFirst = Number(await sidebar.locator('[data-status="sent"] dd').textContent());
    const retryCount = Number(/\((\d+)\)/.exec((await retry.textContent()) ?? '')?.[1]);
    await retry.click();
    await sidebar.getByTestId('progress').waitFor({ state: 'detached', timeout: 60_000 });
    const results = sidebar.getByTestId('results');
    await results.waitFor();
    const countOf = async (status: string): Promise<number> => {
      const cell = results.locator(`[data-status="${status}"] dd`);
      return (await cell.count()) === 0 ? 0 : Number(await cell.textContent());
    };
    const handledAgain =
      (await countOf('sent')) + (await countOf('failed')) + (await countOf('not_confirmed'));

    expect(sentFirst).toBeGreaterThan(0);
    expect(retryCount).toBeGreaterThan(0);
    expect(handledAgain).toBe(retryCount);
    expect(await countOf('invalid')).toBe(0);
  });

  it('saves a daily schedule with its hour', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('tab', { name: 'Schedule' }).click();
    await sidebar.getByTestId('interval').selectOption('daily');
    await sidebar.getByTestId('hour').selectOption('7');
    await sidebar.getByRole('button', { name: 'Save schedule' }).click();
    await sidebar.locator('.message.info, .message.error').first().waitFor();
    await sidebar.getByTestId('interval').waitFor();

    await screenshotSidebar(preview, 'schedule');

    expect(await sidebar.locator('.message.error').count()).toBe(0);
    expect(await sidebar.getByTestId('interval').inputValue()).toBe('daily');
    expect(await sidebar.getByTestId('hour').inputValue()).toBe('7');
  });

  it('turns the schedule off', async () => {
    const { sidebar } = preview;

    await sidebar.getByTestId('interval').selectOption('off');
    await sidebar.getByRole('button', { name: 'Save schedule' }).click();
    await sidebar.getByText('Schedule turned off.').waitFor();

    expect(await sidebar.getByTestId('interval').inputValue()).toBe('off');
  });

  it('moves between tabs with arrow keys', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('tab', { name: 'Schedule' }).focus();
    await sidebar.locator('body').press('ArrowRight');

    expect(await sidebar.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
    expect(await sidebar.locator(':focus').textContent()).toBe('Settings');
  });

  it('opens no dialog', () => {
    expect(preview.dialogs).toEqual([]);
    expect(preview.pageErrors).toEqual([]);
  });
});
