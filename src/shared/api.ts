/**
 * The contract between the sidebar and the server: every function the sidebar may call through
 * google.script.run, with its request and response types. `src/server/api` implements it, the
 * sidebar's typed client and the local sidebar preview both derive their types from it.
 * Every value here is JSON-safe: dates are ISO 8601 strings.
 */

import type { RowStatus } from './status';
import type {
  ColumnMapping,
  Environment,
  FieldId,
  PushOptions,
  PushPlanDto,
  RowIssue,
  RowResult,
  SheetProblem,
  StatusCounts,
  StyleIdentifierKey,
  WireFormat,
} from './types';

/** Failure shape returned (not thrown) by endpoints for errors the user can act on. */
export interface ApiFailure {
  ok: false;
  /** Stable code, e.g. `LEASE_HELD`, `NO_TOKEN`, `OVERWRITE_REFUSED`, `NEEDS_COLUMN_CHOICE`. */
  code: string;
  message: string;
  /** Extra facts for the UI, e.g. the two columns to choose between. */
  details?: Record<string, string | number | boolean | string[]>;
}

export type ApiResult<T> = ({ ok: true } & T) | ApiFailure;

export interface SettingsDto {
  environment: Environment;
  /** Masked token ("••••••1a2b"), or empty when none is saved. Never the token. */
  tokenMasked: string;
  hasToken: boolean;
  warehouses: string[];
  itemsPerRequest: number;
  styleIdentifierKey: StyleIdentifierKey;
  format: WireFormat;
}

export interface SaveSettingsRequest {
  environment?: Environment;
  /** New token; omitted to keep the saved one. */
  token?: string;
  warehouses?: string[];
  itemsPerRequest?: number;
  styleIdentifierKey?: StyleIdentifierKey;
  format?: WireFormat;
}

export interface SheetRef {
  /** Sheet id (gid) as a string, stable across renames. */
  sheetId: string;
  name: string;
}

export interface ColumnInfo {
  header: string;
  /** 1-based column number. */
  column: number;
  field?: FieldId;
}

export interface SidebarStateDto {
  settings: SettingsDto;
  sheets: SheetRef[];
  activeSheet: SheetRef;
  lastOptions: PushOptions;
  lastRun?: RunSummaryDto;
  schedule?: ScheduleDto;
  /** Watchdog findings, e.g. a missed scheduled run or a run lease still held. */
  warnings: string[];
  /** A push that can be continued (the sidebar closed mid-push). */
  activeRunId?: string;
}

export interface ValidateRequest {
  sheetId: string;
  options: PushOptions;
  /** Resolves an ambiguity: field → header chosen by the user. Saved as the sheet's mapping. */
  mapping?: ColumnMapping;
  /** Per-row outcomes in the response, for the CLI report. */
  includeRows?: boolean;
  /** Write the outcome of invalid and duplicate rows into the status column (menu and sidebar). */
  writeStatuses?: boolean;
}

export interface IssueGroupDto {
  code: string;
  severity: 'error' | 'warning';
  /** Plain description of the kind, e.g. "UPC check digit is wrong". */
  title: string;
  count: number;
  /** First rows of this kind, with the cell to select. */
  examples: Array<{ row: number; column: number; message: string }>;
}

export interface ValidationSummaryDto {
  sheet: SheetRef;
  headerRow: number;
  columns: ColumnInfo[];
  dataRows: number;
  counts: StatusCounts;
  groups: IssueGroupDto[];
  problems: SheetProblem[];
  notes: string[];
}

export interface PreviewChangeDto {
  key: string;
  /** Readable SKU, e.g. the UPC or "ST-100 / 001 / M". */
  sku: string;
  warehouse: string;
  date?: string;
  oldQuantity?: number;
  newQuantity: number;
  madeToOrder?: boolean;
}

export interface PreviewDto {
  validation: ValidationSummaryDto;
  plan: PushPlanDto;
  /** Keys whose quantity changes compared with the last confirmed push (first rows only). */
  changes: PreviewChangeDto[];
  changedCount: number;
  unchangedCount: number;
  newCount: number;
  toZeroCount: number;
  madeToOrderCount: number;
  /** Keys of the last confirmed push missing from this sheet: wiped by an overwrite. */
  missingFromSheetCount: number;
  missingFromSheetExamples: string[];
}

