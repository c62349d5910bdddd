// The SpreadsheetApp fake of the local Apps Script runtime: an in-memory workbook loaded from
// .xlsx or .csv, the fake services over it, and saving back to a file.

export { columnToLetters, formatA1, type GridRange, lettersToColumn, parseA1 } from './a1';
export { formatDisplayValue, formatGeneralNumber, isDateFormat } from './display';
export { AUTOMATIC_FORMAT_PATTERN, type FakeEnvironment } from './fake-context';
export { ProtectionType } from './fake-protection';
export type { FakeRange } from './fake-range';
export type { FakeSheet } from './fake-sheet';
export {
  createSpreadsheetApp,
  Dimension,
  type FakeSpreadsheet,
  type FakeSpreadsheetApp,
} from './fake-spreadsheet';
export { evaluateFormula } from './formula';
export { type LoadOptions, loadWorkbook } from './load';
export { localeConventions, supportedLocales } from './locale';
export {
  addSheet,
  type CellValue,
  createWorkbook,
  GENERAL_FORMAT,
  type ProtectionModel,
  type SheetModel,
  TEXT_FORMAT,
  type Workbook,
} from './model';
export { type SaveOptions, saveWorkbook } from './save';
export { type ParsedInput, parseTypedInput, type TypedInputContext } from './typed-input';
export {
  Button,
  ButtonSet,
  type CallCounter,
  type DialogRequest,
  type HtmlOutputLike,
  type RecordedMenu,
  type RecordedMenuEntry,
  type UiHost,
} from './ui';
export { instantToSerial, serialToInstant } from './zone';
