/**
 * The JSON report written by `npm start -- --report PATH`: one entry per data row of the pushed
 * sheet, in sheet order, plus the run summary.
 */

import type { RowResult, StatusCounts } from '../../src/shared/types';

export interface CliReport {
  file: string;
  sheet: string;
  dryRun: boolean;
  /** Target: "emulator" or the JOOR base URL given with --joor-url. */
  target: string;
  headerRow: number;
  counts: StatusCounts;
  /** Sheet-level problems that stopped validation, e.g. two columns that could feed one field. */
  problems: Array<{ code: string; message: string }>;
  /** Notes such as "No Style Identifier column: the style number is used as the identifier." */
  notes: string[];
  /** One entry per data row. `status` is a row status, or a validation outcome in a dry run. */
  rows: RowResult[];
  requests: number;
  executions: number;
}
