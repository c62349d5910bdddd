/**
 * Runs `npm start` (local/cli/start.ts) with hostile arguments and files, and prints one line per
 * case: exit code, time, whether stderr carries a stack trace, and whether the input file changed.
 *
 * Usage: node --import tsx test/attack/cli/cli-attack.ts [case-name-substring …]
 * Writes the full output of every case to $ATTACK_OUT (default /tmp/cli-attack) for reading.
 * Every run spawns its own emulator on 127.0.0.1; nothing else is contacted.
 */

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'local/cli/start.ts');
const EXAMPLE_XLSX = path.join(ROOT, 'examples/inventory.xlsx');
const EXAMPLE_CSV = path.join(ROOT, 'examples/inventory.csv');
const OUT_DIR = process.env.ATTACK_OUT ?? '/tmp/cli-attack';
/** Maximum time one CLI run may take before the case counts as a hang, in milliseconds. */
const HANG_MS = 120_000;
const PARALLEL = 4;

interface Case {
  name: string;
  args: string[];
  /** Exit codes that are acceptable for this case. */
  expectExit: number[];
  /** The file whose bytes must not change (default: the value of --file, if any). */
  guard?: string;
  env?: Record<string, string>;
  /** Runs after the first run, e.g. to run the same command a second time. */
  repeat?: number;
  /** Output substrings that must appear for the case to pass (checked in stdout + stderr). */
  expectText?: string[];
  /** Time after which the run counts as a hang, in milliseconds (default HANG_MS). */
  hangMs?: number;
}

interface Outcome {
  name: string;
  exit: number | null;
  signal: string | null;
  ms: number;
  hung: boolean;
  stackTrace: boolean;
  inputChanged: boolean;
  verdict: 'ok' | 'FINDING';
  reasons: string[];
  firstError: string;
}

