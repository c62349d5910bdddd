/**
 * Injection and secret checks on the sidebar preview.
 *
 * Builds a workbook whose sheet name, headers, cells and warehouse names carry markup, script,
 * `javascript:` URLs, formulas, formula-like text, very long text, RTL and emoji, then saves the
 * token through the Settings form, validates, previews and pushes through the UI. Afterwards it
 * checks that no dialog opened, no markup became elements, no status became a formula (grid and
 * `--out` workbook) and that the token appears nowhere.
 *
 * Run: node --import tsx test/attack/sidebar/injection.ts [screenshot-folder]
 */

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO_TOKEN } from '../../browser/harness';
import { launchBrowser, openAttackPreview } from './preview';

const MARKUP = '<img src=x onerror=alert("img")>';
const SCRIPT = '<script>alert("script")</script>';
const SVG = '<svg onload=alert("svg")>';
const JS_URL = 'javascript:alert("url")';
const HYPERLINK = '=HYPERLINK("javascript:alert(1)","click me")';
const IMPORTXML = '=IMPORTXML("http://127.0.0.1:9/x","//a")';
const LONG = 'L'.repeat(40_000);
const RTL = '\u202Eevil\u202C مرحبا 👩‍👩‍👧 😀';
const WAREHOUSE_MARKUP = '<b onmouseover=alert("wh")>WH</b>';
const WAREHOUSE_FORMULA = '=1+1';
const SHEET_NAME = '<i>Inv<i> =1+1 😀';

interface Finding {
  check: string;
  ok: boolean;
  detail: string;
}

const findings: Finding[] = [];

