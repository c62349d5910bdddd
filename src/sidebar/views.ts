/**
 * Renders the push screen's results: the validation summary, the dry-run preview, push progress
 * and the final counts. Every value is inserted as text.
 */

import type { IssueGroupDto, PreviewDto, PushProgressDto, ValidationSummaryDto } from '../shared/api';
import { DISPLAY_ORDER } from '../shared/api';
import { STATUS_LABELS, STATUS_MEANINGS } from '../shared/status';
import type { PushPlanDto, SheetProblem, StatusCounts } from '../shared/types';
import { formatDuration, h, plural, uniqueId } from './dom';
import { fieldLabel } from './fields';

/** Statuses that "Retry failed rows only" sends again. */
const RETRY_STATUSES = ['failed', 'not_sent', 'not_confirmed'] as const;

export function countsList(counts: StatusCounts, testId: string): HTMLElement {
  const list = h('dl', { class: 'counts', 'data-testid': testId });
  const valid = counts.valid;
  if (valid !== undefined) {
    list.appendChild(h('div', { class: 'count count-valid' }, h('dt', {}, 'Valid'), h('dd', {}, valid)));
  }
  for (const status of DISPLAY_ORDER) {
    const count = counts[status];
    if (!count) continue;
    list.appendChild(
      h(
        'div',
        { class: `count count-${status}`, title: STATUS_MEANINGS[status], 'data-status': status },
        h('dt', {}, STATUS_LABELS[status]),
        h('dd', {}, count),
      ),
    );
  }
  return list;
}

export interface SummaryHandlers {
  selectCell(row: number, column: number): void;
  chooseColumn(field: string, header: string): void;
}

export function renderSummary(summary: ValidationSummaryDto, handlers: SummaryHandlers): HTMLElement {
  const errors = summary.groups.filter((group) => group.severity === 'error');
  const warnings = summary.groups.filter((group) => group.severity === 'warning');
  return h(
    'section',
    { class: 'summary', 'data-testid': 'validation-summary', 'aria-label': 'Validation summary' },
    h('h3', {}, `Sheet "${summary.sheet.name}"`),
    h('p', {}, `${plural(summary.dataRows, 'data row')}, headers in row ${summary.headerRow}.`),
    countsList(summary.counts, 'validation-counts'),
    ...summary.problems.map((problem) => renderProblem(problem, handlers)),
    summary.groups.length === 0 ? h('p', { class: 'ok' }, 'No problems found.') : null,
    ...errors.map((group) => renderGroup(group, handlers)),
    ...warnings.map((group) => renderGroup(group, handlers)),
    summary.notes.length > 0
      ? h('ul', { class: 'notes' }, ...summary.notes.map((note) => h('li', {}, note)))
      : null,
  );
}

function renderProblem(problem: SheetProblem, handlers: SummaryHandlers): HTMLElement {
  const box = h(
    'div',
    { class: 'problem', role: 'group', 'data-code': problem.code },
    h('p', {}, problem.message),
  );
  if (problem.field && problem.columns && problem.columns.length > 1) {
    box.appendChild(columnChooser(problem.field, problem.columns, handlers));
  }
  return box;
}

/** Creates a chooser for one header when several could feed a field. */
export function columnChooser(field: string, columns: string[], handlers: SummaryHandlers): HTMLElement {
  const select = h('select', { id: uniqueId('choose'), 'data-testid': 'column-choice' });
  for (const column of columns) select.appendChild(h('option', { value: column }, column));
  const use = h('button', { type: 'button' }, 'Use this column');
  use.addEventListener('click', () => handlers.chooseColumn(field, select.value));
  return h(
    'div',
    { class: 'chooser' },
    h('label', { for: select.id }, `Column for ${fieldLabel(field)}`),
    h('div', { class: 'inline' }, select, use),
  );
}

function renderGroup(group: IssueGroupDto, handlers: SummaryHandlers): HTMLElement {
  const shownCount = group.examples.length;
  const items = group.examples.map((example) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'row-link',
        'aria-label': `Select row ${example.row} in the sheet: ${example.message}`,
      },
      h('span', { class: 'row-number' }, `Row ${example.row}`),
      h('span', { class: 'row-message' }, example.message),
    );
    button.addEventListener('click', () => handlers.selectCell(example.row, example.column));
    return h('li', {}, button);
  });
  return h(
    'details',
    { class: `group ${group.severity}`, open: true, 'data-code': group.code },
    h(
      'summary',
      {},
      h('span', { class: 'badge' }, group.severity === 'error' ? 'Error' : 'Warning'),
      ` ${group.title} `,
      h('span', { class: 'group-count' }, `(${group.count})`),
    ),
    h('ul', { class: 'examples' }, ...items),
    group.count > shownCount
      ? h('p', { class: 'hint' }, `First ${shownCount} of ${group.count} rows shown.`)
      : null,
  );
}

export function renderPlan(plan: PushPlanDto, overwriteChosen: boolean): HTMLElement {
  return h(
    'section',
    { class: 'plan', 'data-testid': 'plan', 'aria-label': 'Request and credit plan' },
    h('h3', {}, 'Plan'),
    h(
      'ul',
      {},
      h(
        'li',
        {},
        `${plural(plan.validRows, 'valid row')} in ${plural(plan.requests, 'request')} of up to ${plan.itemsPerRequest} items`,
      ),
      h('li', {}, `${plural(plan.creditWindows, 'credit window')} of JOOR's write budget`),
      h(
        'li',
        {},
        `About ${formatDuration(plan.etaSeconds)} in ${plural(plan.executions, 'server execution')}`,
      ),
      plan.payloadBytesMax > 0
        ? h('li', {}, `Largest request about ${Math.ceil(plan.payloadBytesMax / 1024)} KB`)
        : null,
    ),
    overwriteChosen && !plan.overwriteAllowed && plan.overwriteRefusal
      ? h('p', { class: 'message error', role: 'alert' }, plan.overwriteRefusal)
      : null,
  );
}

