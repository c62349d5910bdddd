// The Sheet fake: ranges, size, structure edits, hiding, freezing and protection of one tab.

import { type GridRange, parseA1, splitSheetName } from './a1';
import type { FakeContext } from './fake-context';
import { createProtection, type FakeProtection, type ProtectionType } from './fake-protection';
import { FakeRange } from './fake-range';
import { createRangeList, type FakeRangeList } from './fake-range-list';
import type { FakeSpreadsheet } from './fake-spreadsheet';
import { DEFAULT_COLUMN_WIDTH, lastColumnWithContent, lastRowWithContent, type SheetModel } from './model';
import { deleteColumns, deleteRows, insertColumns, insertRows } from './sheet-edit';

export class FakeSheet {
  constructor(
    private readonly context: FakeContext,
    private readonly parent: FakeSpreadsheet,
    readonly model: SheetModel,
  ) {}

  private count(method: string): void {
    this.context.count('Sheet', method);
  }

  getSheetId(): number {
    this.count('getSheetId');
    return this.model.sheetId;
  }

  getName(): string {
    this.count('getName');
    return this.model.name;
  }

  setName(name: string): FakeSheet {
    this.count('setName');
    this.parent.assertNewSheetName(name, this.model);
    this.model.name = name;
    return this;
  }

  getParent(): FakeSpreadsheet {
    this.count('getParent');
    return this.parent;
  }

  getIndex(): number {
    this.count('getIndex');
    return this.context.workbook.sheets.indexOf(this.model) + 1;
  }

  getLastRow(): number {
    this.count('getLastRow');
    return lastRowWithContent(this.model);
  }

  getLastColumn(): number {
    this.count('getLastColumn');
    return lastColumnWithContent(this.model);
  }

  getMaxRows(): number {
    this.count('getMaxRows');
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.count('getMaxColumns');
    return this.model.maxColumns;
  }

  // Ranges -------------------------------------------------------------------------------------

