/**
 * Command line entry: `npm run emulator -- --port N [--seed FILE] [--switches JSON|FILE] [--verbose]`.
 * Starts the JOOR emulator on 127.0.0.1 and runs until SIGINT or SIGTERM.
 */

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoSeed } from './demo-seed';
import type { EmulatorSeed } from './seed-types';
import { startEmulator } from './server';
import type { Switches } from './switches';

const DEFAULT_SEED_FILE = resolve(__dirname, '../../examples/catalogue.json');

const USAGE = `Usage: npm run emulator -- [--port N] [--seed FILE] [--switches JSON|FILE] [--verbose]
  --port N             port on 127.0.0.1; 0 picks a free port (default 0)
  --seed FILE          seed JSON (default examples/catalogue.json, else a built-in demo seed)
  --switches JSON|FILE switch overrides as inline JSON or a JSON file
  --verbose            log one line per request to stderr (method, path, status, lines, ms)
  --stop-on-stdin-close stop when stdin ends (set by spawnEmulator so the child dies with its parent)`;

function readJsonArgument(value: string, option: string): unknown {
  const text = value.trim().startsWith('{') ? value : readFileSync(value, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${option}: ${value} is not valid JSON (${(error as Error).message})`);
  }
}

function loadSeed(file: string | undefined): { seed: EmulatorSeed; source: string } {
  if (file !== undefined) return { seed: readJsonArgument(file, '--seed') as EmulatorSeed, source: file };
  if (existsSync(DEFAULT_SEED_FILE)) {
    return {
      seed: readJsonArgument(DEFAULT_SEED_FILE, '--seed') as EmulatorSeed,
      source: 'examples/catalogue.json',
    };
  }
  return { seed: createDemoSeed(), source: 'built-in demo seed' };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      switches: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'stop-on-stdin-close': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port ${values.port} is not a port number 0-65535`);
  }
  const { seed, source } = loadSeed(values.seed);
  const switches =
    values.switches === undefined
      ? {}
      : (readJsonArgument(values.switches, '--switches') as Partial<Switches>);

  const emulator = await startEmulator({ seed, switches, port, verbose: values.verbose });
  process.stdout.write(`JOOR emulator listening on ${emulator.url}\n`);
  process.stdout.write(`Demo token: ${emulator.token}\n`);
  process.stdout.write(`Account: ${emulator.accountId} (seed: ${source})\n`);

  const stop = (signal: string) => {
    process.stderr.write(`emulator: ${signal} received, stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`emulator: close failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  if (values['stop-on-stdin-close']) {
    // A parent that spawned the emulator keeps its stdin open, so stdin ends when the parent exits.
    process.stdin.on('end', () => stop('end of stdin')).resume();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(1);
});
