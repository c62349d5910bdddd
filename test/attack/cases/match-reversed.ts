/**
 * Feeds the emulator's real result lines for the punctuation-collision rows
 * (generated/a22-punctuation-collision.xlsx) to the add-on's result matcher, once in request
 * order and once reversed, as JOOR may return them (the emulator's `logOrder: shuffled`).
 * Usage: node --import tsx test/attack/cases/match-reversed.ts
 */

import { matchResults, type SentLine } from '../../../src/core/push/match';
import type { LogLine } from '../../../src/core/push/response';

const tuple = (row: number, style: string, size: string, inventory: number): SentLine => ({
  row,
  item: {
    warehouse: 'Default',
    style_number: style,
    style_identifier: style,
    color_code: '001',
    size,
    inventory,
  },
});

const sent: SentLine[] = [
  tuple(2, 'SS27-TEE-01', 'M', 5),
  tuple(3, 'SS27TEE01', 'M', 6),
  tuple(4, '+SS27-TEE-01', 'M', 7),
  tuple(5, 'SS27-TEE-01', 'L', 8),
  tuple(6, 'SS27/TEE/01', 'L', 9),
];

// The emulator's response to exactly these lines, one result per line, SKU text exact.
const lines: LogLine[] = [
  { sku: 'SS27-TEE-01-001-M', status: 'pass', logId: 'pass-M' },
  { sku: 'SS27TEE01-001-M', status: 'fail', logId: 'fail-nodash' },
  { sku: '+SS27-TEE-01-001-M', status: 'fail', logId: 'fail-plus' },
  { sku: 'SS27-TEE-01-001-L', status: 'pass', logId: 'pass-L' },
  { sku: 'SS27/TEE/01-001-L', status: 'fail', logId: 'fail-slash' },
] as LogLine[];

for (const [label, order] of [
  ['request order', lines],
  ['reversed', [...lines].reverse()],
] as const) {
  console.log(`--- ${label}`);
  for (const row of matchResults(sent, [...order]).rows) {
    console.log(
      `row ${row.row} ${sent.find((s) => s.row === row.row)?.item.style_number}: ${row.status} ${row.logId ?? ''}`,
    );
  }
}
