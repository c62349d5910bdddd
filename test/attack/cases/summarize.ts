/**
 * Prints every result under test/attack/cases/results/ compactly: exit code, stderr, sheet
 * problems and notes, then one line per row with outcome, item sent and message.
 * Usage: node --import tsx test/attack/cases/summarize.ts [name-filter]
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, 'results');
const filter = process.argv[2] ?? '';
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.rc'))
  .map((file) => file.slice(0, -3))
  .filter((name) => name.includes(filter))
  .sort();

for (const name of names) {
  const rc = readFileSync(join(dir, `${name}.rc`), 'utf8').trim();
  const stderr = readFileSync(join(dir, `${name}.stderr`), 'utf8').trim();
  console.log(`\n=== ${name} rc=${rc}`);
  if (stderr) console.log(`stderr: ${stderr.slice(0, 600)}`);
  const reportPath = join(dir, `${name}.json`);
  if (!existsSync(reportPath)) {
    const stdout = readFileSync(join(dir, `${name}.stdout`), 'utf8').trim();
    console.log(`stdout: ${stdout.slice(0, 800)}`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  console.log(`header ${report.headerRow} counts ${JSON.stringify(report.counts)}`);
  for (const problem of report.problems ?? []) console.log(`problem ${problem.code}: ${problem.message}`);
  for (const note of report.notes ?? []) console.log(`note: ${note}`);
  for (const row of report.rows ?? []) {
    const item = row.item ? JSON.stringify(row.item) : '-';
    console.log(`  r${row.row} ${row.status} ${item} | ${String(row.message).slice(0, 260)}`);
  }
}
