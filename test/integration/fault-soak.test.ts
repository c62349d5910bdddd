/**
 * Fault soak: many small pushes through the built bundle, each under its own seeded random fault
 * schedule, each driven to the end the way the CLI does. After every push, each data row's status
 * must agree with what the emulator stored. Set SOAK_PUSHES to run more or fewer pushes and
 * SOAK_SEED to replay one push (a failure message names the seed that produced it).
 */

import {
  createRandom,
  createRandomFaultSchedule,
  FAULT_KINDS,
  type FaultKind,
  type ScheduledFault,
} from '../../local/emulator/faults';
import type { EmulatorHandle } from '../../local/emulator/process';
import type { SeedPosition } from '../../local/emulator/seed-types';
import { parseRowState } from '../../src/core/run/row-state';
import { type RowStatus, STATUS_LABELS } from '../../src/shared/status';
import { createAddonRuntime, startEmulator } from '../helpers/local-addon';
import {
  catalogueSeed,
  driveToEnd,
  inventoryWorkbook,
  readRows,
  type SheetRow,
  startPush,
  storedQuantities,
  upcOf,
  WAREHOUSE,
} from './harness';

const CATALOGUE_SIZE = 40;
/** Catalogue entries below this index start with a stored quantity, so "unchanged" is observable. */
const PRESEEDED = 20;
const PUSHES = Number(process.env.SOAK_PUSHES ?? 200);
const FIRST_SEED = Number(process.env.SOAK_SEED ?? 1);

/** Quantity stored before every push for a pre-seeded catalogue entry. */
function priorQuantity(index: number): number {
  return 1000 + index;
}

function priorPositions(): SeedPosition[] {
  return Array.from({ length: PRESEEDED }, (_, index) => ({
    upc: upcOf(index),
    warehouse: WAREHOUSE,
    quantity: priorQuantity(index),
  }));
}

interface SoakCase {
  seed: number;
  rows: SheetRow[];
  itemsPerRequest: number;
  faults: ScheduledFault[];
}

/** Draws the sheet, batch size and fault schedule of one push from its seed. */
/** Whether an error-body fault applies the change first; 'random' keeps the generator's choice. */
type ErrorBodyApplies = boolean | 'random';

