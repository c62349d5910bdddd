// A stand-in for the add-on's server functions, for developing the sidebar before the endpoints
// and the local runtime exist. It returns plausible DTOs computed from the loaded workbook and
// sends nothing anywhere.
// NOTE: the checks here are a small subset of the add-on's validation, and statuses are written
// as plain text. Tests of the real behaviour must use the runtime backend.

import { readFile } from 'node:fs/promises';
import type {
  IssueGroupDto,
  PreviewDto,
  PushProgressDto,
  RunSummaryDto,
  ScheduleDto,
  SettingsDto,
  SidebarStateDto,
  ValidationSummaryDto,
} from '../../src/shared/api';
import { STATUS_LABELS } from '../../src/shared/status';
import type { PushOptions, StatusCounts } from '../../src/shared/types';
import { loadWorkbook } from '../runtime/spreadsheet/load';
import { lastColumnWithContent, lastRowWithContent, type SheetModel } from '../runtime/spreadsheet/model';
import { saveWorkbook } from '../runtime/spreadsheet/save';
import type { SidebarBackend } from './backend';

interface StubRow {
  row: number;
  key: string;
  sku: string;
  warehouse: string;
  quantity: number;
  errors: Array<{ code: string; column: number; message: string }>;
}

interface StubRun {
  runId: string;
  rows: StubRow[];
  done: number;
  options: PushOptions;
  cancelled: boolean;
  sheet: SheetModel;
}

