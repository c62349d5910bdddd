/**
 * The CLI on bad input: one-line messages, exit codes 1 (usage or file) and 2 (the push could not
 * run), and the input workbook never touched.
 */

import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/inventory.xlsx');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'local/cli/start.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let code = 0;
        if (error !== null) code = typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('CLI on bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'joor-cli-'));
  const input = path.join(dir, 'input.xlsx');
  copyFileSync(EXAMPLE, input);
  const original = readFileSync(input);

  afterEach(() => {
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it.each([
    [['--tz', 'Not/AZone'], /--tz "Not\/AZone" is not a time zone/],
    [['--locale', 'xx_YY'], /--locale "xx_YY" is not supported/],
    [['--dry-run', '--scheduled'], /either --dry-run or --scheduled/],
    [['--overwrite'], /Add --confirm OVERWRITE/],
    [['--token-env', 'X'], /only used with --joor-url/],
    [['--sheet', 'JOOR Sync Log'], /keeps for itself/],
    [['--joor-url', 'https://proxy.example.test/v2', '--token-env', 'HOME'], /sandbox or production v2 base/],
  ])('rejects %p with a message', async (args, message) => {
    const result = await cli(['--file', input, ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses --out linked to the input', async () => {
    const link = path.join(dir, 'link.xlsx');
    symlinkSync(input, link);
    const result = await cli(['--file', input, '--out', link]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--out must differ from --file');
  });

  it('refuses --report equal to the input', async () => {
    const result = await cli(['--file', input, '--dry-run', '--report', input]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--report must differ from --file');
  });

  it('refuses --report equal to --out', async () => {
    const out = path.join(dir, 'same.xlsx');
    const result = await cli(['--file', input, '--out', out, '--report', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--report must differ from the other output files');
  });

  it('reports a file that is not a workbook', async () => {
    const junk = path.join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip file at all');
    const result = await cli(['--file', junk, '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Could not read .*junk\.xlsx/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when JOOR rejects the token', async () => {
    const { spawnEmulator } = await import('../../local/emulator/process');
    const emulator = await spawnEmulator({ seed: path.join(ROOT, 'examples/catalogue.json') });
    try {
      const out = path.join(dir, 'rejected.xlsx');
      const result = await cli(
        ['--file', input, '--out', out, '--joor-url', `${emulator.url}/v2`, '--token-env', 'T'],
        {
          T: 'not-the-token',
        },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Nothing was sent to JOOR');
      expect(result.stderr).toContain('JOOR rejected the token');
    } finally {
      await emulator.stop();
    }
  });

  it('exits 2 when no request reaches JOOR', async () => {
    const out = path.join(dir, 'unreachable.xlsx');
    const result = await cli(
      ['--file', input, '--out', out, '--joor-url', 'http://127.0.0.1:1/v2', '--token-env', 'T'],
      {
        T: 'token',
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No request reached http://127.0.0.1:1/v2');
  });
});
