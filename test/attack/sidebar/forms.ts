/**
 * Form and timing attacks on the sidebar. Every field gets empty, whitespace, huge, wrong-typed
 * and hostile values. Push is double-clicked, pressed during a push, cancelled at odd times and
 * left by a tab switch or a reload, and the overwrite confirmation gets near-miss words.
 *
 * Run: node --import tsx test/attack/sidebar/forms.ts [screenshot-folder]
 */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { DEMO_TOKEN } from '../../browser/harness';
import { type AttackPreview, launchBrowser, openAttackPreview, ROOT } from './preview';

const shots = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), 'sidebar-forms-shots-'));
mkdirSync(shots, { recursive: true });
const folder = mkdtempSync(path.join(tmpdir(), 'sidebar-forms-'));
let failures = 0;

function report(ok: boolean, line: string): void {
  if (!ok) failures += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${line}`);
}

async function visibleMessages(sidebar: Frame): Promise<string> {
  return (await sidebar.locator('.message, [role=alert]').allTextContents()).join(' | ').slice(0, 300);
}

async function runs(preview: AttackPreview): Promise<Array<Record<string, unknown>>> {
  const answer = (await preview.rpc('getRunLog', [20])) as { value: { runs: Array<Record<string, unknown>> } };
  return answer.value.runs;
}

async function settingsState(preview: AttackPreview): Promise<Record<string, unknown>> {
  const answer = (await preview.rpc('getSidebarState', [])) as {
    value: { state: { settings: Record<string, unknown>; lastOptions: Record<string, unknown> } };
  };
  return { ...answer.value.state.settings, lastOptions: answer.value.state.lastOptions };
}

async function settingsForms(preview: AttackPreview): Promise<void> {
  const { sidebar, page } = preview;
  await sidebar.goto(new URL('sidebar?screen=settings', preview.url).href);
  await sidebar.getByRole('button', { name: 'Add token' }).click();

  for (const token of ['', '   ', 'abc def', 'abc\tdef', 'T'.repeat(100_000)]) {
    await sidebar.getByLabel('New API token').fill(token);
    await sidebar.getByRole('button', { name: 'Save token' }).click();
    await page.waitForTimeout(500);
    const state = await settingsState(preview);
    report(state.hasToken === false, `token ${JSON.stringify(token.slice(0, 12))} (${token.length} chars) not saved; messages: ${await visibleMessages(sidebar)}`);
  }
  // A one-line input strips line breaks from its value, so a pasted "abc\ndef" arrives as "abcdef".
  await sidebar.getByLabel('New API token').evaluate((input: HTMLInputElement) => {
    input.value = 'abc\ndef';
  });
  await sidebar.getByRole('button', { name: 'Save token' }).click();
  await page.waitForTimeout(500);
  console.log(`INFO token with a newline: saved ${(await settingsState(preview)).hasToken}; messages: ${await visibleMessages(sidebar)}`);
  await page.screenshot({ path: path.join(shots, 'forms-token.png') });

  for (const name of ['', '   ', 'W'.repeat(10_000), 'default', ' Default ']) {
    await sidebar.getByLabel('New warehouse').fill(name);
    await sidebar.getByRole('button', { name: 'Add…' }).click();
    await sidebar.getByRole('button', { name: 'Confirm' }).click({ timeout: 1000 }).catch(() => undefined);
    await page.waitForTimeout(400);
    // A rejected name leaves the confirmation open, so close it before the next name.
    await sidebar.getByRole('button', { name: 'Cancel' }).click({ timeout: 500 }).catch(() => undefined);
    const warehouses = (await settingsState(preview)).warehouses as string[];
    console.log(`INFO warehouse ${JSON.stringify(name.slice(0, 12))} (${name.length} chars) -> list ${JSON.stringify(warehouses).slice(0, 120)}; messages: ${await visibleMessages(sidebar)}`);
  }
  await page.screenshot({ path: path.join(shots, 'forms-warehouses.png') });

  const items = sidebar.getByTestId('items-per-request');
  for (const value of ['', ' ', '0', '-1', '1e9', 'abc', '1.5', '5001', '1e3']) {
    await items.evaluate((input: HTMLInputElement, text) => {
      input.value = text;
    }, value);
    const typed = await items.inputValue();
    await sidebar.getByRole('button', { name: 'Save request settings' }).click();
    await page.waitForTimeout(400);
    const saved = (await settingsState(preview)).itemsPerRequest;
    console.log(`INFO items per request ${JSON.stringify(value)} (input holds ${JSON.stringify(typed)}) -> saved ${saved}; messages: ${await visibleMessages(sidebar)}`);
  }
  await page.screenshot({ path: path.join(shots, 'forms-items.png') });
}

async function scheduleForms(preview: AttackPreview): Promise<void> {
  const { sidebar, page } = preview;
  await sidebar.goto(new URL('sidebar?screen=schedule', preview.url).href);
  await sidebar.getByTestId('interval').waitFor();
  for (const hour of ['24', '-1', 'abc', '6.5']) {
    // A failed save reloads the form with the interval back on "off", so choose daily each time.
    await sidebar.getByTestId('interval').selectOption('daily');
    await sidebar.getByTestId('hour').evaluate((select: HTMLSelectElement, value) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
      select.value = value;
    }, hour);
    await sidebar.getByRole('button', { name: 'Save schedule' }).click();
    await page.waitForTimeout(600);
    const schedule = (await preview.rpc('getSchedule', [])) as { value: { schedule?: { hour?: number } } };
    report(
      schedule.value.schedule === undefined || [0, 6].includes(schedule.value.schedule.hour ?? -99) === true || schedule.value.schedule.hour !== Number(hour),
      `schedule hour ${hour} rejected; saved schedule ${JSON.stringify(schedule.value.schedule ?? null).slice(0, 120)}; messages: ${await visibleMessages(sidebar)}`,
    );
  }
  await page.screenshot({ path: path.join(shots, 'forms-schedule.png') });
  await preview.rpc('deleteSchedule', []);
}

async function pushField(preview: AttackPreview): Promise<void> {
  const { sidebar, page } = preview;
  for (const warehouse of ['', '   ', 'W'.repeat(10_000), '<b>x</b>']) {
    await sidebar.goto(new URL('sidebar?screen=push', preview.url).href);
    await sidebar.getByTestId('warehouse').fill(warehouse);
    await sidebar.getByRole('button', { name: 'Validate' }).click();
    await page.waitForTimeout(1500);
    const summary = await sidebar.getByTestId('validation-summary').textContent({ timeout: 2000 }).catch(() => '');
    console.log(`INFO push warehouse ${JSON.stringify(warehouse.slice(0, 12))} (${warehouse.length} chars) validate -> ${summary?.slice(0, 160)}; messages: ${await visibleMessages(sidebar)}`);
  }
  await page.screenshot({ path: path.join(shots, 'forms-push-warehouse.png') });
}

async function doubleClickPush(preview: AttackPreview): Promise<void> {
  const { sidebar } = preview;
  const before = (await runs(preview)).length;
  await sidebar.goto(new URL('sidebar?screen=push', preview.url).href);
  await sidebar.getByTestId('warehouse').fill('Default');
  await sidebar.getByRole('button', { name: 'Push', exact: true }).dblclick();
  await sidebar.getByTestId('results').waitFor({ timeout: 120_000 });
  const after = await runs(preview);
  report(after.length - before === 1, `double click on Push starts one run; runs added ${after.length - before}`);

  // Three clicks dispatched in one task, before the button can be disabled by a re-render.
  const beforeTriple = after.length;
  await sidebar.getByRole('button', { name: 'Push', exact: true }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
    button.click();
  });
  await sidebar.getByTestId('results').waitFor({ timeout: 120_000 });
  await preview.page.waitForTimeout(3000);
  const afterTriple = await runs(preview);
  report(afterTriple.length - beforeTriple === 1, `three clicks in one task start one run; runs added ${afterTriple.length - beforeTriple}`);
}

async function pushWhileRunning(preview: AttackPreview): Promise<void> {
  const { sidebar, page } = preview;
  await preview.postJson('/test/delay', { name: 'continuePush', ms: 2500 });
  await sidebar.goto(new URL('sidebar?screen=push', preview.url).href);
  const before = (await runs(preview)).length;
  await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
  await sidebar.getByTestId('progress').waitFor({ timeout: 30_000 });
  const pushDisabled = await sidebar.getByRole('button', { name: 'Push', exact: true }).isDisabled();
  report(pushDisabled, 'Push disabled while a push runs');
  // A second push from a second sidebar (another user or tab) while the first runs.
  const second = await preview.rpc('startPush', [
    { sheetId: '0', options: (await settingsState(preview)).lastOptions },
  ]);
  console.log(`INFO second startPush while running -> ${JSON.stringify(second).slice(0, 220)}`);

  // Switch tabs and back mid-push.
  await sidebar.getByRole('tab', { name: 'Settings' }).click();
  await page.waitForTimeout(500);
  await sidebar.getByRole('tab', { name: 'Push' }).click();
  await page.waitForTimeout(500);
  const progressVisible = await sidebar.getByTestId('progress').isVisible().catch(() => false);
  const resultsVisible = await sidebar.getByTestId('results').isVisible().catch(() => false);
  report(progressVisible || resultsVisible, `after switching tabs mid-push the push screen shows progress or results; messages: ${await visibleMessages(sidebar)}`);
  await page.screenshot({ path: path.join(shots, 'forms-tab-switch.png') });

  // Reload mid-push, then continue.
  await sidebar.goto(new URL('sidebar?screen=push', preview.url).href);
  await page.waitForTimeout(1000);
  const resume = sidebar.getByRole('button', { name: 'Continue the push' });
  const canResume = await resume.isVisible().catch(() => false);
  console.log(`INFO after reload mid-push: resume offered ${canResume}; messages: ${await visibleMessages(sidebar)}`);
  await page.screenshot({ path: path.join(shots, 'forms-reload.png') });
  if (canResume) {
    await resume.click();
    await sidebar.getByTestId('results').waitFor({ timeout: 180_000 }).catch(() => undefined);
  }
  await preview.postJson('/test/delay', { name: 'continuePush', ms: 0 });
  await page.waitForTimeout(8000);
  const after = await runs(preview);
  console.log(`INFO runs after push-while-running: ${JSON.stringify(after.slice(0, after.length - before).map((run) => [run.outcome, run.message]))}`);
  await page.screenshot({ path: path.join(shots, 'forms-after-reload.png') });
}

async function cancelOddTimes(preview: AttackPreview): Promise<void> {
  const { sidebar, page } = preview;
  // Cancel a run that does not exist, then a finished one.
  const unknown = await preview.rpc('cancelPush', ['run-does-not-exist']);
  console.log(`INFO cancel unknown run -> ${JSON.stringify(unknown).slice(0, 200)}`);
  const last = (await runs(preview))[0];
  const finished = await preview.rpc('cancelPush', [String(last?.runId)]);
  console.log(`INFO cancel finished run ${String(last?.runId)} -> ${JSON.stringify(finished).slice(0, 200)}`);

  // Cancel as soon as the progress panel appears, twice.
  await preview.postJson('/test/delay', { name: 'continuePush', ms: 1500 });
  await sidebar.goto(new URL('sidebar?screen=push', preview.url).href);
  await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
  const cancel = sidebar.getByRole('button', { name: 'Cancel push' });
  await cancel.waitFor({ timeout: 30_000 });
  await cancel.evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await sidebar.getByTestId('results').waitFor({ timeout: 60_000 }).catch(() => undefined);
  const heading = await sidebar.getByTestId('results').getByRole('heading').textContent().catch(() => '(no results)');
  console.log(`INFO cancel twice right away -> ${heading}; messages: ${await visibleMessages(sidebar)}`);
  await page.screenshot({ path: path.join(shots, 'forms-cancel.png') });
  await preview.postJson('/test/delay', { name: 'continuePush', ms: 0 });
}

async function overwriteWords(preview: AttackPreview): Promise<void> {
  const { sidebar, page } = preview;
  await sidebar.goto(new URL('sidebar?screen=push', preview.url).href);
  await sidebar.getByTestId('overwrite').check();
  await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
  const panel = sidebar.getByTestId('overwrite-confirmation');
  await panel.waitFor({ timeout: 60_000 });
  const accept = panel.getByLabel(/will be left out and so wiped/);
  if (await accept.isVisible().catch(() => false)) await accept.check();
  const confirm = panel.getByRole('button', { name: 'Overwrite account inventory' });
  const words = ['overwrite', 'Overwrite', 'OVERWRITE ', ' OVERWRITE', 'OVERWRITE\u200b', 'ＯＶＥＲＷＲＩＴＥ', 'OVERWRITTEN', 'OVER WRITE', 'OVERWRITE'];
  for (const word of words) {
    await panel.getByTestId('overwrite-input').fill(word);
    const enabled = await confirm.isEnabled();
    const shouldEnable = word.trim() === 'OVERWRITE';
    report(enabled === shouldEnable, `confirmation ${JSON.stringify(word)} ${enabled ? 'enables' : 'keeps disabled'} the overwrite button`);
  }
  await page.screenshot({ path: path.join(shots, 'forms-overwrite.png') });
  await panel.getByRole('button', { name: 'Back' }).click();
}

async function main(): Promise<void> {
  const settings = path.join(folder, 'settings.json');
  // Ten items per request gives 37 requests. NOTE: the whole push still runs inside the startPush
  // execution, so the continuePush delay does not leave a gap between executions to act in.
  writeFileSync(settings, JSON.stringify({ warehouses: ['Default', 'Spring 2027 Future'], itemsPerRequest: 10 }));
  const { browser, close } = await launchBrowser();
  const preview = await openAttackPreview(browser, { file: path.join(ROOT, 'examples/inventory.xlsx'), settings });
  const steps: Array<[string, (p: AttackPreview) => Promise<void>]> = [
    ['settings forms', settingsForms],
    ['schedule forms', scheduleForms],
    ['push warehouse field', pushField],
    ['double click', doubleClickPush],
    ['push while running', pushWhileRunning],
    ['cancel at odd times', cancelOddTimes],
    ['overwrite words', overwriteWords],
  ];
  try {
    for (const [name, step] of steps) {
      if (name === 'push warehouse field') await preview.rpc('saveSettings', [{ token: DEMO_TOKEN }]);
      console.log(`--- ${name}`);
      try {
        await step(preview);
      } catch (error) {
        report(false, `${name} step crashed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        await preview.page.screenshot({ path: path.join(shots, `forms-crash-${name.replace(/ /g, '-')}.png`) });
      }
    }
    report(preview.dialogs.length === 0, `no dialogs: ${preview.dialogs.join(' | ')}`);
    report(preview.pageErrors.length === 0, `no page errors: ${preview.pageErrors.join(' | ')}`);
    const leaked = [preview.consoleLines.join('\n'), preview.responses.join('\n')].some((text) => text.includes(DEMO_TOKEN));
    report(!leaked, 'token absent from console and responses');
  } finally {
    await preview.close();
    await close();
  }
  console.log(`${failures} failed; screenshots in ${shots}`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
