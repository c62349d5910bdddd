// The Range fake: bulk reads and writes over the dense row arrays of a sheet model.

import { formatA1, type GridRange, rangesIntersect } from './a1';
import { normalizeColor } from './colors';
import { formatDisplayValue } from './display';
import { AUTOMATIC_FORMAT_PATTERN, describeArgumentType, type FakeContext } from './fake-context';
import { createProtection, type FakeProtection } from './fake-protection';
import type { FakeSheet } from './fake-sheet';
import {
  type CellLayer,
  type CellValue,
  effectiveNumberFormat,
  GENERAL_FORMAT,
  type SheetModel,
} from './model';

const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOR = '#000000';

export class FakeRange {
  constructor(
    private readonly context: FakeContext,
    private readonly owner: FakeSheet,
    private readonly model: SheetModel,
    readonly grid: GridRange,
  ) {}

  // Reading values ---------------------------------------------------------------------------

  getValues(): (CellValue | Date)[][] {
    this.context.count('Range', 'getValues');
    return this.readValues();
  }

  getValue(): CellValue | Date {
    this.context.count('Range', 'getValue');
    return this.topLeft().readValues()[0]?.[0] ?? '';
  }

  getDisplayValues(): string[][] {
    this.context.count('Range', 'getDisplayValues');
    return this.readDisplayValues();
  }

  getDisplayValue(): string {
    this.context.count('Range', 'getDisplayValue');
    return this.topLeft().readDisplayValues()[0]?.[0] ?? '';
  }

  getFormulas(): string[][] {
    this.context.count('Range', 'getFormulas');
    return this.readLayer(this.model.formulas, '');
  }

  getFormula(): string {
    this.context.count('Range', 'getFormula');
    return this.model.formulas.get(this.grid.row - 1, this.grid.column - 1) ?? '';
  }

  /** Reads stored values. Cells covered by a merge, except its top-left cell, read as ''. */
  private readValues(): (CellValue | Date)[][] {
    const { model, context } = this;
    const result: (CellValue | Date)[][] = new Array(this.grid.numRows);
    for (let index = 0; index < this.grid.numRows; index++) {
      const row0 = this.grid.row - 1 + index;
      const values = model.values.rows[row0];
      const formats = model.numberFormats.rows[row0];
      const output: (CellValue | Date)[] = new Array(this.grid.numColumns);
      for (let offset = 0; offset < this.grid.numColumns; offset++) {
        const column0 = this.grid.column - 1 + offset;
        const value = values?.[column0];
        output[offset] =
          typeof value === 'number'
            ? context.toScriptValue(value, formats?.[column0] ?? model.columnNumberFormats[column0])
            : (value ?? '');
      }
      result[index] = output;
    }
    this.blankMergedCells(result, '');
    return result;
  }

  /** Reads display values without counting a call, for the fake's own use. */
  readDisplayValues(): string[][] {
    const { model, context } = this;
    const result: string[][] = new Array(this.grid.numRows);
    for (let index = 0; index < this.grid.numRows; index++) {
      const row0 = this.grid.row - 1 + index;
      const values = model.values.rows[row0];
      const output: string[] = new Array(this.grid.numColumns);
      for (let offset = 0; offset < this.grid.numColumns; offset++) {
        const column0 = this.grid.column - 1 + offset;
        const value = values?.[column0];
        output[offset] =
          value === undefined
            ? ''
            : formatDisplayValue(value, effectiveNumberFormat(model, row0, column0), context.conventions);
      }
      result[index] = output;
    }
    this.blankMergedCells(result, '');
    return result;
  }

  private readLayer<T>(layer: CellLayer<T>, empty: T): T[][] {
    const result: T[][] = new Array(this.grid.numRows);
    for (let index = 0; index < this.grid.numRows; index++) {
      const row = layer.rows[this.grid.row - 1 + index];
      const output: T[] = new Array(this.grid.numColumns);
      for (let offset = 0; offset < this.grid.numColumns; offset++) {
        output[offset] = row?.[this.grid.column - 1 + offset] ?? empty;
      }
      result[index] = output;
    }
    return result;
  }

  private blankMergedCells<T>(grid: T[][], empty: T): void {
    for (const merge of this.model.merges) {
      if (!rangesIntersect(merge, this.grid)) continue;
      for (let row = merge.row; row < merge.row + merge.numRows; row++) {
        for (let column = merge.column; column < merge.column + merge.numColumns; column++) {
          if (row === merge.row && column === merge.column) continue;
          const output = grid[row - this.grid.row];
          const offset = column - this.grid.column;
          if (output && offset >= 0 && offset < output.length) output[offset] = empty;
        }
      }
    }
  }