function buildCase(seed: number, kinds: readonly FaultKind[], errorBodyApplies: ErrorBodyApplies): SoakCase {
  const random = createRandom(seed);
  const indexes = Array.from({ length: CATALOGUE_SIZE }, (_, index) => index);
  for (let i = indexes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  const rowCount = 3 + Math.floor(random() * 10);
  const rows = indexes.slice(0, rowCount).map((index) => ({
    index,
    // One row in ten is invalid, so invalid rows sit between batches.
    quantity: random() < 0.1 ? 'N/A' : Math.floor(random() * 500),
  }));
  const itemsPerRequest = 1 + Math.floor(random() * 4);
  const faults = createRandomFaultSchedule(seed, { requests: 60, probability: 0.35, kinds }).map((fault) =>
    fault.kind === 'error_body' && errorBodyApplies !== 'random'
      ? { ...fault, applyChange: errorBodyApplies }
      : fault,
  );
  return { seed, rows, itemsPerRequest, faults };
}

interface SoakFindings {
  /** Rows whose status or state cell is missing or does not match the other. */
  unlabelled: string[];
  /** Rows whose status disagrees with what the emulator stored. */
  mislabelled: string[];
  /** Stored positions that changed although no row of the sheet could have changed them. */
  strayChanges: string[];
  /** Pushes that finished. */
  pushes: number;
  /** Pushes that needed more than one execution. */
  continued: number;
}

/** Sent rows must be stored, rows that may have reached JOOR either way, all others untouched. */
function isTruthful(status: RowStatus, applied: boolean, untouched: boolean): boolean {
  if (status === 'sent') return applied;
  if (status === 'not_confirmed') return applied || untouched;
  return untouched;
}

async function runCase(emulator: EmulatorHandle, soakCase: SoakCase, findings: SoakFindings): Promise<void> {
  const { seed } = soakCase;
  await emulator.control.reset();
  await emulator.control.setFaults(soakCase.faults);
  const { nowMs } = await emulator.control.health();

  const workbook = inventoryWorkbook(soakCase.rows);
  const runtime = createAddonRuntime(
    emulator,
    workbook,
    { itemsPerRequest: soakCase.itemsPerRequest },
    { startTimeMs: nowMs + 1000 },
  );
  try {
    // Odd seeds start from the sidebar, whose executions end after a short slice; even seeds
    // start from the CLI, whose executions use the whole budget.
    const run = driveToEnd(runtime, startPush(runtime, {}, seed % 2 === 1 ? 'sidebar' : 'cli'));
    findings.pushes += 1;
    if (run.executions.length > 1) findings.continued += 1;
  } catch (error) {
    findings.unlabelled.push(`seed ${seed}: push did not finish: ${(error as Error).message}`);
    return;
  } finally {
    runtime.close();
  }

  const stored = storedQuantities((await emulator.control.positions()).positions);
  const sheetUpcs = new Set<string>();
  for (const view of readRows(workbook)) {
    sheetUpcs.add(view.upc);
    const index = soakCase.rows[view.row - 2]!.index;
    const before = index < PRESEEDED ? priorQuantity(index) : undefined;
    const after = stored.get(view.upc);
    const where = `seed ${seed}, row ${view.row} (${view.upc}, quantity ${String(view.quantity)})`;
    const state = parseRowState(view.state);
    if (state === undefined || !view.status.startsWith(STATUS_LABELS[state.status])) {
      findings.unlabelled.push(`${where}: status "${view.status}", state "${view.state}"`);
      continue;
    }
    const applied = after === view.quantity;
    const untouched = after === before;
    if (!isTruthful(state.status, applied, untouched)) {
      findings.mislabelled.push(
        `${where}: status "${view.status}" but JOOR stores ${String(after)} (before the push: ${String(before)})`,
      );
    }
  }
  for (let index = 0; index < CATALOGUE_SIZE; index++) {
    const upc = upcOf(index);
    if (sheetUpcs.has(upc)) continue;
    const before = index < PRESEEDED ? priorQuantity(index) : undefined;
    if (stored.get(upc) !== before) {
      findings.strayChanges.push(
        `seed ${seed}: ${upc} is not in the sheet but changed from ${before} to ${stored.get(upc)}`,
      );
    }
  }
}

describe('fault soak', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    emulator = await startEmulator({ ...catalogueSeed(CATALOGUE_SIZE), positions: priorPositions() });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  async function soak(
    kinds: readonly FaultKind[],
    errorBodyApplies: ErrorBodyApplies,
    pushes: number,
  ): Promise<SoakFindings> {
    const findings: SoakFindings = {
      unlabelled: [],
      mislabelled: [],
      strayChanges: [],
      pushes: 0,
      continued: 0,
    };
    const count = process.env.SOAK_SEED === undefined ? pushes : 1;
    for (let seed = FIRST_SEED; seed < FIRST_SEED + count; seed++) {
      await runCase(emulator, buildCase(seed, kinds, errorBodyApplies), findings);
    }
    return findings;
  }

  it(`${PUSHES} pushes keep every status truthful`, async () => {
    // Error bodies are left to the two tests below, because one of their cases is mislabelled.
    const kinds = FAULT_KINDS.filter((kind) => kind !== 'error_body');
    const findings = await soak(kinds, false, PUSHES);
    expect(findings.pushes).toBe(process.env.SOAK_SEED === undefined ? PUSHES : 1);
    // Some pushes continue in a later execution after a 429 whose wait does not fit the sidebar's
    // slice (11 of the pushes with seeds 1 to 200).
    if (process.env.SOAK_SEED === undefined) expect(findings.continued).toBeGreaterThan(0);
    expect(findings.unlabelled).toEqual([]);
    expect(findings.mislabelled).toEqual([]);
    expect(findings.strayChanges).toEqual([]);
  }, 600_000);

  it('error bodies that applied nothing read failed', async () => {
    const findings = await soak(['error_body'], false, 40);
    expect(findings.unlabelled).toEqual([]);
    expect(findings.mislabelled).toEqual([]);
    expect(findings.strayChanges).toEqual([]);
  }, 600_000);

  // After an HTTP 200 whose body is an error object, or after an earlier attempt of the batch that
  // may have been applied (a dropped connection, a 504, a truncated body), JOOR may contain the
  // lines, so the rows must read "Not confirmed", never "Failed".
  it('error body after a possibly applied attempt is not labelled failed', async () => {
    const findings = await soak(['error_body', 'drop', 'malformed', 'status_after_apply'], 'random', 60);
    expect(findings.mislabelled).toEqual([]);
  }, 600_000);
});
