// A1 notation: column letters, cell references and ranges such as `Sheet 1!B2:D9`.

/** A rectangle of cells, 1-based as in Apps Script. */
export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Converts a 1-based column number to letters: 1 → A, 27 → AA. */
export function columnToLetters(column: number): string {
  let letters = '';
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** Converts column letters to a 1-based column number: A → 1, AA → 27. */
export function lettersToColumn(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) {
    column = column * 26 + (char.charCodeAt(0) - 64);
  }
  return column;
}

/** Formats a rectangle as A1 notation without a sheet name: `B2`, `B2:D9`. */
export function formatA1(range: GridRange): string {
  const start = columnToLetters(range.column) + range.row;
  if (range.numRows === 1 && range.numColumns === 1) return start;
  const endRow = range.row + range.numRows - 1;
  const endColumn = range.column + range.numColumns - 1;
  return `${start}:${columnToLetters(endColumn)}${endRow}`;
}

/** Splits `'My sheet'!A1:B2` into the unquoted sheet name and the cell part. */
export function splitSheetName(notation: string): { sheetName: string | null; cells: string } {
  const bang = notation.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: notation };
  let sheetName = notation.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName, cells: notation.slice(bang + 1) };
}

const CELL_PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

/**
 * Parses the cell part of A1 notation (`B2`, `B2:D9`, `A:C`, `2:5`) against a sheet's size.
 * Returns null when the text is not A1 notation.
 */
export function parseA1(cells: string, maxRows: number, maxColumns: number): GridRange | null {
  const parts = cells.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const first = CELL_PART.exec(parts[0] ?? '');
  const last = CELL_PART.exec(parts[1] ?? parts[0] ?? '');
  if (!first || !last) return null;

  const [, firstLetters = '', firstDigits = ''] = first;
  const [, lastLetters = '', lastDigits = ''] = last;
  if (firstLetters === '' && firstDigits === '') return null;
  if (parts.length === 1 && (firstLetters === '' || firstDigits === '')) return null;

  const startColumn = firstLetters === '' ? 1 : lettersToColumn(firstLetters);
  const endColumn = lastLetters === '' ? maxColumns : lettersToColumn(lastLetters);
  const startRow = firstDigits === '' ? 1 : Number(firstDigits);
  const endRow = lastDigits === '' ? maxRows : Number(lastDigits);
  if (startRow < 1 || endRow < 1 || startColumn < 1 || endColumn < 1) return null;

  const row = Math.min(startRow, endRow);
  const column = Math.min(startColumn, endColumn);
  return {
    row,
    column,
    numRows: Math.max(startRow, endRow) - row + 1,
    numColumns: Math.max(startColumn, endColumn) - column + 1,
  };
}

/** Tells whether two rectangles share at least one cell. */
export function rangesIntersect(a: GridRange, b: GridRange): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}
