/**
 * Maps JOOR's `inventory_log` lines back to the sheet rows of one request. JOOR does not
 * document the `sku` format or the log order, so lines are matched by identifier text, and
 * by position only as a last resort.
 */

import type { InventoryItem } from '../../shared/types';
import type { LogLine } from './response';

/** One line of a request with the sheet row it came from. */
export interface SentLine {
  row: number;
  item: InventoryItem;
}

/** The result of one row after matching. */
export interface RowMatch {
  row: number;
  status: 'sent' | 'failed' | 'not_confirmed';
  /** Empty for a plain pass; otherwise a full sentence for the status cell. */
  message: string;
  logId?: string;
}

export interface MatchReport {
  rows: RowMatch[];
  /** Lines that matched no row. */
  unmatchedLines: LogLine[];
  /** True when at least one row was paired with a line by position, not by identifier. */
  usedPosition: boolean;
}

const NOT_ALNUM = /[^A-Za-z0-9]+/;
const NOT_ALNUM_GLOBAL = /[^A-Za-z0-9]+/g;
const MIN_GTIN_DIGITS = 8;
const MAX_GTIN_DIGITS = 14;

/**
 * Matches log lines to rows. A row is `sent` only with a matching pass line and no matching
 * fail line, `failed` with any matching fail line, and `not_confirmed` without a match.
 *
 * A line matches a row when its `sku` contains the row's UPC (in any GTIN form), the joined style
 * tuple or the joined JOOR ids, with any separator. Several lines for one row (a style in
 * several seasons) all count. Position is used only when no line matched any row and the
 * line count equals the row count, or among rows whose identifiers are the same and whose
 * line count equals their row count, and the row message states this.
 */
export function matchResults(sent: SentLine[], lines: LogLine[]): MatchReport {
  const index = buildIndex(sent);
  const linesByRow: LogLine[][] = sent.map(() => []);
  const positional = new Set<number>();
  const unmatchedLines: LogLine[] = [];
  const groups = new Map<string, { rows: number[]; lines: LogLine[] }>();

  for (const line of lines) {
    const candidates = narrowCandidates(findCandidates(line.sku, index, sent), line.sku, sent);
    if (candidates.length === 0) {
      unmatchedLines.push(line);
    } else if (candidates.length === 1) {
      linesByRow[candidates[0] as number]?.push(line);
    } else {
      const signature = candidates.join(',');
      const group = groups.get(signature) ?? { rows: candidates, lines: [] };
      group.lines.push(line);
      groups.set(signature, group);
    }
  }

  for (const group of groups.values()) {
    assignGroup(group.rows, group.lines, linesByRow, positional);
  }

  const nothingMatched = unmatchedLines.length === lines.length;
  if (nothingMatched && lines.length === sent.length && lines.length > 0) {
    lines.forEach((line, position) => {
      linesByRow[position]?.push(line);
      positional.add(position);
    });
    unmatchedLines.length = 0;
  }

  const rows = sent.map((line, position) =>
    decideRow(line, linesByRow[position] ?? [], positional.has(position), lines.length),
  );
  return { rows, unmatchedLines, usedPosition: positional.size > 0 };
}

/** Lookup from normalised identifier keys to the positions of the sent lines carrying them. */
type IdentifierIndex = Map<string, number[]>;

function addKey(index: IdentifierIndex, key: string, position: number): void {
  const positions = index.get(key);
  if (positions === undefined) {
    index.set(key, [position]);
  } else if (!positions.includes(position)) {
    positions.push(position);
  }
}

/** Converts a 8–14 digit code to its GTIN-14 form; leading zeros never change a GTIN. */
function toGtin14(digits: string): string | null {
  if (!/^\d+$/.test(digits) || digits.length < MIN_GTIN_DIGITS || digits.length > MAX_GTIN_DIGITS) {
    return null;
  }
  return digits.padStart(MAX_GTIN_DIGITS, '0');
}

/** Joins identifier parts with every separator removed, so `A-1/M` and `A1M` compare equal. */
function compactKey(parts: Array<string | number | undefined>): string | null {
  if (parts.some((part) => part === undefined || String(part) === '')) {
    return null;
  }
  return parts.map((part) => String(part).replace(NOT_ALNUM_GLOBAL, '')).join('');
}

