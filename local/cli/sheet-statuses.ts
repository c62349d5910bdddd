/**
 * Reads the add-on's status column back from a workbook, for runs whose per-row results do not
 * come back through the endpoints (scheduled runs fire through the trigger path).
 */

import { ROW_STATUSES, type RowStatus, STATUS_LABELS } from '../../src/shared/status';
import type { RowResult, StatusCounts } from '../../src/shared/types';
import type { Workbook } from '../runtime/spreadsheet/model';

const STATUS_HEADER = 'JOOR Status';
/** Rows searched for the header row; title rows above it are common, hundreds are not. */
const HEADER_SEARCH_ROWS = 50;

export function readStatusesFromSheet(
  workbook: Workbook,
  sheetId: string,
): { rows: Map<number, RowResult>; counts: StatusCounts; headerRow: number } {
  const rows = new Map<number, RowResult>();
  const counts: StatusCounts = {};
  const sheet = workbook.sheets.find((s) => String(s.sheetId) === sheetId);
  if (sheet === undefined) return { rows, counts, headerRow: 0 };
  let headerRow = 0;
  let statusColumn = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.values.rows.length) && statusColumn < 0; r++) {
    const line = sheet.values.rows[r] ?? [];
    const index = line.indexOf(STATUS_HEADER);
    if (index >= 0) {
      headerRow = r + 1;
      statusColumn = index;
    }
  }
  if (statusColumn < 0) return { rows, counts, headerRow: 0 };
  const byLabel = new Map<string, RowStatus>(ROW_STATUSES.map((status) => [STATUS_LABELS[status], status]));
  for (let r = headerRow; r < sheet.values.rows.length; r++) {
    const text = sheet.values.rows[r]?.[statusColumn];
    if (typeof text !== 'string' || text === '') continue;
    const colon = text.indexOf(':');
    const label = colon < 0 ? text : text.slice(0, colon);
    const status = byLabel.get(label);
    if (status === undefined) continue;
    rows.set(r + 1, { row: r + 1, status, message: colon < 0 ? '' : text.slice(colon + 1).trim() });
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return { rows, counts, headerRow };
}

/** Outcome and message of the newest row of the "JOOR Sync Log" sheet, if there is one. */
export function readLastLogRow(workbook: Workbook): { outcome: string; message: string } | undefined {
  const sheet = workbook.sheets.find((s) => s.name === 'JOOR Sync Log');
  if (sheet === undefined) return undefined;
  const header = sheet.values.rows[0] ?? [];
  const outcomeColumn = header.indexOf('Outcome');
  const messageColumn = header.indexOf('Message');
  let last: Array<unknown> | undefined;
  for (let r = 1; r < sheet.values.rows.length; r++) {
    const row = sheet.values.rows[r];
    if (row?.some((cell) => cell !== undefined && cell !== '')) last = row;
  }
  if (last === undefined || outcomeColumn < 0) return undefined;
  return { outcome: String(last[outcomeColumn] ?? ''), message: String(last[messageColumn] ?? '') };
}
