/**
 * Header detection below title rows and the choice of the column that feeds each field. Synonyms,
 * the manual mapping, reserved status columns and priorities between similar columns decide it.
 * Sheets with sizes across columns or delimited text in one column are rejected here.
 */

import type { ColumnInfo } from '../../shared/api';
import type { FieldId, SheetProblem } from '../../shared/types';
import { FIELD_NOUNS, notes, sheetMessages } from './messages';
import { type HeaderSynonym, isSizeHeader, SIZE_CODE_KEY, STOCK_ITEM_KEY, SYNONYMS } from './synonyms';
import { isDigits, normalizeHeader, trimCell } from './text';
import type { CellValue, SheetInput, ValidationConfig } from './types';

/** Rows searched for the header row. Title blocks above inventory tables are a few rows long. */
export const HEADER_SEARCH_ROWS = 50;

/** Data cells sampled to decide whether an ambiguous column (StockItemKey) contains GTINs. */
const GTIN_SAMPLE_ROWS = 20;

const DELIMITERS: ReadonlyArray<readonly [string, string]> = [
  ['|', '"|"'],
  [';', '";"'],
  ['\t', 'Tab'],
  [',', '"," (comma)'],
  [' ', 'Space'],
];

export interface ColumnLayout {
  /** 1-based header row; 0 when none was found. */
  headerRow: number;
  columns: ColumnInfo[];
  /** 0-based column index of each field that has a column. */
  fieldIndex: Partial<Record<FieldId, number>>;
  /** Header text of each field's column. */
  fieldHeader: Partial<Record<FieldId, string>>;
  problems: SheetProblem[];
  notes: string[];
  /** 0-based indexes of the add-on's own status columns. */
  reservedIndexes: ReadonlySet<number>;
}

interface HeaderCell {
  index: number;
  header: string;
  /** Normalised header, compared with the manual mapping and the reserved headers. */
  key: string;
  /** Normalised header without parenthesised notes such as "(units)", compared with synonyms. */
  synonymKey: string;
}

const PARENTHESISED = /\([^)]*\)/g;

function createHeaderCell(index: number, header: string): HeaderCell {
  const key = normalizeHeader(header);
  let synonymKey = key;
  if (!SYNONYMS.has(key) && header.indexOf('(') !== -1)
    synonymKey = normalizeHeader(header.replace(PARENTHESISED, ''));
  return { index, header, key, synonymKey };
}

/** Returns the header text of one cell: the displayed text, trimmed. */
export function readHeaderText(value: CellValue | undefined, display: string | undefined): string {
  if (display !== undefined && display !== '') return trimCell(display);
  if (value === undefined || value === '') return '';
  return trimCell(String(value));
}

function readHeaderCells(input: SheetInput, rowIndex: number): HeaderCell[] {
  const values = input.values[rowIndex] ?? [];
  const displays = input.displayValues[rowIndex] ?? [];
  const width = Math.max(values.length, displays.length);
  const cells: HeaderCell[] = [];
  for (let c = 0; c < width; c++) {
    const header = readHeaderText(values[c], displays[c]);
    if (header !== '') cells.push(createHeaderCell(c, header));
  }
  return cells;
}

/**
 * Lists the fields a row would give if it were a header row, with their column indexes, so a
 * header repeated further down the sheet (a second table or a page header) is recognised.
 */
export function headerFieldsOf(input: SheetInput, rowIndex: number): Map<string, number> {
  const fields = new Map<string, number>();
  for (const cell of readHeaderCells(input, rowIndex)) {
    const synonym = SYNONYMS.get(cell.synonymKey);
    if (synonym !== undefined && !fields.has(synonym.field)) fields.set(synonym.field, cell.index);
  }
  return fields;
}

function countKnownFields(cells: readonly HeaderCell[], mappedKeys: ReadonlySet<string>): number {
  const fields = new Set<string>();
  for (const cell of cells) {
    const synonym = SYNONYMS.get(cell.synonymKey);
    if (synonym !== undefined) fields.add(synonym.field);
    else if (mappedKeys.has(cell.key)) fields.add(cell.key);
  }
  return fields.size;
}

function findDelimitedHeader(cells: readonly HeaderCell[]): string | undefined {
  if (cells.length !== 1) return undefined;
  const text = cells[0]!.header;
  for (const [delimiter, name] of DELIMITERS) {
    if (text.indexOf(delimiter) === -1) continue;
    const parts = text.split(delimiter).map((part) => normalizeHeader(trimCell(part)));
    // Space-separated text needs three known names, because a title such as "Style by size" has two.
    const known = parts.filter((part) => SYNONYMS.has(part)).length;
    if (known >= (delimiter === ' ' ? 3 : 2)) return name;
  }
  return undefined;
}

function emptyLayout(problems: SheetProblem[], headerRow: number): ColumnLayout {
  return {
    headerRow,
    columns: [],
    fieldIndex: {},
    fieldHeader: {},
    problems,
    notes: [],
    reservedIndexes: new Set(),
  };
}

