/**
 * Runs the CLI's dry run on every field-case fixture and compares each data row of its report
 * with `test/fixtures/cases/expected.json`: outcome, message words and the exact item sent.
 * Regenerate the fixtures with `node --import tsx test/fixtures/cases/make-fixtures.ts`.
 */

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliReport } from '../../local/cli/report-types';
import type { InventoryItem, RowResult } from '../../src/shared/types';
import type { FixtureExpectation } from '../fixtures/cases/fixture-types';

const REPO_ROOT = path.resolve(__dirname, '../..');
const EXPECTED_FILE = path.join(REPO_ROOT, 'test/fixtures/cases/expected.json');
/** Generous because the first run may build the bundle before validating. */
const CLI_TIMEOUT_MS = 120_000;

const { fixtures } = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as { fixtures: FixtureExpectation[] };

interface CliRun {
  report?: CliReport;
  exitCode: number | null;
  /** The CLI's stdout and stderr, shown when no report was written. */
  output: string;
}

/** Runs `start.ts --dry-run` on one fixture and reads the JSON report it writes. */
function runDryRun(fixture: FixtureExpectation): Promise<CliRun> {
  const workDir = mkdtempSync(path.join(tmpdir(), `cases-${fixture.name}-`));
  const reportFile = path.join(workDir, 'report.json');
  const args = [
    '--import',
    'tsx',
    'local/cli/start.ts',
    '--dry-run',
    '--file',
    fixture.file,
    '--report',
    reportFile,
    '--out',
    path.join(workDir, 'out.xlsx'),
    ...fixture.flags,
  ];

  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: REPO_ROOT, timeout: CLI_TIMEOUT_MS }, (error, stdout, stderr) => {
      const output = [stdout, stderr, error?.message].filter(Boolean).join('\n');
      let exitCode: number | null = 0;
      if (error !== null) {
        exitCode = typeof error.code === 'number' ? error.code : null;
      }
      const report = existsSync(reportFile)
        ? (JSON.parse(readFileSync(reportFile, 'utf8')) as CliReport)
        : undefined;
      rmSync(workDir, { recursive: true, force: true });
      resolve(report === undefined ? { exitCode, output } : { report, exitCode, output });
    });
  });
}

const runs = new Map<string, Promise<CliRun>>();

/** Starts (once) the dry run of one fixture and returns its promise. */
function startRun(fixture: FixtureExpectation): Promise<CliRun> {
  let run = runs.get(fixture.name);
  if (run === undefined) {
    run = runDryRun(fixture);
    runs.set(fixture.name, run);
  }
  return run;
}

/**
 * Returns the dry run of `fixtures[index]` and starts the next fixture's run in the background,
 * so two CLI processes overlap while jest checks one report.
 */
function runWithPrefetch(index: number): Promise<CliRun> {
  const next = fixtures[index + 1];
  const current = startRun(fixtures[index]!);
  if (next !== undefined) {
    void startRun(next);
  }
  return current;
}

/** Returns the message lower-cased, for case-insensitive word checks. */
function lower(text: string | undefined): string {
  return (text ?? '').toLowerCase();
}

/** Item keys set to a defined value, so `{ size: undefined }` counts as absent. */
function definedKeys(item: InventoryItem | undefined): string[] {
  if (item === undefined) {
    return [];
  }
  return Object.entries(item)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();
}