const HEADER_PATTERNS: Record<string, RegExp> = {
  upc: /^(upc|ean|gtin|barcode)$/i,
  quantity: /^(qty|quantity|ats|qty available)$/i,
  warehouse: /^warehouse$/i,
  style: /^style ?(#|number|no)$/i,
};

export async function createStubBackend(
  file: string,
  timeZone: string,
  locale: string,
  settingsFile?: string,
): Promise<SidebarBackend> {
  const book = await loadWorkbook(file, { timeZone, locale });
  const fromFile = settingsFile
    ? (JSON.parse(await readFile(settingsFile, 'utf8')) as {
        warehouses?: string[];
        itemsPerRequest?: number;
      })
    : {};
  const settings: SettingsDto = {
    environment: 'sandbox',
    tokenMasked: '',
    hasToken: false,
    warehouses: fromFile.warehouses ?? ['Default'],
    itemsPerRequest: fromFile.itemsPerRequest ?? 50,
    styleIdentifierKey: 'both',
    format: 'json',
  };
  const confirmed = new Map<string, number>();
  const runs = new Map<string, StubRun>();
  const log: RunSummaryDto[] = [];
  let schedule: ScheduleDto | undefined;
  let lastOptions: PushOptions = {
    defaultWarehouse: 'Default',
    overwrite: false,
    replaceFromSheet: false,
    decPending: false,
    changeOnly: false,
    format: 'json',
  };

  const sheetById = (sheetId: string): SheetModel => {
    const sheet = book.sheets.find((candidate) => String(candidate.sheetId) === sheetId);
    if (!sheet) throw new Error(`Sheet id ${sheetId} was not found in this spreadsheet. Reload the sidebar.`);
    return sheet;
  };

  const handlers: Record<string, (...args: never[]) => unknown> = {
    getSidebarState: () => ({ ok: true, state: sidebarState() }),
    saveSettings: (request: Partial<SettingsDto> & { token?: string }) => {
      if (request.token) {
        settings.hasToken = true;
        settings.tokenMasked = `••••••${request.token.slice(-4)}`;
      }
      if (request.environment) settings.environment = request.environment;
      if (request.warehouses) settings.warehouses = request.warehouses;
      return { ok: true, settings };
    },
    testConnection: () =>
      settings.hasToken
        ? { ok: true, message: `Connected to the JOOR ${settings.environment} (stand-in backend).` }
        : {
            ok: false,
            code: 'NO_TOKEN',
            message: 'No API token is saved. Add one under API token, then check again.',
          },
    addWarehouse: (name: string) => {
      if (!settings.warehouses.includes(name)) settings.warehouses.push(name);
      return { ok: true, settings };
    },
    getColumns: (sheetId: string) => {
      const { headerRow, columns } = detectColumns(sheetById(sheetId));
      return { ok: true, headerRow, columns };
    },
    saveColumnMapping: (_sheetId: string, mapping: unknown) => ({ ok: true, mapping }),
    validateSheet: (request: { sheetId: string; options: PushOptions }) => ({
      ok: true,
      summary: summarise(sheetById(request.sheetId), request.options).summary,
    }),
    previewPush: (request: { sheetId: string; options: PushOptions }) => ({
      ok: true,
      preview: preview(sheetById(request.sheetId), request.options),
    }),
    startPush: (request: { sheetId: string; options: PushOptions; overwriteConfirmation?: string }) => {
      if (request.options.overwrite && request.overwriteConfirmation !== 'OVERWRITE') {
        return { ok: false, code: 'OVERWRITE_REFUSED', message: 'Type OVERWRITE to confirm an overwrite.' };
      }
      lastOptions = request.options;
      const sheet = sheetById(request.sheetId);
      const { rows } = summarise(sheet, request.options);
      const runId = `run-${runs.size + 1}`;
      const run: StubRun = { runId, rows, done: 0, options: request.options, cancelled: false, sheet };
      runs.set(runId, run);
      writeStatuses(sheet, run);
      return { ok: true, progress: progressOf(run) };
    },
    continuePush: (runId: string) => {
      const run = runs.get(runId);
      if (!run)
        return {
          ok: false,
          code: 'RUN_NOT_FOUND',
          message: `Push ${runId} was not found. Start the push again.`,
        };
      run.done = Math.min(run.rows.length, run.done + settings.itemsPerRequest);
      for (const row of run.rows.slice(0, run.done))
        if (row.errors.length === 0) confirmed.set(row.key, row.quantity);
      writeStatuses(run.sheet, run);
      const progress = progressOf(run);
      if (progress.finished) log.unshift(summaryOf(run, progress));
      return { ok: true, progress };
    },
    cancelPush: (runId: string) => {
      const run = runs.get(runId);
      if (!run) return { ok: false, code: 'RUN_NOT_FOUND', message: `Push ${runId} was not found.` };
      run.cancelled = true;
      const progress = progressOf(run);
      log.unshift(summaryOf(run, progress));
      return { ok: true, progress };
    },
    selectCell: (sheetId: string, row: number, column: number) => {
      const sheet = sheetById(sheetId);
      book.activeSheetId = sheet.sheetId;
      book.activeRange = { row, column, numRows: 1, numColumns: 1 };
      return { ok: true, a1: `${String.fromCharCode(64 + column)}${row}` };
    },
    getSchedule: () => ({ ok: true, schedule, warnings: [] }),
    saveSchedule: (request: ScheduleDto) => {
      schedule = { ...request, paused: false, nextRunAt: new Date(Date.now() + 3_600_000).toISOString() };
      return { ok: true, schedule };
    },
    deleteSchedule: () => {
      schedule = undefined;
      return { ok: true, deleted: true };
    },
    resumeSchedule: () => ({ ok: true, schedule }),
    getRunLog: (limit: number) => ({ ok: true, runs: log.slice(0, limit) }),
  };

  function sidebarState(): SidebarStateDto {
    const visible = book.sheets.filter((sheet) => !sheet.hidden);
    const active = visible[0];
    return {
      settings,
      sheets: visible.map((sheet) => ({ sheetId: String(sheet.sheetId), name: sheet.name })),
      activeSheet: { sheetId: String(active?.sheetId ?? 0), name: active?.name ?? '' },
      lastOptions,
      warnings: [],
      ...(schedule ? { schedule } : {}),
      ...(log[0] ? { lastRun: log[0] } : {}),
    };
  }

  function summarise(
    sheet: SheetModel,
    options: PushOptions,
  ): { summary: ValidationSummaryDto; rows: StubRow[] } {
    const { headerRow, columns } = detectColumns(sheet);
    const columnOf = (field: string): number => columns.find((column) => column.field === field)?.column ?? 0;
    const upcColumn = columnOf('upc');
    const quantityColumn = columnOf('quantity');
    const warehouseColumn = columnOf('warehouse');
    const rows: StubRow[] = [];
    const seen = new Map<string, number>();

    for (let row = headerRow + 1; row <= lastRowWithContent(sheet); row++) {
      const text = (column: number): string =>
        column ? String(sheet.values.get(row - 1, column - 1) ?? '') : '';
      const upc = text(upcColumn).trim();
      const quantityText = text(quantityColumn).trim();
      const warehouse = text(warehouseColumn).trim() || options.defaultWarehouse;
      const errors: StubRow['errors'] = [];
      const header = (column: number): string => columns.find((info) => info.column === column)?.header ?? '';

      if (!/^\d{12,14}$/.test(upc)) {
        errors.push({
          code: 'UPC_FORMAT',
          column: upcColumn,
          message: `Row ${row}, column ${header(upcColumn)}: "${upc}" is not a 12 to 14 digit UPC. Type the code as plain text.`,
        });
      }
      const quantity = Number(quantityText);
      if (quantityText === '' || !Number.isInteger(quantity) || quantity < 0) {
        errors.push({
          code: 'QUANTITY_NOT_WHOLE',
          column: quantityColumn,
          message: `Row ${row}, column ${header(quantityColumn)}: "${quantityText}" is not a whole number of 0 or more. Enter the units available.`,
        });
      }
      if (!settings.warehouses.includes(warehouse)) {
        errors.push({
          code: 'UNKNOWN_WAREHOUSE',
          column: warehouseColumn,
          message: `Row ${row}, column ${header(warehouseColumn)}: warehouse "${warehouse}" is not in the warehouse list. Fix the name or add it under Settings.`,
        });
      }
      const key = `${upc}|${warehouse}`;
      if (errors.length === 0 && seen.has(key)) {
        errors.push({
          code: 'DUPLICATE',
          column: upcColumn,
          message: `Row ${row}: same UPC and warehouse as row ${seen.get(key)}, which is sent in its place.`,
        });
      }
      if (errors.length === 0) seen.set(key, row);
      rows.push({ row, key, sku: upc, warehouse, quantity, errors });
    }

    const groups = groupIssues(rows);

    const invalid = rows.filter((row) => row.errors.some((error) => error.code !== 'DUPLICATE')).length;
    const duplicate = rows.filter((row) => row.errors.some((error) => error.code === 'DUPLICATE')).length;
    const summary: ValidationSummaryDto = {
      sheet: { sheetId: String(sheet.sheetId), name: sheet.name },
      headerRow,
      columns,
      dataRows: rows.length,
      counts: { valid: rows.length - invalid - duplicate, invalid, duplicate },
      groups,
      problems: [],
      notes: ['Stand-in backend: only UPC format, quantity, warehouse and duplicates are checked.'],
    };
    return { summary, rows };
  }

  function preview(sheet: SheetModel, options: PushOptions): PreviewDto {
    const { summary, rows } = summarise(sheet, options);
    const valid = rows.filter((row) => row.errors.length === 0);
    const changed = valid.filter((row) => confirmed.get(row.key) !== row.quantity);
    const keys = new Set(valid.map((row) => row.key));
    const missing = [...confirmed.keys()].filter((key) => !keys.has(key));
    const requests = Math.ceil(valid.length / settings.itemsPerRequest);
    return {
      validation: summary,
      plan: {
        validRows: valid.length,
        itemsPerRequest: settings.itemsPerRequest,
        requests,
        creditWindows: Math.ceil(requests / 60),
        etaSeconds: requests * 2,
        executions: 1,
        overwriteAllowed: true,
        payloadBytesMax: Math.min(valid.length, settings.itemsPerRequest) * 90,
      },
      changes: changed.slice(0, 20).map((row) => {
        const old = confirmed.get(row.key);
        return {
          key: row.key,
          sku: row.sku,
          warehouse: row.warehouse,
          newQuantity: row.quantity,
          ...(old === undefined ? {} : { oldQuantity: old }),
        };
      }),
      changedCount: changed.filter((row) => confirmed.has(row.key)).length,
      unchangedCount: valid.length - changed.length,
      newCount: changed.filter((row) => !confirmed.has(row.key)).length,
      toZeroCount: valid.filter((row) => row.quantity === 0).length,
      madeToOrderCount: 0,
      missingFromSheetCount: missing.length,
      missingFromSheetExamples: missing.slice(0, 5).map((key) => key.split('|')[0] ?? key),
    };
  }

  function writeStatuses(sheet: SheetModel, run: StubRun): void {
    const statusColumn0 = statusColumnIndex(sheet);
    for (const [index, row] of run.rows.entries()) {
      const status =
        row.errors.length > 0
          ? `${STATUS_LABELS[row.errors[0]?.code === 'DUPLICATE' ? 'duplicate' : 'invalid']}: ${row.errors[0]?.message}`
          : index < run.done
            ? STATUS_LABELS.sent
            : STATUS_LABELS.not_sent;
      sheet.values.set(row.row - 1, statusColumn0, status);
      sheet.backgrounds.set(row.row - 1, statusColumn0, row.errors.length > 0 ? '#fce8e6' : '#ffffff');
    }
  }

  function statusColumnIndex(sheet: SheetModel): number {
    const { headerRow } = detectColumns(sheet);
    const width = lastColumnWithContent(sheet);
    for (let column0 = 0; column0 < width; column0++) {
      if (sheet.values.get(headerRow - 1, column0) === 'JOOR Status') return column0;
    }
    sheet.values.set(headerRow - 1, width, 'JOOR Status');
    return width;
  }

  function progressOf(run: StubRun): PushProgressDto {
    const valid = run.rows.filter((row) => row.errors.length === 0);
    const sent = Math.min(run.done, valid.length);
    const finished = run.cancelled || sent >= valid.length;
    const counts: StatusCounts = {
      sent,
      invalid: run.rows.length - valid.length,
      ...(valid.length > sent ? { not_sent: valid.length - sent } : {}),
    };
    return {
      runId: run.runId,
      done: sent,
      total: valid.length,
      requestsSent: Math.ceil(sent / settings.itemsPerRequest),
      requestsPlanned: Math.ceil(valid.length / settings.itemsPerRequest),
      counts,
      finished,
      message: run.cancelled ? `Cancelled after ${sent} rows.` : `${sent} of ${valid.length} rows sent.`,
      ...(run.cancelled
        ? { stopReason: 'Cancelled by you. The next push sends the rows marked Not sent.' }
        : {}),
    };
  }

  function summaryOf(run: StubRun, progress: PushProgressDto): RunSummaryDto {
    return {
      runId: run.runId,
      trigger: 'sidebar',
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
      outcome: run.cancelled ? 'cancelled' : 'succeeded',
      counts: progress.counts,
      message: progress.message,
    };
  }

  return {
    async execute(name, args) {
      const handler = handlers[name];
      if (!handler) throw new Error(`Script function not found: ${name}`);
      return JSON.parse(JSON.stringify((handler as (...values: unknown[]) => unknown)(...args)));
    },
    workbook: () => book,
    save: (path) => saveWorkbook(book, path),
    close: async () => {},
    describe: () => 'stand-in backend (no runtime, no emulator): answers are plausible, nothing is sent',
  };
}

function detectColumns(sheet: SheetModel): {
  headerRow: number;
  columns: Array<{
    header: string;
    column: number;
    field?: 'upc' | 'quantity' | 'warehouse' | 'style_number';
  }>;
} {
  const width = lastColumnWithContent(sheet);
  for (let row0 = 0; row0 < 10; row0++) {
    const headers = Array.from({ length: width }, (_, column0) =>
      String(sheet.values.get(row0, column0) ?? '').trim(),
    );
    if (!headers.some((header) => HEADER_PATTERNS.upc?.test(header))) continue;
    const columns = headers
      .map((header, column0) => {
        const field = Object.entries(HEADER_PATTERNS).find(([, pattern]) => pattern.test(header))?.[0];
        const mapped = field === 'style' ? 'style_number' : field;
        return { header, column: column0 + 1, ...(mapped ? { field: mapped as 'upc' } : {}) };
      })
      .filter((column) => column.header !== '');
    return { headerRow: row0 + 1, columns };
  }
  return { headerRow: 1, columns: [] };
}

function groupTitle(code: string): string {
  const titles: Record<string, string> = {
    UPC_FORMAT: 'UPC is not 12 to 14 digits',
    QUANTITY_NOT_WHOLE: 'Quantity is not a whole number of 0 or more',
    UNKNOWN_WAREHOUSE: 'Warehouse is not in the list',
    DUPLICATE: 'Same SKU, warehouse and date as an earlier row',
  };
  return titles[code] ?? code;
}

/** Groups the rows' errors by code, with the first five rows of each as examples. */
function groupIssues(rows: StubRow[]): IssueGroupDto[] {
  const groups = new Map<string, IssueGroupDto>();
  for (const row of rows) {
    for (const error of row.errors) {
      const group = groups.get(error.code) ?? {
        code: error.code,
        severity: 'error' as const,
        title: groupTitle(error.code),
        count: 0,
        examples: [],
      };
      group.count += 1;
      if (group.examples.length < 5)
        group.examples.push({ row: row.row, column: error.column, message: error.message });
      groups.set(error.code, group);
    }
  }
  return [...groups.values()];
}
