/** Validate and Preview: what the sheet holds, and what a push would change in JOOR. */

import { countUtf8Bytes, serializeItems } from '../../core/push/payload';
import { formatRowState, parseRowState } from '../../core/run/row-state';
import { statusText } from '../../core/run/status-text';
import { groupIssues, type ValidationResult } from '../../core/validation';
import type {
  ColumnInfo,
  PreviewChangeDto,
  PreviewDto,
  ValidateRequest,
  ValidationSummaryDto,
} from '../../shared/api';
import type { InventoryItem, RowResult, StatusCounts } from '../../shared/types';
import { AddonError, problemDetails } from '../errors';
import { confirmedStateKey, readConfirmedState } from '../gas/bookkeeping';
import { ensureStatusColumns, STATUS_COLORS, type StatusWrite, writeStatuses } from '../gas/sheet';
import { loadPushContext, loadTarget, type PushContext } from '../push/context';
import { fingerprintFor, skuOf, summarisePushPlan } from '../push/engine';
import { normalizePushOptions } from '../push/options';
import { saveDocumentSettings } from '../settings';
import { requireString } from './endpoint';

/** Examples per issue kind in the summary; the sidebar shows them as clickable rows. */
const EXAMPLES_PER_GROUP = 5;
/** Changes listed in the preview; counts cover all keys. */
const PREVIEW_CHANGES = 50;
/** Run id written into the state column by a validation, which is never a push. */
const VALIDATION_RUN = 'validate';

export function summarize(context: PushContext): ValidationSummaryDto {
  const { validation, snapshot } = context;
  const counts: StatusCounts = {
    valid: validation.counts.valid,
    invalid: validation.counts.invalid,
    duplicate: validation.counts.duplicate,
  };
  return {
    sheet: { sheetId: snapshot.sheetId, name: snapshot.sheetName },
    headerRow: validation.headerRow,
    columns: validation.columns as ColumnInfo[],
    dataRows: validation.counts.dataRows,
    counts,
    groups: groupIssues(validation, EXAMPLES_PER_GROUP),
    problems: validation.problems,
    notes: validation.notes,
  };
}

export function loadForCheck(request: ValidateRequest, interactive: boolean): PushContext {
  if (request === null || typeof request !== 'object') {
    throw new AddonError('INVALID_REQUEST', 'The request is empty. Reload the sidebar and try again.');
  }
  requireString(request.sheetId, 'sheetId');
  const options = normalizePushOptions(request.options);
  const context = loadPushContext({
    sheetId: request.sheetId,
    options,
    ...(request.mapping === undefined ? {} : { mapping: request.mapping }),
    interactive,
  });
  if (request.mapping !== undefined && context.validation.problems.length === 0) {
    context.settings.columnMappings[context.snapshot.sheetId] = request.mapping;
    saveDocumentSettings(context.documentProps, context.settings);
  }
  return context;
}

export function rowOutcomes(validation: ValidationResult): RowResult[] {
  return validation.rows.map((row) => {
    let severity: 'warning' | 'error' | undefined;
    if (row.outcome === 'valid') severity = 'warning';
    if (row.outcome === 'invalid') severity = 'error';
    const message = row.issues
      .filter((issue) => severity === undefined || issue.severity === severity)
      .map((issue) => issue.message)
      .join(' ');
    return {
      row: row.row,
      status: row.outcome,
      message,
      ...(row.item === undefined ? {} : { item: row.item }),
    };
  });
}

/**
 * Writes the outcome of invalid and duplicate rows into the status column, and clears an earlier
 * validation status from rows that are now valid. Push statuses of valid rows stay as they are.
 */
