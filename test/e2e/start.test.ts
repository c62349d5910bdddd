/**
 * Runs the CLI (`npm start`) as a user would, on the example workbook, and checks its report
 * against what the emulator stored.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CliReport } from '../../local/cli/report-types';
import type { EmulatorHandle } from '../../local/emulator/process';
import { loadWorkbook } from '../../local/runtime/spreadsheet';
import { startEmulator } from '../helpers/local-addon';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, ['--import', 'tsx', 'local/cli/start.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('npm start on the example workbook', () => {
  let emulator: EmulatorHandle;
  const dir = mkdtempSync(path.join(tmpdir(), 'joor-start-'));

  beforeAll(async () => {
    emulator = await startEmulator(path.join(ROOT, 'examples/catalogue.json'));
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('report matches the positions JOOR stored', async () => {
    const report = path.join(dir, 'report.json');
    const out = path.join(dir, 'pushed.xlsx');
    const { stdout } = await cli(
      [
        '--joor-url',
        `${emulator.url}/v2`,
        '--token-env',
        'JOOR_TEST_TOKEN',
        '--report',
        report,
        '--out',
        out,
      ],
      { JOOR_TEST_TOKEN: emulator.token },
    );
    expect(stdout).toContain('Push finished');

    const parsed = JSON.parse(readFileSync(report, 'utf8')) as CliReport;
    const sent = parsed.rows.filter((row) => row.status === 'sent');
    expect(sent.length).toBeGreaterThan(300);
    expect(parsed.counts.sent).toBe(sent.length);

    const stored = await emulator.control.positions();
    const key = (sku: string, warehouse: string, date: string | null | undefined) =>
      `${sku}|${warehouse}|${date ?? ''}`;
    const positions = new Map<string, number>();
    for (const p of stored.positions) {
      positions.set(key(p.upc ?? '', p.warehouse, p.inventory_date), p.quantity);
      positions.set(
        key(`${p.style_number}/${p.color_code}/${p.size}`, p.warehouse, p.inventory_date),
        p.quantity,
      );
    }
    for (const row of sent) {
      const item = row.item!;
      const sku = item.upc ?? `${item.style_number}/${item.color_code}/${item.size}`;
      expect({
        row: row.row,
        quantity: positions.get(key(sku, item.warehouse!, item.inventory_date)),
      }).toEqual({
        row: row.row,
        quantity: item.inventory,
      });
    }
  });

  it('every data row of the copy has a status', async () => {
    const report = path.join(dir, 'report-2.json');
    const out = path.join(dir, 'pushed-2.xlsx');
    await cli(['--report', report, '--out', out]);

    const parsed = JSON.parse(readFileSync(report, 'utf8')) as CliReport;
    const workbook = await loadWorkbook(out, { timeZone: 'UTC', locale: 'en_US' });
    const sheet = workbook.sheets[0]!;
    const header = sheet.values.rows.findIndex((row) => (row ?? []).includes('JOOR Status'));
    expect(header).toBeGreaterThanOrEqual(0);
    const statusColumn = sheet.values.rows[header]!.indexOf('JOOR Status');
    for (const row of parsed.rows) {
      const text = String(sheet.values.rows[row.row - 1]?.[statusColumn] ?? '');
      expect({ row: row.row, status: text.split(':')[0] }).toEqual({
        row: row.row,
        status: { sent: 'Sent', failed: 'Failed', invalid: 'Invalid', duplicate: 'Duplicate' }[
          row.status as string
        ],
      });
    }
  });

  it('leaves the input workbook unchanged', async () => {
    const before = readFileSync(path.join(ROOT, 'examples/inventory.xlsx'));
    await cli(['--out', path.join(dir, 'pushed-3.xlsx')]);
    const after = readFileSync(path.join(ROOT, 'examples/inventory.xlsx'));
    expect(after.equals(before)).toBe(true);
  });

  it('dry run sends nothing', async () => {
    await emulator.control.reset();
    const report = path.join(dir, 'dry.json');
    await cli(['--dry-run', '--report', report, '--joor-url', `${emulator.url}/v2`, '--token-env', 'T'], {
      T: 'x',
    });
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as CliReport;
    expect(parsed.dryRun).toBe(true);
    expect(parsed.rows.some((row) => row.status === 'valid')).toBe(true);
    expect(await emulator.control.requests()).toEqual([]);
  });
});