/** Lists the identifier tuples of an item, each a list of parts that JOOR may join into `sku`. */
function identifierTuples(item: InventoryItem): Array<Array<string | number | undefined>> {
  const identifier = item.style_identifier ?? item.style_number;
  return [
    [item.style_number, identifier, item.color_code, item.size],
    [item.style_number, item.color_code, item.size],
    [identifier, item.color_code, item.size],
    [item.style_id, item.style_color_id, item.size_code],
  ];
}

function buildIndex(sent: SentLine[]): IdentifierIndex {
  const index: IdentifierIndex = new Map();
  sent.forEach(({ item }, position) => {
    const gtin = item.upc === undefined ? null : toGtin14(item.upc.trim());
    if (gtin !== null) {
      addKey(index, `u:${gtin}`, position);
    }
    for (const tuple of identifierTuples(item)) {
      const key = compactKey(tuple);
      if (key !== null) {
        addKey(index, `t:${key}`, position);
      }
    }
  });
  return index;
}

/**
 * Finds the rows a `sku` string may name: any digit token read as a GTIN, and any run of
 * consecutive tokens read as a joined tuple. A single candidate is unambiguous, because the
 * response only names lines of this request. Several candidates are checked against the
 * exact parts, so separators removed by `compactKey` cannot merge two different tuples.
 */
function findCandidates(sku: string, index: IdentifierIndex, sent: SentLine[]): number[] {
  const tokens = sku.split(NOT_ALNUM).filter((token) => token !== '');
  const found = new Set<number>();
  const collect = (key: string): void => {
    for (const position of index.get(key) ?? []) {
      found.add(position);
    }
  };

  for (const token of tokens) {
    const gtin = toGtin14(token);
    if (gtin !== null) {
      collect(`u:${gtin}`);
    }
  }
  for (let start = 0; start < tokens.length; start++) {
    let joined = '';
    for (let end = start; end < tokens.length; end++) {
      joined += tokens[end];
      collect(`t:${joined}`);
    }
  }

  const candidates = [...found].sort((a, b) => a - b);
  if (candidates.length < 2) {
    return candidates;
  }
  // Identifiers that differ only in punctuation (SS27TEE01, SS27-TEE-01, +SS27-TEE-01) land on
  // one compact key, so the closest reading wins: the sku text exactly as one row's parts
  // joined, then one row's parts verbatim inside it, then parts with separators ignored.
  // Compiling a pattern costs far more than a lookup, so only ambiguous lines pay for it.
  const exact = candidates.filter((position) => skuEqualsItem(sku, sent[position]?.item));
  if (exact.length > 0) {
    return exact;
  }
  const verbatim = candidates.filter((position) => skuNamesItem(sku, sent[position]?.item, true));
  if (verbatim.length > 0) {
    return verbatim;
  }
  return candidates.filter((position) => skuNamesItem(sku, sent[position]?.item, false));
}

/** Separators JOOR or a proxy might put between the parts of a joined `sku`. */
const JOIN_SEPARATORS = ['-', '_', ' ', '/', '|', ':', '.', ',', ''];

/** True when `sku` is exactly the row's UPC or one of its tuples joined with one separator. */
function skuEqualsItem(sku: string, item: InventoryItem | undefined): boolean {
  if (item === undefined) {
    return false;
  }
  const text = sku.trim();
  if (item.upc !== undefined && item.upc.trim() === text) {
    return true;
  }
  return identifierTuples(item).some((tuple) => {
    if (tuple.some((part) => part === undefined || String(part) === '')) {
      return false;
    }
    const parts = tuple.map((part) => String(part));
    return JOIN_SEPARATORS.some((separator) => parts.join(separator) === text);
  });
}

const SEPARATOR_PATTERN = '[^A-Za-z0-9]*';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matches a part verbatim, or with any separator (or none) where the part has one
 * (`SS25-TEE` ~ `SS25TEE`).
 */
function partPattern(part: string, verbatim: boolean): string {
  if (verbatim) {
    return escapeRegExp(part);
  }
  return part
    .split(NOT_ALNUM)
    .filter((piece) => piece !== '')
    .map(escapeRegExp)
    .join(SEPARATOR_PATTERN);
}

