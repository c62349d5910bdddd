/**
 * Row validation for inventory sheets: header detection, per-cell checks and repairs, and
 * duplicate detection. Pure TypeScript with no platform globals; the server adapter passes in
 * the arrays of one `getValues()` and one `getDisplayValues()` call.
 */

export { describeSku } from './describe-sku';
export { groupIssues } from './group-issues';
export { computeCheckDigit, hasValidCheckDigit, toGtin14 } from './gtin';
export type {
  CellValue,
  MergedRange,
  SheetInput,
  ValidationConfig,
  ValidationCounts,
  ValidationResult,
} from './types';
export { KEY_SEPARATOR } from './validate-row';
export { validateSheet } from './validate-sheet';