export interface StartPushRequest {
  sheetId: string;
  options: PushOptions;
  mapping?: ColumnMapping;
  /** The word OVERWRITE, typed by the user, when options.overwrite is on. */
  overwriteConfirmation?: string;
  /** Send only the rows whose last status is failed, not_sent or not_confirmed. */
  retryFailedOnly?: boolean;
  /** Per-row results in each progress response, for the CLI report. */
  includeRows?: boolean;
}

export interface PushProgressDto {
  runId: string;
  /** Rows handled so far in this run, out of the rows the run will send. */
  done: number;
  total: number;
  requestsSent: number;
  requestsPlanned: number;
  counts: StatusCounts;
  finished: boolean;
  /** Reason the run stopped before the end, and what happens next. */
  stopReason?: string;
  /** When a continuation should wait, e.g. until a credit window opens (ISO time). */
  resumeAfter?: string;
  message: string;
  /** Per-row results of this execution, only when the caller asked for them (the CLI report). */
  rows?: RowResult[];
}

export interface RunSummaryDto {
  runId: string;
  trigger: 'menu' | 'sidebar' | 'schedule' | 'cli';
  startedAt: string;
  endedAt?: string;
  outcome: 'running' | 'succeeded' | 'partial' | 'failed' | 'aborted' | 'cancelled';
  counts: StatusCounts;
  message: string;
}

export type ScheduleInterval = 'off' | 'hourly' | 'every2h' | 'every4h' | 'every6h' | 'every12h' | 'daily';

export interface ScheduleDto {
  interval: ScheduleInterval;
  /** Hour of day (0-23) in the spreadsheet's time zone, for daily schedules. */
  hour?: number;
  sheetId: string;
  options: PushOptions;
  paused: boolean;
  pauseReason?: string;
  nextRunAt?: string;
  lastRunAt?: string;
  estimatedDailyMinutes?: number;
}

export interface SaveScheduleRequest {
  interval: ScheduleInterval;
  hour?: number;
  sheetId: string;
  options: PushOptions;
  /** The word OVERWRITE, typed by the user, when the schedule's options.overwrite is on. */
  overwriteConfirmation?: string;
}

/** Every function the sidebar can call. Keep names in step with the entry module's exports. */
export interface ServerApi {
  getSidebarState(): ApiResult<{ state: SidebarStateDto }>;
  saveSettings(request: SaveSettingsRequest): ApiResult<{ settings: SettingsDto }>;
  testConnection(): ApiResult<{ message: string }>;
  addWarehouse(name: string): ApiResult<{ settings: SettingsDto }>;
  getColumns(sheetId: string): ApiResult<{ columns: ColumnInfo[]; headerRow: number }>;
  saveColumnMapping(sheetId: string, mapping: ColumnMapping): ApiResult<{ mapping: ColumnMapping }>;
  validateSheet(request: ValidateRequest): ApiResult<{ summary: ValidationSummaryDto; rows?: RowResult[] }>;
  previewPush(request: ValidateRequest): ApiResult<{ preview: PreviewDto }>;
  startPush(request: StartPushRequest): ApiResult<{ progress: PushProgressDto }>;
  continuePush(runId: string, includeRows?: boolean): ApiResult<{ progress: PushProgressDto }>;
  cancelPush(runId: string): ApiResult<{ progress: PushProgressDto }>;
  selectCell(sheetId: string, row: number, column: number): ApiResult<{ a1: string }>;
  getSchedule(): ApiResult<{ schedule?: ScheduleDto; warnings: string[] }>;
  saveSchedule(request: SaveScheduleRequest): ApiResult<{ schedule: ScheduleDto }>;
  deleteSchedule(): ApiResult<{ deleted: boolean }>;
  resumeSchedule(): ApiResult<{ schedule: ScheduleDto }>;
  getRunLog(limit: number): ApiResult<{ runs: RunSummaryDto[] }>;
}

export type ServerApiName = keyof ServerApi;

/** Status counts keyed for display, in the order the sidebar shows them. */
export const DISPLAY_ORDER: ReadonlyArray<RowStatus> = [
  'sent',
  'failed',
  'invalid',
  'duplicate',
  'unchanged',
  'not_sent',
  'not_confirmed',
];

/** Re-exported so the sidebar needs one import for the issue type. */
export type { RowIssue };
