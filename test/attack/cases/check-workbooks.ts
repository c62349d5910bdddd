/**
 * Compares each pushed workbook copy (results/push-NAME.out.xlsx) with its input: every input
 * cell keeps its value, formula and number format; every data row of the report has a status
 * in the "JOOR Status" column; no status cell is a formula or starts with = + - @; and no cell
 * exceeds the 50,000 characters a Google Sheets cell can hold.
 * Usage: node --import tsx test/attack/cases/check-workbooks.ts
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const SHEETS_CELL_LIMIT = 50_000;
const results = join(__dirname, 'results');

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return `${typeof value}:${String(value)}`;
}

async function checkOne(name: string): Promise<string[]> {
  const problems: string[] = [];
  const report = JSON.parse(readFileSync(join(results, `push-${name}.json`), 'utf8'));
  const input = new ExcelJS.Workbook();
  const output = new ExcelJS.Workbook();
  if (!String(report.file).endsWith('.xlsx')) return ['input is not .xlsx, skipped'];
  await input.xlsx.readFile(report.file);
  await output.xlsx.readFile(join(results, `push-${name}.out.xlsx`));
  const source = input.getWorksheet(report.sheet);
  const copy = output.getWorksheet(report.sheet);
  if (!source || !copy) return [`sheet ${report.sheet} missing`];

  source.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const after = copy.getCell(r, c);
      if (cellText(cell) !== cellText(after)) {
        problems.push(
          `user cell ${cell.address} changed: ${cellText(cell).slice(0, 60)} -> ${cellText(after).slice(0, 60)}`,
        );
      }
      if ((cell.numFmt ?? '') !== (after.numFmt ?? '')) {
        problems.push(`user cell ${cell.address} format changed: ${cell.numFmt} -> ${after.numFmt}`);
      }
    });
  });

  let statusColumn = 0;
  copy.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell((cell, c) => {
      if (cell.value === 'JOOR Status') statusColumn = c;
      const text = typeof cell.value === 'string' ? cell.value : '';
      if (text.length > SHEETS_CELL_LIMIT) {
        problems.push(`cell ${cell.address} holds ${text.length} characters, over the Sheets limit`);
      }
    });
  });
  if (statusColumn === 0) {
    if ((report.rows ?? []).length > 0) problems.push('no "JOOR Status" column');
    return problems;
  }
  for (const entry of report.rows ?? []) {
    const cell = copy.getCell(entry.row, statusColumn);
    const value = cell.value;
    if (value === null || value === undefined || value === '') {
      problems.push(`row ${entry.row} (${entry.status}) has no status`);
    } else if (typeof value === 'object') {
      problems.push(`row ${entry.row} status is not plain text: ${JSON.stringify(value).slice(0, 80)}`);
    } else if (/^[=+\-@]/.test(String(value))) {
      problems.push(`row ${entry.row} status starts with a formula character: ${String(value).slice(0, 40)}`);
    }
  }
  return problems;
}

async function main(): Promise<void> {
  const names = readdirSync(results)
    .filter((file) => file.startsWith('push-') && file.endsWith('.out.xlsx'))
    .map((file) => file.slice('push-'.length, -'.out.xlsx'.length))
    .filter((name) => existsSync(join(results, `push-${name}.json`)));
  for (const name of names.sort()) {
    const problems = await checkOne(name);
    console.log(`${name}: ${problems.length === 0 ? 'ok' : ''}`);
    for (const problem of problems.slice(0, 12)) console.log(`  ${problem}`);
    if (problems.length > 12) console.log(`  … ${problems.length - 12} more`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