function record(check: string, ok: boolean, detail = ''): void {
  findings.push({ check, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${check}${detail ? `: ${detail}` : ''}`);
}

async function writeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.addRow(['UPC', 'Style #', 'Colour Code', 'Size', 'Qty Available', 'Warehouse', `<u>Note</u> ${SCRIPT}`]);
  sheet.addRow(['084567000017', 'SS27-TEE-01', '001', 'XS', 5, 'Default', MARKUP]);
  sheet.addRow([MARKUP, 'SS27-TEE-01', '001', 'S', 3, 'Default', 'x']);
  sheet.addRow(['084567000031', 'SS27-TEE-01', '001', 'M', 4, WAREHOUSE_FORMULA, 'x']);
  sheet.addRow([SCRIPT, SVG, JS_URL, 'L', 1, 'Default', 'x']);
  sheet.addRow(['', HYPERLINK, '001', '@SUM(A1:A2)', 2, 'Default', 'x']);
  sheet.addRow(['', '+1', '-1', IMPORTXML, '+7', 'Default', 'x']);
  sheet.addRow(['', LONG, '001', RTL, 1, 'Default', 'x']);
  sheet.addRow(['084567000048', 'SS27-TEE-01', '001', 'L', 6, WAREHOUSE_MARKUP, 'x']);
  sheet.addRow(['084567000055', 'SS27-TEE-01', '001', 'XL', '@SUM(1,2)', 'Default', 'x']);
  sheet.addRow(['084567000062', 'SS27-TEE-01', '001', 'XXL', '=2+2', RTL, 'x']);
  // A real formula in an input cell, which must stay the only formula in the sheet.
  sheet.getCell('H2').value = { formula: '1+1', result: 2 };
  for (const column of [1, 2, 3, 4, 6, 7]) sheet.getColumn(column).numFmt = '@';
  await workbook.xlsx.writeFile(file);
}

async function main(): Promise<void> {
  const shots = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), 'sidebar-attack-shots-'));
  mkdirSync(shots, { recursive: true });
  const folder = mkdtempSync(path.join(tmpdir(), 'sidebar-attack-'));
  const file = path.join(folder, 'hostile.xlsx');
  const out = path.join(folder, 'hostile.pushed.xlsx');
  const settings = path.join(folder, 'settings.json');
  await writeWorkbook(file);
  writeFileSync(
    settings,
    JSON.stringify({
      warehouses: ['Default', WAREHOUSE_MARKUP, WAREHOUSE_FORMULA, RTL.slice(0, 40)],
      options: { defaultWarehouse: 'Default' },
    }),
  );

  const { browser, close } = await launchBrowser();
  const preview = await openAttackPreview(browser, { file, settings, out });
  const { sidebar, page } = preview;
  try {
    await sidebar.goto(new URL('sidebar?screen=settings', preview.url).href);
    await sidebar.getByRole('button', { name: 'Add token' }).click();
    await sidebar.getByLabel('New API token').fill(DEMO_TOKEN);
    await sidebar.getByRole('button', { name: 'Save token' }).click();
    await sidebar.getByTestId('token-mask').filter({ hasText: '0000' }).waitFor();
    await sidebar.getByLabel('New warehouse').fill(`${SVG} ${JS_URL}`);
    await sidebar.getByRole('button', { name: 'Add…' }).click();
    await sidebar.getByRole('button', { name: 'Confirm' }).click().catch(() => undefined);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(shots, 'injection-settings.png') });

    await sidebar.getByRole('tab', { name: 'Push' }).click();
    await sidebar.getByRole('button', { name: 'Validate' }).click();
    await sidebar.getByTestId('validation-summary').waitFor({ timeout: 60_000 });
    for (const details of await sidebar.locator('details').all()) await details.evaluate((d) => d.setAttribute('open', ''));
    await page.screenshot({ path: path.join(shots, 'injection-validate.png') });

    await sidebar.getByRole('button', { name: 'Preview' }).click();
    await sidebar.getByTestId('preview').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(shots, 'injection-preview.png') });

    await sidebar.getByRole('button', { name: 'Push', exact: true }).click();
    await sidebar.getByTestId('results').waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(shots, 'injection-results.png') });
    await page.locator('#tabs button').first().click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(shots, 'injection-grid.png'), fullPage: true });

    // Nothing ran.
    record('no dialogs', preview.dialogs.length === 0, preview.dialogs.join(' | '));
    record('no page errors', preview.pageErrors.length === 0, preview.pageErrors.join(' | '));
    for (const [name, frame] of [
      ['sidebar', sidebar],
      ['page', page.mainFrame()],
    ] as const) {
      const counts = await frame.evaluate(() => ({
        img: document.querySelectorAll('img').length,
        script: Array.from(document.querySelectorAll('script')).filter((el) => /alert\(/.test(el.textContent ?? '')).length,
        svg: document.querySelectorAll('svg').length,
        b: document.querySelectorAll('b[onmouseover]').length,
        u: document.querySelectorAll('u').length,
        i: document.querySelectorAll('i').length,
        jsLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) =>
          /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
        ).length,
        anyOn: Array.from(document.querySelectorAll('*')).filter((el) =>
          Array.from(el.attributes).some((attr) => /^on/i.test(attr.name)),
        ).length,
      }));
      record(`${name}: no injected elements`, Object.values(counts).every((count) => count === 0), JSON.stringify(counts));
    }

    // Statuses never become formulas.
    const gridJson = await (await fetch(new URL('grid', preview.url))).json();
    const gridText = JSON.stringify(gridJson);
    const formulas = [...gridText.matchAll(/"formula":"([^"]*)"/g)].map((match) => match[1]);
    record('grid: only the input formula', formulas.length === 1, JSON.stringify(formulas));
    record('grid: sheet name kept', gridText.includes(JSON.stringify(SHEET_NAME).slice(1, -1)));

    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(out);
    const savedFormulas: string[] = [];
    const formulaText: string[] = [];
    for (const sheet of saved.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) savedFormulas.push(`${sheet.name}!${cell.address}=${cell.formula}`);
          else if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value))
            formulaText.push(`${sheet.name}!${cell.address}: ${cell.value.slice(0, 60)}`);
        }),
      );
    }
    record('out workbook: only the input formula', savedFormulas.length === 1, savedFormulas.join(' | '));
    console.log(`INFO out workbook text cells starting with = + - @: ${formulaText.join(' | ')}`);

    // The token is nowhere.
    const html = (await page.content()) + (await sidebar.content());
    const domValues = await sidebar.evaluate(() =>
      Array.from(document.querySelectorAll('input, textarea')).map((el) => (el as HTMLInputElement).value),
    );
    record('token not in DOM', !html.includes(DEMO_TOKEN), '');
    record('token not in input values', !domValues.join('\n').includes(DEMO_TOKEN), '');
    record('token not in responses', !preview.responses.join('\n').includes(DEMO_TOKEN), '');
    record('token not in console', !preview.consoleLines.join('\n').includes(DEMO_TOKEN), '');
    record('token not in grid', !gridText.includes(DEMO_TOKEN), '');
    const rawOut = readFileSync(out);
    const outSheets = JSON.stringify(saved.worksheets.map((sheet) => sheet.getSheetValues()));
    record('token not in out workbook', !outSheets.includes(DEMO_TOKEN) && !rawOut.includes(DEMO_TOKEN), '');
    const serverLines = preview.serverOutput().split('\n').filter((line) => line.includes(DEMO_TOKEN));
    console.log(`INFO server output lines with the token: ${serverLines.length}: ${serverLines.join(' | ').slice(0, 300)}`);

    const resultsText = await sidebar.getByTestId('results').textContent();
    console.log(`INFO results: ${resultsText?.slice(0, 400)}`);
    console.log(`INFO screenshots in ${shots}, out workbook ${out}`);
  } finally {
    await preview.close();
    await close();
  }
  const failed = findings.filter((finding) => !finding.ok);
  console.log(`${findings.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
