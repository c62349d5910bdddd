/**
 * The add-on's own sheets. "JOOR Confirmed State" (hidden, protected) keeps the last confirmed
 * line per key, because properties are too small (9 KB a value) and users delete data rows.
 * "JOOR Sync Log" keeps one row per run of any kind, bounded in size.
 */

import type { RunSummaryDto } from '../../shared/api';
import type { StatusCounts } from '../../shared/types';

export const STATE_SHEET = 'JOOR Confirmed State';
export const LOG_SHEET = 'JOOR Sync Log';
/** Oldest log rows are dropped beyond this many runs. */
export const MAX_LOG_ROWS = 500;

const STATE_HEADERS = [
  'Target',
  'Key',
  'SKU',
  'Warehouse',
  'Inventory date',
  'Quantity',
  'Made to order',
  'Fingerprint',
  'JOOR log id',
  'Run id',
  'Confirmed at',
];

/** Last confirmed line for one key on one target (environment + token hash). */
export interface ConfirmedEntry {
  target: string;
  key: string;
  sku: string;
  warehouse: string;
  date: string;
  quantity: number;
  madeToOrder: boolean;
  fingerprint: string;
  logId: string;
  runId: string;
  confirmedAt: string;
}

function getOrCreateSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  headers: string[],
  hidden: boolean,
): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = spreadsheet.getSheetByName(name);
  if (sheet === null) {
    // insertSheet makes the new sheet active; the user stays on the sheet they were on.
    const previous = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(name);
    if (previous !== null) previous.activate();
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    sheet.setFrozenRows(1);
    if (hidden) {
      sheet.hideSheet();
      // Warning-only protection: editors are asked before changing it, and the add-on, running as
      // the editor, can still write.
      sheet.protect().setDescription('Maintained by JOOR Inventory Sync').setWarningOnly(true);
    }
  }
  return sheet;
}

export function readConfirmedState(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Map<string, ConfirmedEntry> {
  const entries = new Map<string, ConfirmedEntry>();
  const sheet = spreadsheet.getSheetByName(STATE_SHEET);
  if (sheet === null || sheet.getLastRow() < 2) return entries;
  const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, STATE_HEADERS.length).getValues();
  for (const row of values) {
    const entry: ConfirmedEntry = {
      target: String(row[0] ?? ''),
      key: String(row[1] ?? ''),
      sku: String(row[2] ?? ''),
      warehouse: String(row[3] ?? ''),
      date: String(row[4] ?? ''),
      quantity: Number(row[5] ?? 0),
      madeToOrder: row[6] === true || row[6] === 'TRUE',
      fingerprint: String(row[7] ?? ''),
      logId: String(row[8] ?? ''),
      runId: String(row[9] ?? ''),
      confirmedAt: String(row[10] ?? ''),
    };
    if (entry.key !== '') entries.set(confirmedStateKey(entry.target, entry.key), entry);
  }
  return entries;
}

export function confirmedStateKey(target: string, key: string): string {
  return `${target}\u0001${key}`;
}

/** Rewrites the whole state sheet with one setValues; all cells are written as plain text or numbers. */
export function writeConfirmedState(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: Map<string, ConfirmedEntry>,
): void {
  const sheet = getOrCreateSheet(spreadsheet, STATE_SHEET, STATE_HEADERS, true);
  const rows = [...entries.values()].map((e) => [
    e.target,
    e.key,
    e.sku,
    e.warehouse,
    e.date,
    e.quantity,
    e.madeToOrder,
    e.fingerprint,
    e.logId,
    e.runId,
    e.confirmedAt,
  ]);
  const previous = sheet.getLastRow() - 1;
  // A new sheet has 1,000 rows; getRange past the last row throws, so grow the sheet first.
  if (sheet.getMaxRows() < rows.length + 1) {
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  }
  if (rows.length > 0) {
    const range = sheet.getRange(2, 1, rows.length, STATE_HEADERS.length);
    range.setNumberFormat('@');
    range.setValues(rows);
  }
  if (previous > rows.length) {
    sheet.getRange(rows.length + 2, 1, previous - rows.length, STATE_HEADERS.length).clearContent();
  }
}

const LOG_HEADERS = [
  'Run id',
  'Trigger',
  'Started',
  'Ended',
  'Options',
  'Rows read',
  'Lines sent',
  'Passed',
  'Failed',
  'Invalid',
  'Duplicates',
  'Unchanged',
  'Not sent',
  'Not confirmed',
  'Requests',
  'Credit windows',
  'Outcome',
  'Message',
];

export interface RunLogEntry {
  summary: RunSummaryDto;
  options: string;
  rowsRead: number;
  linesSent: number;
  requests: number;
  creditWindows: number;
}

function count(counts: StatusCounts, key: keyof StatusCounts): number {
  return counts[key] ?? 0;
}

/** Adds or updates the log row of a run (found by run id), then drops the oldest rows past the bound. */
export function upsertRunLog(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entry: RunLogEntry,
): void {
  const sheet = getOrCreateSheet(spreadsheet, LOG_SHEET, LOG_HEADERS, false);
  const { summary } = entry;
  const line = [
    summary.runId,
    summary.trigger,
    summary.startedAt,
    summary.endedAt ?? '',
    entry.options,
    entry.rowsRead,
    entry.linesSent,
    count(summary.counts, 'sent'),
    count(summary.counts, 'failed'),
    count(summary.counts, 'invalid'),
    count(summary.counts, 'duplicate'),
    count(summary.counts, 'unchanged'),
    count(summary.counts, 'not_sent'),
    count(summary.counts, 'not_confirmed'),
    entry.requests,
    entry.creditWindows,
    summary.outcome,
    summary.message.replace(/^[=+\-@]/, "'$&"),
  ];
  const lastRow = sheet.getLastRow();
  let target = lastRow + 1;
  if (lastRow >= 2) {
    const ids = sheet.getRange(2, 1, lastRow - 1, 1).getValues();
    const index = ids.findIndex((row) => row[0] === summary.runId);
    if (index >= 0) target = index + 2;
  }
  sheet.getRange(target, 1, 1, line.length).setValues([line]);
  const rowsUsed = Math.max(target, lastRow) - 1;
  if (rowsUsed > MAX_LOG_ROWS) sheet.deleteRows(2, rowsUsed - MAX_LOG_ROWS);
}

/** Sheets reads the log's "yyyy-MM-dd HH:mm:ss" text back as a Date; DTOs carry ISO 8601 text. */
function isoText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value ?? '');
}

/** Reads the newest runs, newest first. */
export function readRunLog(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  limit: number,
): RunSummaryDto[] {
  const sheet = spreadsheet.getSheetByName(LOG_SHEET);
  if (sheet === null || sheet.getLastRow() < 2) return [];
  const rows = Math.min(limit, sheet.getLastRow() - 1);
  const first = sheet.getLastRow() - rows + 1;
  const values = sheet.getRange(first, 1, rows, LOG_HEADERS.length).getValues();
  return values.reverse().map((row) => ({
    runId: String(row[0]),
    trigger: String(row[1]) as RunSummaryDto['trigger'],
    startedAt: isoText(row[2]),
    endedAt: isoText(row[3]),
    outcome: String(row[16]) as RunSummaryDto['outcome'],
    counts: {
      sent: Number(row[7]),
      failed: Number(row[8]),
      invalid: Number(row[9]),
      duplicate: Number(row[10]),
      unchanged: Number(row[11]),
      not_sent: Number(row[12]),
      not_confirmed: Number(row[13]),
    },
    message: String(row[17]),
  }));
}