/** Finds the header row and resolves every column, or returns the problem that stops validation. */
export function detectLayout(input: SheetInput, config: ValidationConfig): ColumnLayout {
  const mappedKeys = new Set<string>();
  for (const header of Object.values(config.mapping ?? {})) {
    if (header !== undefined && header !== '') mappedKeys.add(normalizeHeader(header));
  }

  const searched = Math.min(input.values.length, HEADER_SEARCH_ROWS);
  let fallbackRow = -1;
  let delimitedProblem: ColumnLayout | undefined;
  let anyText = false;
  for (let r = 0; r < searched; r++) {
    const cells = readHeaderCells(input, r);
    if (cells.length === 0) continue;
    anyText = true;

    const known = countKnownFields(cells, mappedKeys);
    if (known >= 2) return resolveColumns(input, config, r, cells);

    // A one-cell row is delimited text only when no real header row follows: it may be a title.
    const delimiter = delimitedProblem === undefined ? findDelimitedHeader(cells) : undefined;
    if (delimiter !== undefined) {
      const message = sheetMessages.delimitedText(input.sheetName, r + 1, `"${cells[0]!.header}"`, delimiter);
      delimitedProblem = emptyLayout(
        [{ code: 'DELIMITED_TEXT', message, columns: [cells[0]!.header] }],
        r + 1,
      );
    }
    if (known === 1 && cells.length >= 2 && fallbackRow === -1) fallbackRow = r;
  }

  if (delimitedProblem !== undefined) return delimitedProblem;
  if (fallbackRow !== -1)
    return resolveColumns(input, config, fallbackRow, readHeaderCells(input, fallbackRow));
  if (!anyText && !hasAnyValue(input)) {
    return emptyLayout([{ code: 'EMPTY_SHEET', message: sheetMessages.emptySheet(input.sheetName) }], 0);
  }
  return emptyLayout([{ code: 'NO_HEADER', message: sheetMessages.noHeader(input.sheetName, searched) }], 0);
}

function hasAnyValue(input: SheetInput): boolean {
  for (const row of input.values) {
    for (const value of row) if (value !== '') return true;
  }
  return false;
}

interface Candidate {
  cell: HeaderCell;
  tier: number;
  mapped: boolean;
}