function sha256(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

/** Builds a minimal zip archive with stored-or-deflated entries, enough to look like an .xlsx. */
function buildZip(entries: Array<{ name: string; data: Buffer; deflate: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflate ? deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function makeFixtures(dir: string): Record<string, string> {
  const file = (name: string) => path.join(dir, name);
  const fixtures: Record<string, string> = {
    xlsx: file('input.xlsx'),
    csv: file('input.csv'),
    emptyXlsx: file('empty.xlsx'),
    emptyCsv: file('empty.csv'),
    bomCsv: file('bom-only.csv'),
    headerOnlyCsv: file('header-only.csv'),
    pngXlsx: file('picture.xlsx'),
    junkCsv: file('junk.csv'),
    junkXlsx: file('junk.xlsx'),
    bombXlsx: file('bomb.xlsx'),
    zipNoWorkbook: file('not-a-workbook.xlsx'),
    dirXlsx: file('folder.xlsx'),
    txt: file('inventory.txt'),
    readOnly: file('read-only.xlsx'),
    symlinkOut: file('link-to-input.xlsx'),
    symlinkTarget: file('symlink-target.xlsx'),
    reportVictim: file('report-victim.xlsx'),
    reportOutVictim: file('report-out-victim.xlsx'),
    settingsBadJson: file('settings-bad.json'),
    settingsArray: file('settings-array.json'),
    settingsWarehousesString: file('settings-warehouses-string.json'),
    settingsUnknownWarehouse: file('settings-unknown-warehouse.json'),
    settingsMissingHeader: file('settings-missing-header.json'),
    settingsBadFormat: file('settings-bad-format.json'),
    settingsBadItems: file('settings-items-zero.json'),
    settingsBadOptionTypes: file('settings-option-types.json'),
    settingsBadMappingType: file('settings-mapping-type.json'),
    settingsBadDefaultWarehouse: file('settings-default-warehouse.json'),
    settingsBadStyleKey: file('settings-style-key.json'),
    seedBad: file('seed-bad.json'),
    seedWrongShape: file('seed-wrong-shape.json'),
    fileAsParent: file('plain-file'),
    fifoCsv: file('pipe.csv'),
    outDir: file('out-folder'),
  };
  copyFileSync(EXAMPLE_XLSX, fixtures.xlsx!);
  copyFileSync(EXAMPLE_CSV, fixtures.csv!);
  writeFileSync(fixtures.emptyXlsx!, '');
  writeFileSync(fixtures.emptyCsv!, '');
  writeFileSync(fixtures.bomCsv!, '\ufeff');
  writeFileSync(fixtures.headerOnlyCsv!, 'UPC,Style #,Colour Code,Size,Qty Available,Warehouse\n');
  // An 8-byte PNG signature plus an IHDR chunk: a real image header, renamed .xlsx.
  writeFileSync(
    fixtures.pngXlsx!,
    Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
      'hex',
    ),
  );
  const junk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
  writeFileSync(fixtures.junkCsv!, junk);
  writeFileSync(fixtures.junkXlsx!, junk);
  // A small .xlsx-shaped zip whose sheet XML inflates to 200 MB of whitespace.
  writeFileSync(
    fixtures.bombXlsx!,
    buildZip([
      {
        name: '[Content_Types].xml',
        data: Buffer.from(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
        deflate: false,
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.concat([
          Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'),
          Buffer.alloc(200 * 1024 * 1024, 0x20),
          Buffer.from('</sheetData></worksheet>'),
        ]),
        deflate: true,
      },
    ]),
  );
  writeFileSync(
    fixtures.zipNoWorkbook!,
    buildZip([{ name: 'hello.txt', data: Buffer.from('not a workbook'), deflate: false }]),
  );
  mkdirSync(fixtures.dirXlsx!, { recursive: true });
  copyFileSync(EXAMPLE_CSV, fixtures.txt!);
  copyFileSync(EXAMPLE_XLSX, fixtures.readOnly!);
  chmodSync(fixtures.readOnly!, 0o444);
  // Cases that may overwrite their input get a copy of their own, so a finding cannot spoil other cases.
  for (const victim of [fixtures.symlinkTarget!, fixtures.reportVictim!, fixtures.reportOutVictim!]) {
    copyFileSync(EXAMPLE_XLSX, victim);
  }
  if (!existsSync(fixtures.symlinkOut!)) symlinkSync(fixtures.symlinkTarget!, fixtures.symlinkOut!);
  writeFileSync(fixtures.settingsBadJson!, '{"warehouses": ["Default",]');
  writeFileSync(fixtures.settingsArray!, '["Default"]');
  writeFileSync(fixtures.settingsWarehousesString!, '{"warehouses": "Default"}');
  writeFileSync(fixtures.settingsUnknownWarehouse!, '{"warehouses": ["Nowhere"]}');
  writeFileSync(
    fixtures.settingsMissingHeader!,
    '{"warehouses": ["Default", "Spring 2027 Future"], "columnMapping": {"upc": "No Such Header", "quantity": "Also Missing"}}',
  );
  writeFileSync(fixtures.settingsBadFormat!, '{"options": {"format": "yaml"}}');
  writeFileSync(fixtures.settingsBadItems!, '{"itemsPerRequest": 0}');
  writeFileSync(
    fixtures.settingsBadOptionTypes!,
    '{"warehouses": ["Default", "Spring 2027 Future"], "options": {"overwrite": "yes", "changeOnly": 1, "defaultWarehouse": 42}}',
  );
  writeFileSync(fixtures.settingsBadMappingType!, '{"columnMapping": {"upc": 12, "bogus_field": "UPC"}}');
  writeFileSync(
    fixtures.settingsBadDefaultWarehouse!,
    '{"warehouses": ["Default"], "options": {"defaultWarehouse": "Nowhere"}}',
  );
  writeFileSync(fixtures.settingsBadStyleKey!, '{"styleIdentifierKey": "neither", "format": "csv"}');
  writeFileSync(fixtures.seedBad!, '{not json');
  writeFileSync(fixtures.seedWrongShape!, '{"accounts": 5}');
  writeFileSync(fixtures.fileAsParent!, 'a plain file');
  mkdirSync(fixtures.outDir!, { recursive: true });
  // A named pipe that nobody writes to: reading it blocks until a writer appears.
  spawnSync('mkfifo', [fixtures.fifoCsv!]);
  return fixtures;
}

function buildCases(f: Record<string, string>, dir: string): Case[] {
  const out = (name: string) => ['--out', path.join(dir, name)];
  // Linux limits one argument to 128 KiB (MAX_ARG_STRLEN), so 100,000 characters is near the largest value.
  const huge = 'W'.repeat(100_000);
  const usage = [1];
  return [
    // Flags with missing, empty, wrong or conflicting values.
    { name: 'file flag without value', args: ['--file'], expectExit: usage },
    { name: 'unknown flag', args: ['--fiel', f.xlsx!], expectExit: usage },
    { name: 'positional argument', args: [f.xlsx!], expectExit: usage },
    { name: 'file empty string', args: ['--file', ''], expectExit: usage },
    { name: 'file not found', args: ['--file', path.join(dir, 'missing.xlsx')], expectExit: usage },
    { name: 'file is a directory', args: ['--file', f.dirXlsx!], expectExit: usage },
    { name: 'file empty xlsx', args: ['--file', f.emptyXlsx!, ...out('o1.xlsx')], expectExit: usage },
    { name: 'file empty csv', args: ['--file', f.emptyCsv!, ...out('o2.csv')], expectExit: [1, 2] },
    { name: 'file bom-only csv', args: ['--file', f.bomCsv!, ...out('o3.csv')], expectExit: [1, 2] },
    {
      name: 'file header-only csv',
      args: ['--file', f.headerOnlyCsv!, ...out('o4.csv')],
      expectExit: [0, 1],
    },
    { name: 'file png renamed xlsx', args: ['--file', f.pngXlsx!, ...out('o5.xlsx')], expectExit: usage },
    { name: 'file binary junk csv', args: ['--file', f.junkCsv!, ...out('o6.csv')], expectExit: [1, 2] },
    { name: 'file binary junk xlsx', args: ['--file', f.junkXlsx!, ...out('o7.xlsx')], expectExit: usage },
    { name: 'file zip bomb xlsx', args: ['--file', f.bombXlsx!, ...out('o8.xlsx')], expectExit: usage },
    {
      name: 'file zip without workbook',
      args: ['--file', f.zipNoWorkbook!, ...out('o9.xlsx')],
      expectExit: usage,
    },
    {
      name: 'file named pipe csv',
      args: ['--file', f.fifoCsv!, ...out('o42.csv')],
      expectExit: usage,
      hangMs: 30_000,
    },
    { name: 'file txt extension', args: ['--file', f.txt!, ...out('o10.xlsx')], expectExit: [0, 1] },
    { name: 'file read-only xlsx', args: ['--file', f.readOnly!, ...out('o11.xlsx')], expectExit: [0] },
    {
      name: 'sheet empty string',
      args: ['--file', f.xlsx!, '--sheet', '', ...out('o12.xlsx')],
      expectExit: usage,
    },
    {
      name: 'sheet not found',
      args: ['--file', f.xlsx!, '--sheet', 'Nope', ...out('o13.xlsx')],
      expectExit: usage,
    },
    {
      name: 'sheet huge name',
      args: ['--file', f.xlsx!, '--sheet', huge, ...out('o14.xlsx')],
      expectExit: usage,
    },
    { name: 'format empty', args: ['--file', f.xlsx!, '--format', ''], expectExit: usage },
    { name: 'format yaml', args: ['--file', f.xlsx!, '--format', 'yaml'], expectExit: usage },
    { name: 'format XML uppercase', args: ['--file', f.xlsx!, '--format', 'XML'], expectExit: usage },
    {
      name: 'overwrite with replace',
      args: ['--file', f.xlsx!, '--overwrite', '--replace-from-sheet'],
      expectExit: usage,
    },
    {
      name: 'dry-run with scheduled',
      args: ['--file', f.xlsx!, '--dry-run', '--scheduled', ...out('o15.xlsx')],
      expectExit: usage,
    },
    {
      name: 'dry-run with overwrite',
      args: ['--file', f.xlsx!, '--dry-run', '--overwrite', ...out('o16.xlsx')],
      expectExit: [0, 1],
    },
    {
      name: 'scheduled with overwrite',
      args: ['--file', f.xlsx!, '--scheduled', '--overwrite', ...out('o17.xlsx')],
      expectExit: [1, 2],
    },
    {
      name: 'overwrite without confirmation',
      args: ['--file', f.xlsx!, '--overwrite', ...out('o18.xlsx')],
      expectExit: [0, 2],
    },
    {
      name: 'warehouse empty',
      args: ['--file', f.xlsx!, '--warehouse', '', ...out('o19.xlsx')],
      expectExit: [0, 1, 2],
    },
    {
      name: 'warehouse huge',
      args: ['--file', f.xlsx!, '--warehouse', huge, ...out('o20.xlsx')],
      expectExit: [0, 1, 2],
    },
    {
      name: 'warehouse unknown',
      args: ['--file', f.xlsx!, '--warehouse', 'Nowhere', ...out('o21.xlsx')],
      expectExit: [0, 1, 2],
    },
    // Time zone and locale.
    {
      name: 'tz invalid',
      args: ['--file', f.xlsx!, '--tz', 'Mars/Olympus', ...out('o22.xlsx')],
      expectExit: usage,
    },
    { name: 'tz empty', args: ['--file', f.xlsx!, '--tz', '', ...out('o23.xlsx')], expectExit: usage },
    {
      name: 'tz offset form',
      args: ['--file', f.xlsx!, '--tz', '+05:00', ...out('o24.xlsx')],
      expectExit: [0, 1],
    },
    {
      name: 'locale invalid',
      args: ['--file', f.xlsx!, '--locale', 'xx_YY_ZZ!!', ...out('o25.xlsx')],
      expectExit: usage,
    },
    {
      name: 'locale empty',
      args: ['--file', f.xlsx!, '--locale', '', ...out('o26.xlsx')],
      expectExit: usage,
    },
    // Output and report paths.
    { name: 'out equals file', args: ['--file', f.xlsx!, '--out', f.xlsx!], expectExit: usage },
    {
      name: 'out equals file via dotdot',
      args: ['--file', f.xlsx!, '--out', `${dir}/x/../input.xlsx`],
      expectExit: usage,
    },
    {
      name: 'out symlink to file',
      args: ['--file', f.symlinkTarget!, '--out', f.symlinkOut!],
      expectExit: usage,
    },
    {
      name: 'out missing folder',
      args: ['--file', f.xlsx!, '--out', path.join(dir, 'new/deeper/o.xlsx')],
      expectExit: [0],
    },
    { name: 'out is a directory', args: ['--file', f.xlsx!, '--out', f.outDir!], expectExit: usage },
    {
      name: 'out under a plain file',
      args: ['--file', f.xlsx!, '--out', path.join(f.fileAsParent!, 'o.xlsx')],
      expectExit: usage,
    },
    { name: 'out empty string', args: ['--file', f.xlsx!, '--out', ''], expectExit: usage },
    { name: 'out csv for xlsx input', args: ['--file', f.xlsx!, ...out('o27.csv')], expectExit: [0, 1] },
    {
      name: 'report equals file',
      args: ['--file', f.reportVictim!, '--dry-run', '--report', f.reportVictim!],
      expectExit: usage,
    },
    {
      name: 'report equals out',
      args: ['--file', f.reportOutVictim!, ...out('o28.xlsx'), '--report', path.join(dir, 'o28.xlsx')],
      expectExit: usage,
    },
    {
      name: 'report is a directory',
      args: ['--file', f.xlsx!, '--dry-run', '--report', f.outDir!],
      expectExit: usage,
    },
    // Settings files.
    {
      name: 'settings not found',
      args: ['--file', f.xlsx!, '--settings', path.join(dir, 'nope.json')],
      expectExit: usage,
    },
    {
      name: 'settings is a directory',
      args: ['--file', f.xlsx!, '--settings', f.outDir!],
      expectExit: usage,
    },
    {
      name: 'settings invalid json',
      args: ['--file', f.xlsx!, '--settings', f.settingsBadJson!],
      expectExit: usage,
    },
    {
      name: 'settings json array',
      args: ['--file', f.xlsx!, '--settings', f.settingsArray!],
      expectExit: usage,
    },
    {
      name: 'settings warehouses string',
      args: ['--file', f.xlsx!, '--settings', f.settingsWarehousesString!],
      expectExit: usage,
    },
    {
      name: 'settings unknown warehouse',
      args: ['--file', f.xlsx!, '--settings', f.settingsUnknownWarehouse!, ...out('o29.xlsx')],
      expectExit: [0, 2],
    },
    {
      name: 'settings mapping missing header',
      args: ['--file', f.xlsx!, '--settings', f.settingsMissingHeader!, ...out('o30.xlsx')],
      expectExit: [1, 2],
      expectText: ['No Such Header'],
    },
    {
      name: 'settings format yaml',
      args: ['--file', f.xlsx!, '--settings', f.settingsBadFormat!, ...out('o31.xlsx')],
      expectExit: usage,
    },
    {
      name: 'settings itemsPerRequest zero',
      args: ['--file', f.xlsx!, '--settings', f.settingsBadItems!],
      expectExit: usage,
    },
    {
      name: 'settings option wrong types',
      args: ['--file', f.xlsx!, '--settings', f.settingsBadOptionTypes!, ...out('o32.xlsx')],
      expectExit: usage,
    },
    {
      name: 'settings mapping wrong types',
      args: ['--file', f.xlsx!, '--settings', f.settingsBadMappingType!, ...out('o33.xlsx')],
      expectExit: usage,
    },
    {
      name: 'settings default warehouse unknown',
      args: ['--file', f.xlsx!, '--settings', f.settingsBadDefaultWarehouse!, ...out('o34.xlsx')],
      expectExit: [0, 1, 2],
    },
    {
      name: 'settings style key and format',
      args: ['--file', f.xlsx!, '--settings', f.settingsBadStyleKey!, ...out('o35.xlsx')],
      expectExit: usage,
    },
    // Emulator seed.
    {
      name: 'seed not found',
      args: ['--file', f.xlsx!, '--seed', path.join(dir, 'nope.json'), ...out('o36.xlsx')],
      expectExit: usage,
    },
    {
      name: 'seed invalid json',
      args: ['--file', f.xlsx!, '--seed', f.seedBad!, ...out('o37.xlsx')],
      expectExit: usage,
    },
    {
      name: 'seed wrong shape',
      args: ['--file', f.xlsx!, '--seed', f.seedWrongShape!, ...out('o38.xlsx')],
      expectExit: usage,
    },
    // Remote URL options (never contact anything but loopback).
    {
      name: 'joor-url without token-env',
      args: ['--file', f.xlsx!, '--joor-url', 'http://127.0.0.1:9/v2'],
      expectExit: usage,
    },
    {
      name: 'token-env unset',
      args: ['--file', f.xlsx!, '--joor-url', 'http://127.0.0.1:9/v2', '--token-env', 'ATTACK_UNSET_VAR'],
      expectExit: usage,
    },
    {
      name: 'token-env without joor-url',
      args: ['--file', f.xlsx!, '--token-env', 'ATTACK_TOKEN', ...out('o39.xlsx')],
      expectExit: [0, 1],
      env: { ATTACK_TOKEN: 't' },
    },
    {
      name: 'joor-url not a url',
      args: ['--file', f.xlsx!, '--joor-url', 'not a url', '--token-env', 'ATTACK_TOKEN', ...out('o40.xlsx')],
      expectExit: [1, 2],
      env: { ATTACK_TOKEN: 't' },
    },
    {
      name: 'joor-url closed loopback port',
      args: [
        '--file',
        f.xlsx!,
        '--joor-url',
        'http://127.0.0.1:9/v2',
        '--token-env',
        'ATTACK_TOKEN',
        ...out('o41.xlsx'),
      ],
      expectExit: [0, 2],
      env: { ATTACK_TOKEN: 't' },
    },
    // Twice on the same output, and the add-on's own sheets.
    {
      name: 'same output twice',
      args: ['--file', f.xlsx!, ...out('twice.xlsx')],
      expectExit: [0],
      repeat: 2,
    },
  ];
}

/** Cases that need the output of an earlier push as their input. */
function buildFollowUpCases(dir: string): Case[] {
  const pushed = path.join(dir, 'twice.xlsx');
  return [
    {
      name: 'sheet JOOR Sync Log',
      args: ['--file', pushed, '--sheet', 'JOOR Sync Log', '--out', path.join(dir, 'log.xlsx')],
      expectExit: [1, 2],
    },
    {
      name: 'sheet JOOR Confirmed State',
      args: ['--file', pushed, '--sheet', 'JOOR Confirmed State', '--out', path.join(dir, 'state.xlsx')],
      expectExit: [1, 2],
    },
    {
      name: 'push the pushed output',
      args: ['--file', pushed, '--out', path.join(dir, 'again.xlsx')],
      expectExit: [0],
    },
  ];
}

function runOnce(
  args: string[],
  env: Record<string, string> | undefined,
  hangMs: number,
): Promise<{
  exit: number | null;
  signal: string | null;
  ms: number;
  hung: boolean;
  stdout: string;
  stderr: string;
}> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, hangMs);
    child.on('close', (exit, signal) => {
      clearTimeout(timer);
      resolve({ exit, signal, ms: Date.now() - started, hung, stdout, stderr });
    });
  });
}