  // Writing values ---------------------------------------------------------------------------

  setValues(values: unknown[][]): FakeRange {
    this.context.count('Range', 'setValues');
    this.assertGrid('setValues', values);
    const inputContext = this.context.createInputContext();
    for (let index = 0; index < values.length; index++) {
      const row = values[index] as unknown[];
      const row0 = this.grid.row - 1 + index;
      for (let offset = 0; offset < row.length; offset++) {
        this.context.writeValue(this.model, row0, this.grid.column - 1 + offset, row[offset], inputContext);
      }
    }
    return this;
  }

  setValue(value: unknown): FakeRange {
    this.context.count('Range', 'setValue');
    this.forEachCell((row0, column0) => this.context.writeValue(this.model, row0, column0, value));
    return this;
  }

  setFormula(formula: string): FakeRange {
    this.context.count('Range', 'setFormula');
    const text = String(formula).startsWith('=') ? String(formula) : `=${formula}`;
    this.forEachCell((row0, column0) => this.context.writeValue(this.model, row0, column0, text));
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.context.count('Range', 'setFormulas');
    this.assertGrid('setFormulas', formulas);
    this.forEachCell((row0, column0, index, offset) => {
      const formula = formulas[index]?.[offset] ?? '';
      this.context.writeValue(this.model, row0, column0, formula);
    });
    return this;
  }