function resolveColumns(
  input: SheetInput,
  config: ValidationConfig,
  headerIndex: number,
  cells: readonly HeaderCell[],
): ColumnLayout {
  const problems: SheetProblem[] = [];
  const layoutNotes: string[] = [];
  const reservedKeys = new Set(config.reservedHeaders.map((header) => normalizeHeader(trimCell(header))));
  const reservedIndexes = new Set<number>();
  const assigned = new Map<number, FieldId>();
  const candidates = new Map<FieldId, Candidate[]>();
  const addCandidate = (field: FieldId, candidate: Candidate): void => {
    const list = candidates.get(field);
    if (list === undefined) candidates.set(field, [candidate]);
    else list.push(candidate);
  };

  // Manual mapping first: a mapped column feeds its field whatever its header text is.
  const mappedHeaders = new Map<FieldId, string>();
  const mappedIndexes = new Set<number>();
  for (const [field, header] of Object.entries(config.mapping ?? {}) as Array<
    [FieldId, string | undefined]
  >) {
    if (header === undefined || header === '') continue;
    const key = normalizeHeader(trimCell(header));
    const cell = cells.find((c) => c.key === key && !mappedIndexes.has(c.index));
    if (cell === undefined) {
      const message = sheetMessages.mappedColumnNotFound(input.sheetName, FIELD_NOUNS[field], header);
      problems.push({ code: 'MAPPED_COLUMN_NOT_FOUND', message, columns: [header], field });
      continue;
    }
    mappedHeaders.set(field, cell.header);
    mappedIndexes.add(cell.index);
    addCandidate(field, { cell, tier: 0, mapped: true });
  }

  const unknownHeaders: HeaderCell[] = [];
  let sizeCodeCell: HeaderCell | undefined;
  for (const cell of cells) {
    if (mappedIndexes.has(cell.index)) continue;
    if (reservedKeys.has(cell.key)) {
      reservedIndexes.add(cell.index);
      continue;
    }
    const synonym: HeaderSynonym | undefined = SYNONYMS.get(cell.synonymKey);
    if (synonym === undefined) {
      unknownHeaders.push(cell);
      continue;
    }
    if (cell.synonymKey === SIZE_CODE_KEY) {
      sizeCodeCell = cell;
      continue;
    }
    if (cell.synonymKey === STOCK_ITEM_KEY && !sampleLooksLikeGtins(input, headerIndex, cell.index)) {
      layoutNotes.push(notes.notGtinColumn(cell.header));
      continue;
    }
    const mappedHeader = mappedHeaders.get(synonym.field);
    if (mappedHeader !== undefined) {
      layoutNotes.push(notes.lowerPriorityColumn(cell.header, mappedHeader, FIELD_NOUNS[synonym.field]));
      continue;
    }
    addCandidate(synonym.field, { cell, tier: synonym.tier, mapped: false });
  }

  // "Size Code" is JOOR's size-run code beside JOOR ids, and the size name in a style sheet.
  if (sizeCodeCell !== undefined) {
    const besideJoorIds = candidates.has('style_id') || candidates.has('style_color_id');
    const field: FieldId = besideJoorIds || candidates.has('size') ? 'size_code' : 'size';
    const mappedHeader = mappedHeaders.get(field);
    if (mappedHeader !== undefined) {
      layoutNotes.push(notes.lowerPriorityColumn(sizeCodeCell.header, mappedHeader, FIELD_NOUNS[field]));
    } else addCandidate(field, { cell: sizeCodeCell, tier: 1, mapped: false });
  }

  const fieldIndex: Partial<Record<FieldId, number>> = {};
  const fieldHeader: Partial<Record<FieldId, string>> = {};
  for (const [field, list] of candidates) {
    list.sort((a, b) => a.tier - b.tier || a.cell.index - b.cell.index);
    const best = list[0]!;
    const ties = list.filter((candidate) => candidate.tier === best.tier);
    if (ties.length > 1) {
      const headers = ties.map((candidate) => candidate.cell.header);
      const message = sheetMessages.needsColumnChoice(
        input.sheetName,
        FIELD_NOUNS[field],
        headers,
        config.interactive,
      );
      const columnNumbers = ties.map((candidate) => candidate.cell.index + 1);
      problems.push({ code: 'NEEDS_COLUMN_CHOICE', message, columns: headers, columnNumbers, field });
      continue;
    }
    fieldIndex[field] = best.cell.index;
    fieldHeader[field] = best.cell.header;
    assigned.set(best.cell.index, field);
    for (const other of list.slice(1)) {
      layoutNotes.push(notes.lowerPriorityColumn(other.cell.header, best.cell.header, FIELD_NOUNS[field]));
    }
  }

  const sizeHeaders = unknownHeaders.filter((cell) => isSizeHeader(cell.header)).map((cell) => cell.header);
  if (sizeHeaders.length >= 2) {
    const message = sheetMessages.sizeMatrix(input.sheetName, headerIndex + 1, sizeHeaders);
    problems.push({ code: 'SIZE_MATRIX', message, columns: sizeHeaders });
  }
  if (unknownHeaders.length > 0)
    layoutNotes.push(notes.ignoredColumns(unknownHeaders.map((cell) => cell.header)));

  const columns: ColumnInfo[] = cells.map((cell) => {
    const field = assigned.get(cell.index);
    return field === undefined
      ? { header: cell.header, column: cell.index + 1 }
      : { header: cell.header, column: cell.index + 1, field };
  });

  // Sizes across columns also lack size and quantity columns, and the size-matrix problem explains
  // how to fix both.
  if (sizeHeaders.length < 2) checkRequiredColumns(input.sheetName, cells, fieldIndex, problems);
  if (fieldIndex.style_number !== undefined && fieldIndex.style_identifier === undefined) {
    layoutNotes.push(notes.styleIdentifierFromNumber);
  }

  return {
    headerRow: headerIndex + 1,
    columns,
    fieldIndex,
    fieldHeader,
    problems,
    notes: layoutNotes,
    reservedIndexes,
  };
}

/** Adds a problem when no column set can identify a SKU or no column gives the quantity. */
function checkRequiredColumns(
  sheetName: string,
  cells: readonly HeaderCell[],
  fieldIndex: Partial<Record<FieldId, number>>,
  problems: SheetProblem[],
): void {
  // A pending column choice means the field has a column, and that problem explains what to do.
  const pending = new Set(problems.map((problem) => problem.field));
  const has = (field: FieldId): boolean => fieldIndex[field] !== undefined || pending.has(field);
  const headers = cells.map((cell) => `"${cell.header}"`);

  const styleSet = has('style_number') && has('color_code') && has('size');
  const joorSet = has('style_id') && has('style_color_id') && has('size_code');
  if (!has('upc') && !styleSet && !joorSet) {
    let absent: FieldId[] = [];
    if (has('style_number')) {
      absent = (['color_code', 'size'] as const).filter((field) => !has(field));
    } else if (has('style_id') || has('style_color_id')) {
      absent = (['style_id', 'style_color_id', 'size_code'] as const).filter((field) => !has(field));
    }
    const missing = absent.map((field) => FIELD_NOUNS[field]);
    const message = sheetMessages.noIdentifierColumn(sheetName, headers, missing);
    problems.push({ code: 'NO_IDENTIFIER_COLUMN', message });
  }
  if (!has('quantity')) {
    problems.push({
      code: 'NO_QUANTITY_COLUMN',
      message: sheetMessages.noQuantityColumn(sheetName, headers),
    });
  }
}

function sampleLooksLikeGtins(input: SheetInput, headerIndex: number, columnIndex: number): boolean {
  let seen = 0;
  for (let r = headerIndex + 1; r < input.values.length && seen < GTIN_SAMPLE_ROWS; r++) {
    const value = input.values[r]?.[columnIndex];
    if (value === undefined || value === '') continue;
    seen++;
    if (typeof value === 'number') continue;
    if (typeof value !== 'string' || !isDigits(trimCell(value))) return false;
  }
  return true;
}
