/** Input, configuration and result types of sheet validation. */

import type { ColumnInfo } from '../../shared/api';
import type { ColumnMapping, SheetProblem, ValidatedRow } from '../../shared/types';
import type { DateFormatter } from '../ports';

/** One cell as `Range.getValues()` returns it; an empty cell is `''`. */
export type CellValue = string | number | boolean | Date;

export interface SheetInput {
  sheetName: string;
  /** `getValues()` of the used range, from row 1 and column 1. */
  values: CellValue[][];
  /** `getDisplayValues()` of the same range. */
  displayValues: string[][];
  /** Spreadsheet time zone, e.g. 'Asia/Tokyo'. */
  timeZone: string;
  /** Spreadsheet locale, e.g. 'en_US', 'de_DE', 'fr_FR'. */
  locale: string;
  /** Merged ranges of the used range (1-based), from one `getMergedRanges()` call. */
  merges?: MergedRange[];
}

/** A merged range: only its top-left cell has a value in `getValues()`. */
export interface MergedRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ValidationConfig {
  defaultWarehouse: string;
  /** The account's warehouse names from the settings; 'Default' is always known. */
  knownWarehouses: string[];
  /** Manual field → header choices for this sheet. */
  mapping?: ColumnMapping;
  /** Headers of the add-on's own status columns, which never hold data. */
  reservedHeaders: string[];
  /** False for the CLI without settings and for schedules, where an ambiguity stops the run. */
  interactive: boolean;
  /** Formats a Date as `yyyy-MM-dd` in a time zone. */
  formatDate: DateFormatter;
}

export interface ValidationCounts {
  dataRows: number;
  valid: number;
  invalid: number;
  duplicate: number;
  /** Valid rows that carry at least one warning. */
  withWarnings: number;
  blankRows: number;
  /** Rows with a `#N/A` or `Loading...` cell: source data not calculated yet. */
  uncalculated: number;
}

export interface ValidationResult {
  /** 1-based header row; 0 when no header row was found. */
  headerRow: number;
  /** Every header cell with the field it feeds. */
  columns: ColumnInfo[];
  /** Problems with the sheet as a whole; any of them stops the push and leaves `rows` empty. */
  problems: SheetProblem[];
  notes: string[];
  /** One entry per non-blank data row below the header, in sheet order. */
  rows: ValidatedRow[];
  counts: ValidationCounts;
}