describe.each(fixtures.map((fixture, index) => ({ ...fixture, index })))(
  'fixture $name ($kind)',
  (fixture) => {
    let run: CliRun = { exitCode: null, output: 'the CLI has not run' };

    beforeAll(
      async () => {
        run = await runWithPrefetch(fixture.index);
      },
      2 * CLI_TIMEOUT_MS + 10_000,
    );

    afterAll(async () => {
      // Wait for a prefetched run so no CLI process outlives the test file.
      await runs.get(fixtures[fixture.index + 1]?.name ?? '');
    }, CLI_TIMEOUT_MS + 10_000);

    /** Returns the report, or throws so a row test points at the missing report. */
    function requireReport(): CliReport {
      if (run.report === undefined) {
        throw new Error(
          `No report for ${fixture.file} (exit code ${run.exitCode}). CLI output:\n${run.output}`,
        );
      }
      return run.report;
    }

    function findRow(rowNumber: number): RowResult | undefined {
      return requireReport().rows.find((row) => row.row === rowNumber);
    }

    test('writes a dry-run report', () => {
      const report = requireReport();
      expect({ dryRun: report.dryRun }).toEqual({ dryRun: true });
    });

    if (!fixture.stopped) {
      test('finds the header row', () => {
        expect({ headerRow: requireReport().headerRow }).toEqual({ headerRow: fixture.headerRow });
      });

      test('reports no sheet problem', () => {
        expect({ problems: requireReport().problems }).toEqual({ problems: [] });
      });
    }

    test('reports only data rows', () => {
      const known = new Set([...fixture.rows.map((row) => row.row), ...fixture.skippedRows]);
      const reported = requireReport().rows.map((row) => row.row);

      const aboveHeader = reported.filter((row) => row <= fixture.headerRow);
      expect({ rowsAtOrAboveHeader: aboveHeader }).toEqual({ rowsAtOrAboveHeader: [] });
      const unexpected = reported.filter((row) => row > fixture.headerRow && !known.has(row));
      expect({ rowsNotInSheet: unexpected }).toEqual({ rowsNotInSheet: [] });
    });

    // jest rejects `.each` with an empty table, so each table below is guarded.
    if (fixture.problems.length > 0) {
      test.each(fixture.problems.map((words) => [words.join(' + '), words] as const))(
        'sheet problem mentions %s',
        (_label, words) => {
          const messages = requireReport().problems.map((problem) => problem.message);
          const matching = messages.filter((message) =>
            words.every((word) => lower(message).includes(lower(word))),
          );
          expect({ words, problems: messages, matches: matching.length > 0 }).toMatchObject({
            matches: true,
          });
        },
      );
    }

    if (fixture.notes.length > 0) {
      test.each(fixture.notes.map((words) => [words.join(' + '), words] as const))(
        'note mentions %s',
        (_label, words) => {
          const notes = requireReport().notes;
          const matching = notes.filter((note) => words.every((word) => lower(note).includes(lower(word))));
          expect({ words, notes, matches: matching.length > 0 }).toMatchObject({ matches: true });
        },
      );
    }

    if (fixture.stopped) {
      test('sends no row after a sheet problem', () => {
        const validRows = requireReport()
          .rows.filter((row) => row.status === 'valid' || row.item !== undefined)
          .map((row) => row.row);
        expect({ rowsValidOrWithItem: validRows }).toEqual({ rowsValidOrWithItem: [] });
      });
    }

    if (fixture.skippedRows.length > 0) {
      test.each(fixture.skippedRows)('row %i is skipped, never valid', (rowNumber) => {
        const reported = findRow(rowNumber);
        expect({ row: rowNumber, status: reported?.status ?? 'absent' }).not.toEqual({
          row: rowNumber,
          status: 'valid',
        });
        expect({ row: rowNumber, item: reported?.item }).toEqual({ row: rowNumber, item: undefined });
      });
    }

    if (fixture.stopped) {
      return;
    }

    describe.each(fixture.rows)('row $row', (expected) => {
      test(`is ${expected.outcome}`, () => {
        const reported = findRow(expected.row);
        expect({ row: expected.row, status: reported?.status ?? 'absent from report' }).toEqual({
          row: expected.row,
          status: expected.outcome,
        });
      });

      if (expected.contains.length > 0) {
        test.each(expected.contains)('message contains %j', (word) => {
          const message = findRow(expected.row)?.message;
          expect({ row: expected.row, word, message: lower(message) }).toEqual({
            row: expected.row,
            word,
            message: expect.stringContaining(lower(word)),
          });
        });
      }

      if (expected.outcome === 'invalid') {
        test('sends no item', () => {
          expect({ row: expected.row, item: findRow(expected.row)?.item }).toEqual({
            row: expected.row,
            item: undefined,
          });
        });
      }

      const expectedItem = expected.item;
      if (expectedItem === undefined) {
        return;
      }

      const ignored = new Set<string>(expected.ignoreItemKeys ?? []);
      const expectedFields = new Map<string, unknown>(Object.entries(expectedItem));
      const checkedKeys = [...expectedFields.keys()].filter((key) => !ignored.has(key));

      test.each(checkedKeys)('sends item.%s', (key) => {
        const item = findRow(expected.row)?.item as Record<string, unknown> | undefined;
        expect({ row: expected.row, key, value: item?.[key] }).toEqual({
          row: expected.row,
          key,
          value: expectedFields.get(key),
        });
      });

      test('sends no other item field', () => {
        const item = findRow(expected.row)?.item;
        const extra = definedKeys(item).filter((key) => !expectedFields.has(key) && !ignored.has(key));
        expect({ row: expected.row, unexpectedItemFields: extra }).toEqual({
          row: expected.row,
          unexpectedItemFields: [],
        });
      });
    });
  },
);