export function writeValidationStatuses(context: PushContext): void {
  const { validation, snapshot } = context;
  if (validation.headerRow === 0 || validation.problems.length > 0) return;
  const columns = ensureStatusColumns(snapshot, validation.headerRow);
  const writes: StatusWrite[] = [];
  for (const row of validation.rows) {
    const state = parseRowState(snapshot.values[row.row - 1]?.[columns.state - 1]);
    if (row.outcome === 'valid') {
      if (state?.runId === VALIDATION_RUN) {
        writes.push({ row: row.row, text: '', pushedAt: '', logId: '', state: '', color: null, note: null });
      }
      continue;
    }
    const status = row.outcome === 'invalid' ? 'invalid' : 'duplicate';
    const messages = row.issues.map((issue) => issue.message);
    const more = messages.length > 1 ? ` (+${messages.length - 1} more in the note)` : '';
    writes.push({
      row: row.row,
      text: statusText(status, messages[0] ?? '') + more,
      pushedAt: '',
      logId: '',
      state: formatRowState({ runId: VALIDATION_RUN, status }),
      color: status === 'invalid' ? STATUS_COLORS.error : null,
      note: messages.length > 1 ? messages.join('\n') : null,
    });
  }
  writeStatuses(snapshot, columns, writes);
}

export function buildPreview(context: PushContext, request: ValidateRequest): PreviewDto {
  const options = normalizePushOptions(request.options);
  const validation = summarize(context);
  const target = loadTarget(context.userProps);
  const confirmed = readConfirmedState(context.spreadsheet);
  const fingerprint = fingerprintFor(target, options);
  const changes: PreviewChangeDto[] = [];
  const present = new Set<string>();
  let changedCount = 0;
  let unchangedCount = 0;
  let newCount = 0;
  let toZeroCount = 0;
  let madeToOrderCount = 0;
  let validLines = 0;
  const firstBatch: InventoryItem[] = [];

  for (const row of context.validation.rows) {
    if (row.outcome !== 'valid' || row.item === undefined || row.key === undefined) continue;
    validLines++;
    if (firstBatch.length < context.settings.itemsPerRequest) firstBatch.push(row.item);
    present.add(row.key);
    const last = confirmed.get(confirmedStateKey(target.target, row.key));
    const item = row.item;
    if (item.made_to_order === true) madeToOrderCount++;
    if (last !== undefined && last.fingerprint === fingerprint(item)) {
      unchangedCount++;
      continue;
    }
    if (last === undefined) newCount++;
    else changedCount++;
    if (item.inventory === 0 && (last === undefined || last.quantity > 0)) toZeroCount++;
    if (changes.length < PREVIEW_CHANGES) {
      changes.push({
        key: row.key,
        sku: skuOf(item),
        warehouse: item.warehouse ?? options.defaultWarehouse,
        ...(item.inventory_date === undefined ? {} : { date: item.inventory_date }),
        ...(last === undefined ? {} : { oldQuantity: last.quantity }),
        newQuantity: item.inventory,
        ...(item.made_to_order === true ? { madeToOrder: true } : {}),
      });
    }
  }

  const missing: string[] = [];
  let missingCount = 0;
  for (const entry of confirmed.values()) {
    if (entry.target !== target.target || present.has(entry.key) || entry.quantity === 0) continue;
    missingCount++;
    if (missing.length < 10)
      missing.push(`${skuOfStored(entry.sku)} (${entry.warehouse}): ${entry.quantity}`);
  }
  const linesToSend =
    (options.changeOnly && !options.overwrite ? validLines - unchangedCount : validLines) +
    (options.replaceFromSheet ? missingCount : 0);

  const plan = summarisePushPlan(linesToSend, context.settings, options);
  // Lines are of similar size, so the first full request is a fair estimate of the largest one.
  plan.payloadBytesMax = countUtf8Bytes(
    serializeItems(firstBatch, options.format, context.settings.styleIdentifierKey),
  );
  return {
    validation,
    plan,
    changes,
    changedCount,
    unchangedCount,
    newCount,
    toZeroCount,
    madeToOrderCount,
    missingFromSheetCount: missingCount,
    missingFromSheetExamples: missing,
  };
}

function skuOfStored(json: string): string {
  try {
    return skuOf(JSON.parse(json));
  } catch {
    return json;
  }
}

export function assertNoProblems(context: PushContext): void {
  const problem = context.validation.problems[0];
  if (problem !== undefined) {
    throw new AddonError(problem.code, problem.message, problemDetails(problem));
  }
}