async function runCase(testCase: Case): Promise<Outcome> {
  const fileIndex = testCase.args.indexOf('--file');
  const named = testCase.guard ?? (fileIndex >= 0 ? testCase.args[fileIndex + 1] : undefined);
  // Hashing a named pipe would block, so only regular files are guarded.
  const guard = named !== undefined && existsSync(named) && statSync(named).isFile() ? named : undefined;
  const before = guard ? sha256(guard) : null;
  const hangMs = testCase.hangMs ?? HANG_MS;
  let last = await runOnce(testCase.args, testCase.env, hangMs);
  let log = `$ npm start -- ${testCase.args.map((a) => (a.length > 80 ? `${a.slice(0, 20)}…(${a.length} chars)` : a)).join(' ')}\n`;
  log += `exit=${last.exit} signal=${last.signal} ms=${last.ms}\n--- stdout\n${last.stdout}\n--- stderr\n${last.stderr}\n`;
  for (let i = 1; i < (testCase.repeat ?? 1); i++) {
    last = await runOnce(testCase.args, testCase.env, hangMs);
    log += `--- run ${i + 1}: exit=${last.exit} ms=${last.ms}\n--- stdout\n${last.stdout}\n--- stderr\n${last.stderr}\n`;
  }
  const after = guard ? sha256(guard) : null;
  writeFileSync(path.join(OUT_DIR, `${testCase.name.replace(/[^a-z0-9]+/gi, '-')}.log`), log);

  const stackTrace = /^\s+at .+[:(]\d+:\d+\)?$/m.test(last.stderr + last.stdout);
  const inputChanged = before !== null && before !== after;
  const reasons: string[] = [];
  if (last.hung) reasons.push('hung');
  if (stackTrace) reasons.push('stack trace');
  if (inputChanged) reasons.push('input file changed');
  if (!last.hung && !testCase.expectExit.includes(last.exit ?? -1)) {
    reasons.push(`exit ${last.exit}, expected ${testCase.expectExit.join('/')}`);
  }
  for (const text of testCase.expectText ?? []) {
    if (!(last.stdout + last.stderr).includes(text)) reasons.push(`output lacks "${text}"`);
  }
  const firstError =
    last.stderr
      .split('\n')
      .find((line) => line.trim() !== '' && !line.startsWith('>'))
      ?.slice(0, 160) ?? '';
  return {
    name: testCase.name,
    exit: last.exit,
    signal: last.signal,
    ms: last.ms,
    hung: last.hung,
    stackTrace,
    inputChanged,
    verdict: reasons.length === 0 ? 'ok' : 'FINDING',
    reasons,
    firstError,
  };
}

async function runAll(cases: Case[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const testCase = cases[next++]!;
      const outcome = await runCase(testCase);
      outcomes.push(outcome);
      const flag = outcome.verdict === 'ok' ? 'ok     ' : 'FINDING';
      console.log(
        `${flag} ${outcome.name} | exit ${outcome.exit} | ${outcome.ms} ms | ${outcome.reasons.join(', ')} | ${outcome.firstError}`,
      );
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return outcomes;
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-attack-'));
  const fixtures = makeFixtures(dir);
  const filters = process.argv.slice(2);
  const pick = (cases: Case[]) =>
    filters.length === 0 ? cases : cases.filter((c) => filters.some((f) => c.name.includes(f)));
  const first = await runAll(pick(buildCases(fixtures, dir)));
  const second = existsSync(path.join(dir, 'twice.xlsx')) ? await runAll(pick(buildFollowUpCases(dir))) : [];
  const all = [...first, ...second];
  writeFileSync(path.join(OUT_DIR, 'summary.json'), `${JSON.stringify(all, null, 2)}\n`);
  const findings = all.filter((o) => o.verdict !== 'ok');
  console.log(`\n${all.length} cases, ${findings.length} findings; logs in ${OUT_DIR}, fixtures in ${dir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