/** Checks that `sku` contains the UPC or one whole tuple, parts in order, with only separators between. */
function skuNamesItem(sku: string, item: InventoryItem | undefined, verbatim: boolean): boolean {
  if (item === undefined) {
    return false;
  }
  const gtin = item.upc === undefined ? null : toGtin14(item.upc.trim());
  if (gtin !== null && sku.split(NOT_ALNUM).some((token) => toGtin14(token) === gtin)) {
    return true;
  }
  return identifierTuples(item).some((tuple) => {
    if (tuple.some((part) => part === undefined || String(part) === '')) {
      return false;
    }
    const body = tuple.map((part) => partPattern(String(part), verbatim)).join(SEPARATOR_PATTERN);
    return new RegExp(`(^|[^A-Za-z0-9])${body}($|[^A-Za-z0-9])`).test(sku);
  });
}

/** Among rows with the same identifiers, keeps those whose warehouse or date also appears in `sku`. */
function narrowCandidates(candidates: number[], sku: string, sent: SentLine[]): number[] {
  if (candidates.length < 2) {
    return candidates;
  }
  const narrowed = candidates.filter((position) => {
    const item = sent[position]?.item;
    const extras = [item?.warehouse, item?.inventory_date].filter((text): text is string => Boolean(text));
    return extras.length > 0 && extras.every((text) => sku.includes(text));
  });
  return narrowed.length > 0 ? narrowed : candidates;
}

/**
 * Shares out lines that name several rows with the same identifiers (one SKU in several
 * warehouses or dates). Equal statuses apply to every row; mixed statuses are paired by
 * position only when the line count equals the row count, and otherwise stay unassigned.
 */
function assignGroup(
  rows: number[],
  groupLines: LogLine[],
  linesByRow: LogLine[][],
  positional: Set<number>,
): void {
  const statuses = new Set(groupLines.map((line) => line.status));
  if (statuses.size === 1 && groupLines.length >= rows.length) {
    for (const position of rows) {
      linesByRow[position]?.push(...groupLines);
    }
    return;
  }
  if (groupLines.length === rows.length) {
    rows.forEach((position, order) => {
      const line = groupLines[order];
      if (line !== undefined) {
        linesByRow[position]?.push(line);
        positional.add(position);
      }
    });
  }
}

function identityHint(item: InventoryItem): string {
  if (item.upc !== undefined && item.upc !== '') {
    return 'Check that this UPC is stored on the SKU in JOOR.';
  }
  if (item.style_number !== undefined && item.style_number !== '') {
    return 'JOOR matches style number, style identifier, colour code and size case-sensitively, so check that each matches JOOR exactly.';
  }
  return "Check the JOOR style id, style colour id and size code against the style's record in JOOR.";
}

const POSITION_NOTE =
  "Matched to JOOR's result by position, because the result's SKU text did not identify the row.";

function decideRow(sent: SentLine, rowLines: LogLine[], byPosition: boolean, lineCount: number): RowMatch {
  const failed = rowLines.filter((line) => line.status === 'fail');
  const passed = rowLines.filter((line) => line.status === 'pass');
  const note = byPosition ? ` ${POSITION_NOTE}` : '';

  const firstFail = failed[0];
  if (firstFail !== undefined) {
    const detail = firstFail.message ? `: ${firstFail.message}` : '';
    const share =
      rowLines.length > 1 ? ` (${failed.length} of ${rowLines.length} JOOR updates for this row failed)` : '';
    const match: RowMatch = {
      row: sent.row,
      status: 'failed',
      message: `JOOR returned fail for SKU "${firstFail.sku}"${detail}${share}. ${identityHint(sent.item)}${note}`,
    };
    if (firstFail.logId !== undefined) {
      match.logId = firstFail.logId;
    }
    return match;
  }

  const firstPass = passed[0];
  if (firstPass !== undefined) {
    const match: RowMatch = { row: sent.row, status: 'sent', message: note.trim() };
    if (firstPass.logId !== undefined) {
      match.logId = firstPass.logId;
    }
    return match;
  }

  const unknown = rowLines[0];
  const message =
    unknown === undefined
      ? `JOOR's response has no result line for this row (${lineCount} lines came back), so the update is not confirmed. The next push sends it again.`
      : `JOOR returned the status "${unknown.rawStatus}" for this row, which is neither pass nor fail, so the update is not confirmed. The next push sends it again.`;
  return { row: sent.row, status: 'not_confirmed', message };
}