export function renderPreview(
  preview: PreviewDto,
  overwriteChosen: boolean,
  handlers: SummaryHandlers,
): HTMLElement {
  const changes = preview.changes.map((change) => {
    const flags = [
      change.newQuantity === 0 ? h('span', { class: 'badge zero' }, 'to zero') : null,
      change.madeToOrder ? h('span', { class: 'badge mto' }, 'made to order') : null,
      change.oldQuantity === undefined ? h('span', { class: 'badge new' }, 'new') : null,
    ];
    const where = change.date ? `${change.warehouse} · ${change.date}` : change.warehouse;
    return h(
      'li',
      { class: 'change' },
      h('span', { class: 'sku' }, change.sku),
      h('span', { class: 'where' }, where),
      h('span', { class: 'quantities' }, `${change.oldQuantity ?? '—'} → ${change.newQuantity}`),
      ...flags,
    );
  });
  return h(
    'section',
    { class: 'preview', 'data-testid': 'preview', 'aria-label': 'Preview' },
    renderPlan(preview.plan, overwriteChosen),
    h('h3', {}, 'Changes since the last confirmed push'),
    h(
      'ul',
      { class: 'stats' },
      h('li', {}, `${plural(preview.changedCount, 'SKU')} changed`),
      h('li', {}, `${plural(preview.newCount, 'SKU')} new`),
      h('li', {}, `${plural(preview.unchangedCount, 'SKU')} unchanged`),
      h('li', {}, `${plural(preview.toZeroCount, 'SKU')} going to zero`),
      h('li', {}, `${plural(preview.madeToOrderCount, 'SKU')} made to order`),
      preview.missingFromSheetCount > 0
        ? h(
            'li',
            {},
            `${plural(preview.missingFromSheetCount, 'SKU')} of the last push missing from this sheet`,
          )
        : null,
    ),
    changes.length > 0
      ? h('ul', { class: 'changes', 'data-testid': 'changes' }, ...changes)
      : h('p', { class: 'hint' }, 'No quantity changes.'),
    preview.changedCount + preview.newCount > changes.length
      ? h('p', { class: 'hint' }, `First ${changes.length} changes shown.`)
      : null,
    renderSummary(preview.validation, handlers),
  );
}

export interface ProgressView {
  element: HTMLElement;
  update(progress: PushProgressDto): void;
  /** Shows a wait for JOOR's credit window, with the time the push resumes. */
  showWait(text: string): void;
  cancelButton: HTMLButtonElement;
}

export function createProgressView(): ProgressView {
  // A progress element without a value is indeterminate until the first response arrives.
  const bar = h('progress', { 'aria-label': 'Push progress' });
  const text = h(
    'p',
    { class: 'progress-text', 'data-testid': 'progress-text', 'aria-live': 'polite' },
    'Starting the push: validating the sheet and sending the first requests…',
  );
  const wait = h('p', { class: 'hint', 'data-testid': 'progress-wait' });
  const cancelButton = h('button', { type: 'button', class: 'danger' }, 'Cancel push');
  const element = h(
    'section',
    { class: 'progress', 'data-testid': 'progress', 'aria-label': 'Push in progress' },
    h('h3', {}, 'Pushing to JOOR'),
    bar,
    text,
    wait,
    h('div', { class: 'actions' }, cancelButton),
  );
  return {
    element,
    cancelButton,
    update(progress) {
      bar.max = Math.max(progress.total, 1);
      bar.value = progress.done;
      text.textContent =
        `${progress.done.toLocaleString('en-US')} of ${plural(progress.total, 'row')}, ` +
        `request ${progress.requestsSent} of ${progress.requestsPlanned}. ${progress.message}`;
      wait.textContent = '';
    },
    showWait(message) {
      wait.textContent = message;
    },
  };
}

/** Returns how many rows "Retry failed rows only" would send. */
export function retryableCount(counts: StatusCounts): number {
  return RETRY_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

/** Renders the final counts; `cancelled` is true when the user pressed Cancel during the push. */
export function renderResults(
  progress: PushProgressDto,
  onRetry: (() => void) | null,
  cancelled = false,
): HTMLElement {
  const retryCount = retryableCount(progress.counts);
  const retry =
    onRetry && retryCount > 0
      ? h('button', { type: 'button' }, `Retry failed rows only (${retryCount})`)
      : null;
  if (retry && onRetry) retry.addEventListener('click', onRetry);
  let title = 'Push finished';
  if (progress.stopReason) title = 'Push stopped';
  if (cancelled) title = 'Push cancelled';
  return h(
    'section',
    { class: 'results', 'data-testid': 'results', 'aria-label': 'Push results' },
    h('h3', {}, title),
    h('p', { 'data-testid': 'results-message', role: 'status' }, progress.message),
    progress.stopReason ? h('p', { class: 'message warning' }, progress.stopReason) : null,
    countsList(progress.counts, 'result-counts'),
    h('p', { class: 'hint' }, "Each row's status is written in the sheet's status column."),
    retry ? h('div', { class: 'actions' }, retry) : null,
  );
}
