/**
 * Clicks through settings → validate → preview → push → results → overwrite in the sidebar
 * preview on the example workbook. The steps share one preview server, so they run in order.
 */

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
let closeBrowser: () => Promise<void>;
let preview: Preview;

beforeAll(async () => {
  const launched = await launchBrowser();
  closeBrowser = launched.close;
  preview = await openPreview(launched.browser, {
    stub: useStub,
    settings: `${ROOT}/examples/settings.json`,
  });
});

afterAll(async () => {
  await preview?.close();
  await closeBrowser?.();
});

describe('sidebar flow', () => {
  it('opens on settings without a token', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('tab', { name: 'Settings' }).waitFor();

    expect(await sidebar.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
    expect(await sidebar.getByTestId('token-mask').textContent()).toBe('No token saved.');
  });

  it('saves the token and shows it masked', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Add token' }).click();
    await sidebar.getByLabel('New API token').fill(DEMO_TOKEN);
    await sidebar.getByRole('button', { name: 'Save token' }).click();
    const mask = sidebar.getByTestId('token-mask');
    await mask.waitFor();

    const text = (await mask.textContent()) ?? '';
    expect(text).not.toContain(DEMO_TOKEN);
    expect(text.endsWith(DEMO_TOKEN.slice(-4))).toBe(true);
    expect(await sidebar.getByRole('button', { name: 'Replace' }).isVisible()).toBe(true);
  });

  it('checks the connection', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Check connection' }).click();
    const message = sidebar.locator('.message.info');
    await message.filter({ hasNotText: 'Checking' }).waitFor();

    expect(await sidebar.locator('.message.error').count()).toBe(0);
  });

  it('adds a warehouse only after confirmation', async () => {
    const { sidebar } = preview;

    await sidebar.getByLabel('New warehouse').fill('Outlet East');
    await sidebar.getByRole('button', { name: 'Add…' }).click();
    const list = sidebar.getByTestId('warehouse-list');
    const before = await list.textContent();
    await sidebar.getByRole('button', { name: 'Confirm' }).click();
    await list.getByText('Outlet East').waitFor();

    expect(before).not.toContain('Outlet East');
    expect(await list.textContent()).toContain('Outlet East');
    await screenshotSidebar(preview, 'settings');
  });

  it('rejects items per request of zero', async () => {
    const { sidebar } = preview;

    await sidebar.getByTestId('items-per-request').fill('0');
    await sidebar.getByRole('button', { name: 'Save request settings' }).click();

    expect(await sidebar.getByRole('alert').textContent()).toBe(
      'Items per request must be a whole number of 1 or more, got "0".',
    );
  });

  it('saves items per request', async () => {
    const { sidebar } = preview;

    await sidebar.getByTestId('items-per-request').fill('150');
    await sidebar.getByRole('button', { name: 'Save request settings' }).click();
    await sidebar.getByText(/Request settings saved/).waitFor();
    const saved = (await preview.call('getSidebarState')) as {
      state: { settings: { itemsPerRequest: number } };
    };

    expect(saved.state.settings.itemsPerRequest).toBe(150);
  });

  it('validates and selects a clicked row', async () => {
    const { sidebar, page } = preview;

    await sidebar.getByRole('tab', { name: 'Push' }).click();
    await sidebar.getByRole('button', { name: 'Validate' }).click();
    const summary = sidebar.getByTestId('validation-summary');
    await summary.waitFor();
    const firstRow = summary.locator('.row-link').first();
    const rowLabel = (await firstRow.locator('.row-number').textContent()) ?? '';
    await firstRow.click();
    const selected = page.locator('td.selected');
    await selected.waitFor();

    expect(await summary.locator('details.group').count()).toBeGreaterThan(0);
    expect(await selected.getAttribute('data-a1')).toMatch(
      new RegExp(`^[A-Z]+${rowLabel.replace('Row ', '')}$`),
    );
    await screenshotSidebar(preview, 'validate');
  });

  it('previews the plan and the changes', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Preview' }).click();
    const plan = sidebar.getByTestId('plan');
    await plan.waitFor();

    expect(await plan.textContent()).toMatch(/valid rows? in \d+ requests?/);
    expect(await sidebar.getByTestId('preview').textContent()).toContain('SKUs new');
    await screenshotSidebar(preview, 'preview');
  });

  it('pushes with a progress bar', async () => {
    const { sidebar } = preview;
    // One server call can finish a small push, so the first call is slowed to show progress.
    await preview.delay('startPush', 2000);

    await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
    const progress = sidebar.getByTestId('progress');
    await progress.waitFor();

    expect(await progress.locator('progress').isVisible()).toBe(true);
    expect(await sidebar.getByRole('button', { name: 'Cancel push' }).isEnabled()).toBe(true);
    expect(await sidebar.getByRole('button', { name: 'Validate' }).isDisabled()).toBe(true);
  });

  it('shows results with counts', async () => {
    const { sidebar } = preview;

    const results = sidebar.getByTestId('results');
    await results.waitFor({ timeout: 60_000 });
    await preview.delay('startPush', 0);
    const sent = Number(await results.locator('[data-status="sent"] dd').textContent());

    expect(sent).toBeGreaterThan(0);
    expect(Number(await results.locator('[data-status="invalid"] dd').textContent())).toBeGreaterThan(0);
    await screenshotSidebar(preview, 'results');
  });

  it('asks for OVERWRITE before an overwrite', async () => {
    const { sidebar } = preview;

    await sidebar.getByTestId('overwrite').check();
    await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
    const panel = sidebar.getByTestId('overwrite-confirmation');
    await panel.waitFor();
    const confirm = panel.getByRole('button', { name: 'Overwrite account inventory' });
    const disabledAtFirst = await confirm.isDisabled();
    await panel.getByTestId('overwrite-input').fill('overwrite');
    const disabledForLowerCase = await confirm.isDisabled();
    const acceptDropped = panel.getByLabel(/will be left out and so wiped/);
    if ((await acceptDropped.count()) > 0) await acceptDropped.check();
    await panel.getByTestId('overwrite-input').fill('OVERWRITE');

    expect(disabledAtFirst).toBe(true);
    expect(disabledForLowerCase).toBe(true);
    expect(await panel.textContent()).toContain('whole account');
    expect(await panel.getByTestId('missing-count').textContent()).toMatch(/SKU/);
    expect(await panel.getByRole('button', { name: 'Replace from sheet instead' }).isVisible()).toBe(true);
    expect(await confirm.isEnabled()).toBe(true);
    await screenshotSidebar(preview, 'overwrite-confirmation');
  });

  it('pushes after the overwrite is confirmed', async () => {
    const { sidebar } = preview;

    await sidebar.getByRole('button', { name: 'Overwrite account inventory' }).click();
    const results = sidebar.getByTestId('results');
    await results.waitFor({ timeout: 60_000 });

    expect(await results.locator('[data-status="sent"] dd').textContent()).toMatch(/^\d+$/);
  });

  it('opens no dialog', () => {
    expect(preview.dialogs).toEqual([]);
    expect(preview.pageErrors).toEqual([]);
  });
});