  /**
   * Throws Apps Script's messages for data that is not a 2-D array of the range's shape.
   * Rows are checked before columns, as Apps Script reports them.
   */
  private assertGrid(method: string, data: unknown): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw this.context.error(
        `The parameters (${describeArgumentType(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this.grid.numRows) {
      throw this.context.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.grid.numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this.grid.numColumns) {
        throw this.context.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.grid.numColumns}.`,
        );
      }
    }
  }

  private forEachCell(visit: (row0: number, column0: number, index: number, offset: number) => void): void {
    for (let index = 0; index < this.grid.numRows; index++) {
      for (let offset = 0; offset < this.grid.numColumns; offset++) {
        visit(this.grid.row - 1 + index, this.grid.column - 1 + offset, index, offset);
      }
    }
  }

  private writeLayer<T>(
    method: string,
    layer: CellLayer<T>,
    data: unknown[][],
    convert: (v: unknown) => T | undefined,
  ) {
    this.assertGrid(method, data);
    this.forEachCell((row0, column0, index, offset) =>
      layer.set(row0, column0, convert(data[index]?.[offset])),
    );
  }

  private fillLayer<T>(layer: CellLayer<T>, value: T | undefined): void {
    this.forEachCell((row0, column0) => layer.set(row0, column0, value));
  }

  // Formats, colours and notes ------------------------------------------------------------------

  getNumberFormats(): string[][] {
    this.context.count('Range', 'getNumberFormats');
    return this.readNumberFormats();
  }

  getNumberFormat(): string {
    this.context.count('Range', 'getNumberFormat');
    return this.topLeft().readNumberFormats()[0]?.[0] ?? AUTOMATIC_FORMAT_PATTERN;
  }

  // NOTE: Automatic cells report `0.###############`. Whether Apps Script returns this or
  // `General` is unverified, so callers should test for `@` instead of comparing with either.
  private readNumberFormats(): string[][] {
    const result: string[][] = [];
    for (let index = 0; index < this.grid.numRows; index++) {
      const output: string[] = [];
      for (let offset = 0; offset < this.grid.numColumns; offset++) {
        const format = effectiveNumberFormat(
          this.model,
          this.grid.row - 1 + index,
          this.grid.column - 1 + offset,
        );
        output.push(format === GENERAL_FORMAT ? AUTOMATIC_FORMAT_PATTERN : format);
      }
      result.push(output);
    }
    return result;
  }

  setNumberFormat(format: string): FakeRange {
    this.context.count('Range', 'setNumberFormat');
    this.fillLayer(this.model.numberFormats, toStoredFormat(format));
    return this;
  }

  setNumberFormats(formats: string[][]): FakeRange {
    this.context.count('Range', 'setNumberFormats');
    this.writeLayer('setNumberFormats', this.model.numberFormats, formats, (format) =>
      toStoredFormat(format),
    );
    return this;
  }

  getBackgrounds(): string[][] {
    this.context.count('Range', 'getBackgrounds');
    return this.readLayer(this.model.backgrounds, DEFAULT_BACKGROUND);
  }

  getBackground(): string {
    this.context.count('Range', 'getBackground');
    return this.model.backgrounds.get(this.grid.row - 1, this.grid.column - 1) ?? DEFAULT_BACKGROUND;
  }

  setBackgrounds(colors: (string | null)[][]): FakeRange {
    this.context.count('Range', 'setBackgrounds');
    this.writeLayer('setBackgrounds', this.model.backgrounds, colors, (color) => this.toColor(color));
    return this;
  }

  setBackground(color: string | null): FakeRange {
    this.context.count('Range', 'setBackground');
    this.fillLayer(this.model.backgrounds, this.toColor(color));
    return this;
  }

  getFontColors(): string[][] {
    this.context.count('Range', 'getFontColors');
    return this.readLayer(this.model.fontColors, DEFAULT_FONT_COLOR);
  }

  setFontColors(colors: (string | null)[][]): FakeRange {
    this.context.count('Range', 'setFontColors');
    this.writeLayer('setFontColors', this.model.fontColors, colors, (color) => this.toColor(color));
    return this;
  }

  setFontColor(color: string | null): FakeRange {
    this.context.count('Range', 'setFontColor');
    this.fillLayer(this.model.fontColors, this.toColor(color));
    return this;
  }

  getFontWeights(): string[][] {
    this.context.count('Range', 'getFontWeights');
    return this.readLayer<string>(this.model.fontWeights, 'normal');
  }

  setFontWeight(weight: 'bold' | 'normal' | null): FakeRange {
    this.context.count('Range', 'setFontWeight');
    this.fillLayer(this.model.fontWeights, weight === 'bold' ? 'bold' : undefined);
    return this;
  }

  setFontWeights(weights: ('bold' | 'normal' | null)[][]): FakeRange {
    this.context.count('Range', 'setFontWeights');
    this.writeLayer('setFontWeights', this.model.fontWeights, weights, (weight) =>
      weight === 'bold' ? 'bold' : undefined,
    );
    return this;
  }

  getNotes(): string[][] {
    this.context.count('Range', 'getNotes');
    return this.readLayer(this.model.notes, '');
  }

  getNote(): string {
    this.context.count('Range', 'getNote');
    return this.model.notes.get(this.grid.row - 1, this.grid.column - 1) ?? '';
  }

  setNotes(notes: (string | null)[][]): FakeRange {
    this.context.count('Range', 'setNotes');
    this.writeLayer('setNotes', this.model.notes, notes, (note) => (note ? String(note) : undefined));
    return this;
  }

  setNote(note: string | null): FakeRange {
    this.context.count('Range', 'setNote');
    this.fillLayer(this.model.notes, note ? String(note) : undefined);
    return this;
  }

  private toColor(color: unknown): string | undefined {
    if (color === null || color === undefined || color === '') return undefined;
    const normalized = normalizeColor(String(color));
    if (normalized === null) {
      throw this.context.error(`Invalid color "${String(color)}": use #rrggbb, #rgb or a CSS color name.`);
    }
    return normalized;
  }

  // Clearing ---------------------------------------------------------------------------------

  clearContent(): FakeRange {
    this.context.count('Range', 'clearContent');
    this.clearContentOnly();
    return this;
  }

  clearFormat(): FakeRange {
    this.context.count('Range', 'clearFormat');
    this.clearFormatOnly();
    return this;
  }

  clearNote(): FakeRange {
    this.context.count('Range', 'clearNote');
    this.model.notes.clear(this.grid);
    return this;
  }

  /** Clears contents and formats, or only what the options name. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }): FakeRange {
    this.context.count('Range', 'clear');
    const only = options && (options.contentsOnly || options.formatOnly || options.commentsOnly);
    if (!only || options?.contentsOnly) this.clearContentOnly();
    if (!only || options?.formatOnly) this.clearFormatOnly();
    if (options?.commentsOnly) this.model.notes.clear(this.grid);
    return this;
  }

  /** Clears contents and formats without counting a call, for the fake's own use. */
  clearContentAndFormat(): void {
    this.clearContentOnly();
    this.clearFormatOnly();
  }

  private clearContentOnly(): void {
    this.model.values.clear(this.grid);
    this.model.formulas.clear(this.grid);
  }

  private clearFormatOnly(): void {
    this.model.numberFormats.clear(this.grid);
    this.model.backgrounds.clear(this.grid);
    this.model.fontColors.clear(this.grid);
    this.model.fontWeights.clear(this.grid);
  }

  // Geometry ---------------------------------------------------------------------------------

  getRow(): number {
    this.context.count('Range', 'getRow');
    return this.grid.row;
  }

  getColumn(): number {
    this.context.count('Range', 'getColumn');
    return this.grid.column;
  }

  getLastRow(): number {
    this.context.count('Range', 'getLastRow');
    return this.grid.row + this.grid.numRows - 1;
  }

  getLastColumn(): number {
    this.context.count('Range', 'getLastColumn');
    return this.grid.column + this.grid.numColumns - 1;
  }

  getNumRows(): number {
    this.context.count('Range', 'getNumRows');
    return this.grid.numRows;
  }

  getNumColumns(): number {
    this.context.count('Range', 'getNumColumns');
    return this.grid.numColumns;
  }

  getHeight(): number {
    this.context.count('Range', 'getHeight');
    return this.grid.numRows;
  }

  getWidth(): number {
    this.context.count('Range', 'getWidth');
    return this.grid.numColumns;
  }

  getA1Notation(): string {
    this.context.count('Range', 'getA1Notation');
    return formatA1(this.grid);
  }

  /** Returns the sheet model without counting a call, for the fake's own use. */
  getSheetModel(): SheetModel {
    return this.model;
  }

  getSheet(): FakeSheet {
    this.context.count('Range', 'getSheet');
    return this.owner;
  }

  activate(): FakeRange {
    this.context.count('Range', 'activate');
    this.context.workbook.activeSheetId = this.model.sheetId;
    this.context.workbook.activeRange = { ...this.grid };
    return this;
  }

  /** Returns the range moved by the offsets, optionally with a new size (Apps Script's `offset`). */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.context.count('Range', 'offset');
    return this.owner.createRange({
      row: this.grid.row + rowOffset,
      column: this.grid.column + columnOffset,
      numRows: numRows ?? this.grid.numRows,
      numColumns: numColumns ?? this.grid.numColumns,
    });
  }

  /** Returns one cell of the range, 1-based relative to the range's top-left cell. */
  getCell(row: number, column: number): FakeRange {
    this.context.count('Range', 'getCell');
    if (row < 1 || column < 1 || row > this.grid.numRows || column > this.grid.numColumns) {
      throw this.context.error('The coordinates of the range are outside the dimensions of the range.');
    }
    return this.owner.createRange({
      row: this.grid.row + row - 1,
      column: this.grid.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  private topLeft(): FakeRange {
    return new FakeRange(this.context, this.owner, this.model, { ...this.grid, numRows: 1, numColumns: 1 });
  }

  // Merges and protection --------------------------------------------------------------------

  getMergedRanges(): FakeRange[] {
    this.context.count('Range', 'getMergedRanges');
    return this.model.merges
      .filter((merge) => rangesIntersect(merge, this.grid))
      .map((merge) => new FakeRange(this.context, this.owner, this.model, { ...merge }));
  }

  isPartOfMerge(): boolean {
    this.context.count('Range', 'isPartOfMerge');
    return this.model.merges.some((merge) => rangesIntersect(merge, this.grid));
  }

  /** Merges the range and keeps only the top-left value, as Sheets does. */
  merge(): FakeRange {
    this.context.count('Range', 'merge');
    this.assertWholeMerges();
    this.model.merges = this.model.merges.filter((merge) => !rangesIntersect(merge, this.grid));
    if (this.grid.numRows * this.grid.numColumns === 1) return this;

    this.forEachCell((row0, column0) => {
      if (row0 === this.grid.row - 1 && column0 === this.grid.column - 1) return;
      this.model.values.set(row0, column0, undefined);
      this.model.formulas.set(row0, column0, undefined);
    });
    this.model.merges.push({ ...this.grid });
    return this;
  }

  breakApart(): FakeRange {
    this.context.count('Range', 'breakApart');
    this.assertWholeMerges();
    this.model.merges = this.model.merges.filter((merge) => !rangesIntersect(merge, this.grid));
    return this;
  }

  private assertWholeMerges(): void {
    const partial = this.model.merges.some(
      (merge) => rangesIntersect(merge, this.grid) && !this.contains(merge),
    );
    if (partial)
      throw this.context.error('You must select all cells in a merged range to merge or unmerge them.');
  }

  private contains(other: GridRange): boolean {
    return (
      other.row >= this.grid.row &&
      other.column >= this.grid.column &&
      other.row + other.numRows <= this.grid.row + this.grid.numRows &&
      other.column + other.numColumns <= this.grid.column + this.grid.numColumns
    );
  }

  protect(): FakeProtection {
    this.context.count('Range', 'protect');
    const model = {
      type: 'RANGE' as const,
      range: { ...this.grid },
      description: '',
      warningOnly: false,
      editors: [],
      domainEdit: true,
    };
    this.model.protections.push(model);
    return createProtection(this.context, this.owner, this.model, model);
  }
}

/** Stores the Automatic pattern and `General` as "no format", so the cell parses input again. */
function toStoredFormat(format: unknown): string | undefined {
  if (format === null || format === undefined) return undefined;
  const text = String(format);
  return text === '' || text === AUTOMATIC_FORMAT_PATTERN || text === GENERAL_FORMAT ? undefined : text;
}