  /** `getRange(a1)` or `getRange(row, column, numRows?, numColumns?)`, 1-based. */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.count('getRange');
    if (typeof rowOrA1 === 'string') return this.rangeFromA1(rowOrA1);
    if (column === undefined) {
      throw this.context.error(
        `The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    return this.createRange({ row: rowOrA1, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 });
  }

  /** Returns the range from A1 to the last row and column with content, at least A1. */
  getDataRange(): FakeRange {
    this.count('getDataRange');
    return this.createRange({
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRowWithContent(this.model)),
      numColumns: Math.max(1, lastColumnWithContent(this.model)),
    });
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    this.count('getRangeList');
    return createRangeList(
      this.context,
      a1Notations.map((notation) => this.rangeFromA1(notation)),
    );
  }

  /** Parses A1 notation relative to this sheet. A sheet name in it must be this sheet's name. */
  rangeFromA1(notation: string): FakeRange {
    const { sheetName, cells } = splitSheetName(notation);
    const grid = parseA1(cells, this.model.maxRows, this.model.maxColumns);
    if (!grid || (sheetName !== null && sheetName !== this.model.name)) {
      throw this.context.error(`Range not found: "${notation}".`);
    }
    return this.createRange(grid);
  }

  /** Creates a range after checking it with Apps Script's messages. */
  createRange(grid: GridRange): FakeRange {
    const { row, column, numRows, numColumns } = grid;
    const integers = [row, column, numRows, numColumns].every(Number.isInteger);
    if (!integers) throw this.context.error('The coordinates of the range must be whole numbers.');
    if (row < 1) throw this.context.error('The starting row of the range is too small.');
    if (column < 1) throw this.context.error('The starting column of the range is too small.');
    if (numRows < 1) throw this.context.error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.context.error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.model.maxRows || column + numColumns - 1 > this.model.maxColumns) {
      throw this.context.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.context, this, this.model, { row, column, numRows, numColumns });
  }

  // Structure ----------------------------------------------------------------------------------

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.count('insertRowsAfter');
    this.assertRowPosition(afterPosition);
    insertRows(this.model, afterPosition + 1, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): FakeSheet {
    this.count('insertRowAfter');
    this.assertRowPosition(afterPosition);
    insertRows(this.model, afterPosition + 1, 1);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.count('insertRowsBefore');
    this.assertRowPosition(beforePosition);
    insertRows(this.model, beforePosition, howMany);
    return this;
  }

  insertRowBefore(beforePosition: number): FakeSheet {
    this.count('insertRowBefore');
    this.assertRowPosition(beforePosition);
    insertRows(this.model, beforePosition, 1);
    return this;
  }

  deleteRow(rowPosition: number): FakeSheet {
    this.count('deleteRow');
    this.deleteRowSpan(rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): FakeSheet {
    this.count('deleteRows');
    this.deleteRowSpan(rowPosition, howMany);
    return this;
  }

  private deleteRowSpan(rowPosition: number, howMany: number): void {
    this.assertRowPosition(rowPosition);
    if (howMany < 1 || rowPosition + howMany - 1 > this.model.maxRows) {
      throw this.context.error('Those rows are out of bounds.');
    }
    if (howMany >= this.model.maxRows) {
      throw this.context.error("You can't delete all the rows on the sheet.");
    }
    deleteRows(this.model, rowPosition, howMany);
  }

  insertColumnAfter(afterPosition: number): FakeSheet {
    this.count('insertColumnAfter');
    this.assertColumnPosition(afterPosition);
    insertColumns(this.model, afterPosition + 1, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.count('insertColumnsAfter');
    this.assertColumnPosition(afterPosition);
    insertColumns(this.model, afterPosition + 1, howMany);
    return this;
  }

  insertColumnBefore(beforePosition: number): FakeSheet {
    this.count('insertColumnBefore');
    this.assertColumnPosition(beforePosition);
    insertColumns(this.model, beforePosition, 1);
    return this;
  }

  deleteColumn(columnPosition: number): FakeSheet {
    this.count('deleteColumn');
    this.deleteColumnSpan(columnPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): FakeSheet {
    this.count('deleteColumns');
    this.deleteColumnSpan(columnPosition, howMany);
    return this;
  }

  private deleteColumnSpan(columnPosition: number, howMany: number): void {
    this.assertColumnPosition(columnPosition);
    if (howMany < 1 || columnPosition + howMany - 1 > this.model.maxColumns) {
      throw this.context.error('Those columns are out of bounds.');
    }
    if (howMany >= this.model.maxColumns) {
      throw this.context.error("You can't delete all the columns on the sheet.");
    }
    deleteColumns(this.model, columnPosition, howMany);
  }

  /** Writes a row below the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): FakeSheet {
    this.count('appendRow');
    if (!Array.isArray(rowContents)) {
      throw this.context.error(
        `The parameters (${typeof rowContents}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    const row0 = lastRowWithContent(this.model);
    if (row0 + 1 > this.model.maxRows) this.model.maxRows = row0 + 1;
    if (rowContents.length > this.model.maxColumns) this.model.maxColumns = rowContents.length;
    rowContents.forEach((value, column0) => {
      this.context.writeValue(this.model, row0, column0, value);
    });
    return this;
  }

  private assertRowPosition(position: number): void {
    if (!Number.isInteger(position) || position < 1 || position > this.model.maxRows) {
      throw this.context.error(`Row ${position} is out of bounds: the sheet has ${this.model.maxRows} rows.`);
    }
  }

  private assertColumnPosition(position: number): void {
    if (!Number.isInteger(position) || position < 1 || position > this.model.maxColumns) {
      throw this.context.error(
        `Column ${position} is out of bounds: the sheet has ${this.model.maxColumns} columns.`,
      );
    }
  }

  // Hiding, freezing and widths ----------------------------------------------------------------

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.count('hideColumns');
    this.assertColumnPosition(columnIndex);
    for (let column = columnIndex; column < columnIndex + numColumns; column++)
      this.model.hiddenColumns.add(column);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.count('showColumns');
    this.assertColumnPosition(columnIndex);
    for (let column = columnIndex; column < columnIndex + numColumns; column++) {
      this.model.hiddenColumns.delete(column);
    }
  }

  hideRows(rowIndex: number, numRows = 1): void {
    this.count('hideRows');
    this.assertRowPosition(rowIndex);
    for (let row = rowIndex; row < rowIndex + numRows; row++) this.model.rowsHiddenByUser.add(row);
  }

  showRows(rowIndex: number, numRows = 1): void {
    this.count('showRows');
    this.assertRowPosition(rowIndex);
    for (let row = rowIndex; row < rowIndex + numRows; row++) this.model.rowsHiddenByUser.delete(row);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.count('isColumnHiddenByUser');
    return this.model.hiddenColumns.has(columnPosition);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.count('isRowHiddenByUser');
    return this.model.rowsHiddenByUser.has(rowPosition);
  }

  isRowHiddenByFilter(rowPosition: number): boolean {
    this.count('isRowHiddenByFilter');
    return this.model.rowsHiddenByFilter.has(rowPosition);
  }

  hideSheet(): FakeSheet {
    this.count('hideSheet');
    const visible = this.context.workbook.sheets.filter((sheet) => !sheet.hidden && sheet !== this.model);
    if (visible.length === 0) throw this.context.error("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.count('showSheet');
    this.model.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.count('isSheetHidden');
    return this.model.hidden;
  }

  getFrozenRows(): number {
    this.count('getFrozenRows');
    return this.model.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.count('setFrozenRows');
    if (!Number.isInteger(rows) || rows < 0 || rows >= this.model.maxRows) {
      throw this.context.error(`Cannot freeze ${rows} rows: the sheet has ${this.model.maxRows} rows.`);
    }
    this.model.frozenRows = rows;
  }

  getFrozenColumns(): number {
    this.count('getFrozenColumns');
    return this.model.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    this.count('setFrozenColumns');
    if (!Number.isInteger(columns) || columns < 0 || columns >= this.model.maxColumns) {
      throw this.context.error(
        `Cannot freeze ${columns} columns: the sheet has ${this.model.maxColumns} columns.`,
      );
    }
    this.model.frozenColumns = columns;
  }

  getColumnWidth(columnPosition: number): number {
    this.count('getColumnWidth');
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Sets a column's width in pixels. */
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.count('setColumnWidth');
    this.assertColumnPosition(columnPosition);
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }

  /**
   * Sizes columns to their longest display value, estimated at 7 pixels a character plus
   * padding rather than measured in a font.
   */
  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    this.count('autoResizeColumns');
    const lastRow = lastRowWithContent(this.model);
    if (lastRow === 0) return this;
    const range = new FakeRange(this.context, this, this.model, {
      row: 1,
      column: startColumn,
      numRows: lastRow,
      numColumns,
    });
    const display = range.readDisplayValues();
    for (let offset = 0; offset < numColumns; offset++) {
      const longest = Math.max(0, ...display.map((row) => row[offset]?.length ?? 0));
      this.model.columnWidths.set(startColumn + offset, Math.max(DEFAULT_COLUMN_WIDTH / 4, longest * 7 + 10));
    }
    return this;
  }

  // Protection and activation --------------------------------------------------------------------

  protect(): FakeProtection {
    this.count('protect');
    const model = {
      type: 'SHEET' as const,
      range: null,
      description: '',
      warningOnly: false,
      editors: [],
      domainEdit: true,
    };
    this.model.protections.push(model);
    return createProtection(this.context, this, this.model, model);
  }

  getProtections(type: ProtectionType): FakeProtection[] {
    this.count('getProtections');
    return this.model.protections
      .filter((protection) => protection.type === type)
      .map((protection) => createProtection(this.context, this, this.model, protection));
  }

  activate(): FakeSheet {
    this.count('activate');
    this.context.workbook.activeSheetId = this.model.sheetId;
    this.context.workbook.activeRange = null;
    return this;
  }

  /** Clears the whole sheet's contents and formats. */
  clear(): FakeSheet {
    this.count('clear');
    const whole = { row: 1, column: 1, numRows: this.model.maxRows, numColumns: this.model.maxColumns };
    new FakeRange(this.context, this, this.model, whole).clearContentAndFormat();
    return this;
  }

  clearContents(): FakeSheet {
    this.count('clearContents');
    this.model.values.rows = [];
    this.model.formulas.rows = [];
    return this;
  }

  clearFormats(): FakeSheet {
    this.count('clearFormats');
    this.model.numberFormats.rows = [];
    this.model.backgrounds.rows = [];
    this.model.fontColors.rows = [];
    this.model.fontWeights.rows = [];
    this.model.columnNumberFormats = [];
    return this;
  }

  clearNotes(): FakeSheet {
    this.count('clearNotes');
    this.model.notes.rows = [];
    return this;
  }
}
