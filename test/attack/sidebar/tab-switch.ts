/**
 * Switches tabs in the middle of a push, then uses the "Continue the push" button the push screen
 * offers, and checks that each batch is sent once: the run must not send more requests or rows
 * than a push left alone.
 *
 * Run: node --import tsx test/attack/sidebar/tab-switch.ts [screenshot-folder]
 */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_TOKEN } from '../../browser/harness';
import { launchBrowser, openAttackPreview, ROOT } from './preview';

async function main(): Promise<void> {
  const shots = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), 'sidebar-tabs-shots-'));
  mkdirSync(shots, { recursive: true });
  const folder = mkdtempSync(path.join(tmpdir(), 'sidebar-tabs-'));
  const settings = path.join(folder, 'settings.json');
  // Ten items per request gives 37 requests for the example sheet, under JOOR's 60 per 5 minutes.
  writeFileSync(settings, JSON.stringify({ warehouses: ['Default', 'Spring 2027 Future'], itemsPerRequest: 10 }));
  const { browser, close } = await launchBrowser();
  const preview = await openAttackPreview(browser, { file: path.join(ROOT, 'examples/inventory.xlsx'), settings });
  const { sidebar, page } = preview;
  let failed = false;
  try {
    await preview.rpc('saveSettings', [{ token: DEMO_TOKEN }]);
    await preview.postJson('/test/delay', { name: 'continuePush', ms: 1500 });
    await sidebar.goto(new URL('sidebar?screen=push', preview.url).href);
    await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
    await sidebar.getByTestId('progress').waitFor({ timeout: 30_000 });

    await sidebar.getByRole('tab', { name: 'Settings' }).click();
    await page.waitForTimeout(300);
    await sidebar.getByRole('tab', { name: 'Push' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'tabs-after-switch.png') });
    const resume = sidebar.getByRole('button', { name: 'Continue the push' });
    const offered = await resume.isVisible().catch(() => false);
    console.log(`INFO after the tab switch: progress visible ${await sidebar.getByTestId('progress').isVisible().catch(() => false)}, continue offered ${offered}`);
    if (offered) await resume.click();
    // Wait for the run to end on the server, whatever the sidebar shows.
    for (let waited = 0; waited < 240; waited += 2) {
      const log = (await preview.rpc('getRunLog', [5])) as { value: { runs: Array<{ outcome: string }> } };
      if (log.value.runs[0] && log.value.runs[0].outcome !== 'running') break;
      await page.waitForTimeout(2000);
    }
    console.log(`INFO results panel visible after the run ended: ${await sidebar.getByTestId('results').isVisible().catch(() => false)}`);
    // The first loop, started before the tab switch, may still be running in the background.
    await page.waitForTimeout(15_000);
    await page.screenshot({ path: path.join(shots, 'tabs-results.png') });

    const grid = (await (await fetch(new URL('grid', preview.url))).json()) as {
      sheets: Array<{ name: string; rows: Array<Array<{ text: string }>> }>;
    };
    const syncLog = grid.sheets.find((sheet) => sheet.name === 'JOOR Sync Log');
    const header = syncLog?.rows[0]?.map((cell) => cell.text) ?? [];
    for (const row of syncLog?.rows.slice(1) ?? []) {
      const entry = Object.fromEntries(header.map((name, index) => [name, row[index]?.text ?? '']));
      console.log(`INFO sync log: ${JSON.stringify(entry)}`);
      const requests = Number(entry.Requests);
      const lines = Number(entry['Lines sent']);
      if (requests > 37 || lines > 365) {
        failed = true;
        console.log(`FAIL run ${entry['Run id']} sent ${requests} requests and ${lines} lines; a push left alone sends 37 and 365`);
      }
    }
    console.log(`INFO dialogs ${preview.dialogs.length}, page errors ${preview.pageErrors.join(' | ')}`);
    console.log(`INFO server log: ${preview.serverOutput().split('\n').filter((line) => /fail|LEASE/i.test(line)).join(' | ').slice(0, 600)}`);
  } finally {
    await preview.close();
    await close();
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
