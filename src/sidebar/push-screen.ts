/**
 * The push screen: the form (sheet, warehouse, overwrite, replace from sheet, dec_pending,
 * change-only, format), then Validate, Preview and Push with progress, cancel and results.
 */

import type { ApiResult, PushProgressDto, StartPushRequest } from '../shared/api';
import type { ColumnMapping, FieldId, PushOptions } from '../shared/types';
import { type App, isFailure } from './app';
import { checkbox, field, formatTime, h, replaceChildren, uniqueId } from './dom';
import { fieldLabel } from './fields';
import { renderOverwriteConfirmation } from './overwrite-confirm';
import {
  columnChooser,
  createProgressView,
  renderPreview,
  renderResults,
  renderSummary,
  type SummaryHandlers,
} from './views';

/** How often a wait for JOOR's credit window re-checks whether the user cancelled. */
const WAIT_TICK_MS = 500;

interface PushForm {
  element: HTMLElement;
  sheetId(): string;
  options(): PushOptions;
  setOverwrite(on: boolean): void;
  setReplaceFromSheet(on: boolean): void;
}

function createForm(app: App): PushForm {
  const state = app.state;
  const last = state?.lastOptions;

  const sheet = h('select', { id: uniqueId('sheet'), 'data-testid': 'sheet' });
  for (const ref of state?.sheets ?? []) {
    const option = h('option', { value: ref.sheetId }, ref.name);
    if (ref.sheetId === state?.activeSheet.sheetId) option.selected = true;
    sheet.appendChild(option);
  }

  const listId = uniqueId('warehouses');
  const suggestions = h('datalist', { id: listId });
  for (const name of state?.settings.warehouses ?? []) suggestions.appendChild(h('option', { value: name }));
  const warehouse = h('input', {
    type: 'text',
    list: listId,
    autocomplete: 'off',
    value: last?.defaultWarehouse ?? state?.settings.warehouses[0] ?? '',
    'data-testid': 'warehouse',
  });

  const overwrite = checkbox(
    'Overwrite (replaces the whole account)',
    false,
    'Asks for confirmation first. Rows missing from the push lose their inventory.',
  );
  const replace = checkbox(
    'Replace from sheet',
    last?.replaceFromSheet ?? false,
    'Sets to zero the SKUs of the last push that are missing from this sheet.',
  );
  const decPending = checkbox('Deduct pending orders (dec_pending)', last?.decPending ?? false);
  const changeOnly = checkbox('Only rows changed since the last push', last?.changeOnly ?? false);
  overwrite.input.setAttribute('data-testid', 'overwrite');
  replace.input.setAttribute('data-testid', 'replace-from-sheet');

  // Overwrite and replace-from-sheet both handle SKUs missing from the sheet, so checking one clears the other.
  overwrite.input.addEventListener('change', () => {
    if (overwrite.input.checked) replace.input.checked = false;
  });
  replace.input.addEventListener('change', () => {
    if (replace.input.checked) overwrite.input.checked = false;
  });

  const formatName = uniqueId('format');
  const savedFormat = last?.format ?? state?.settings.format ?? 'json';
  const formats = (['json', 'xml'] as const).map((value) => {
    const input = h('input', {
      type: 'radio',
      name: formatName,
      value,
      id: `${formatName}-${value}`,
      checked: savedFormat === value,
    });
    return {
      value,
      input,
      row: h('span', { class: 'radio' }, input, h('label', { for: input.id }, value.toUpperCase())),
    };
  });

  const element = h(
    'div',
    { class: 'push-form' },
    field('Sheet', sheet),
    field('Warehouse', warehouse, 'For rows without a warehouse column or with a blank warehouse cell.'),
    suggestions,
    overwrite.row,
    replace.row,
    decPending.row,
    changeOnly.row,
    h(
      'fieldset',
      { class: 'formats' },
      h('legend', {}, 'Request format'),
      ...formats.map((format) => format.row),
    ),
  );

  return {
    element,
    sheetId: () => sheet.value,
    options: () => ({
      defaultWarehouse: warehouse.value.trim(),
      overwrite: overwrite.input.checked,
      replaceFromSheet: replace.input.checked,
      decPending: decPending.input.checked,
      changeOnly: changeOnly.input.checked,
      format: formats.find((format) => format.input.checked)?.value ?? 'json',
    }),
    setOverwrite: (on) => {
      overwrite.input.checked = on;
      if (on) replace.input.checked = false;
    },
    setReplaceFromSheet: (on) => {
      replace.input.checked = on;
      if (on) overwrite.input.checked = false;
    },
  };
}

export function renderPush(app: App, root: HTMLElement, validateNow = false): void {
  const form = createForm(app);
  const output = h('div', { class: 'output', 'data-testid': 'output' });
  const validate = h('button', { type: 'button', class: 'secondary' }, 'Validate');
  const preview = h('button', { type: 'button', class: 'secondary' }, 'Preview');
  const push = h('button', { type: 'button' }, 'Push');
  const buttons = [validate, preview, push];
  const mapping: ColumnMapping = {};

  const setButtonsDisabled = (disabled: boolean): void => {
    for (const button of buttons) button.disabled = disabled;
  };

  const handlers: SummaryHandlers = {
    selectCell(row, column) {
      void app.busy(null, async () => {
        const result = app.unwrap(await app.call('selectCell', form.sheetId(), row, column));
        if (result) app.showInfo(`Selected ${result.a1} in the sheet.`);
      });
    },
    chooseColumn(fieldId, header) {
      mapping[fieldId as FieldId] = header;
      app.showInfo(`Using column "${header}" for ${fieldLabel(fieldId)}. Validating again…`);
      runValidate();
    },
  };

  /** Replaces the output and scrolls it to the top of the sidebar, below the form. */
  const showOutput = (content: HTMLElement): void => {
    replaceChildren(output, content);
    output.scrollIntoView({ block: 'start' });
  };

  /**
   * Shows a failure. A column ambiguity gets a chooser: from the failure's details when they name
   * the field, otherwise from a validation, whose summary lists the field and its candidates.
   */
  const showFailure = (failure: {
    code: string;
    message: string;
    details?: Record<string, unknown>;
  }): void => {
    app.showError(failure.message);
    if (failure.code !== 'NEEDS_COLUMN_CHOICE') return;
    const details = failure.details ?? {};
    const columns = details.columns;
    if (typeof details.field === 'string' && Array.isArray(columns)) {
      replaceChildren(output, columnChooser(details.field, columns.map(String), handlers));
    } else {
      runValidate();
    }
  };

  const runValidate = (): void => {
    void app.busy(validate, async () => {
      app.clearMessage();
      // Statuses of invalid and duplicate rows go into the sheet, next to the rows to fix.
      const result = await app.call('validateSheet', {
        sheetId: form.sheetId(),
        options: form.options(),
        mapping,
        writeStatuses: true,
      });
      if (isFailure(result)) {
        app.showError(result.message);
        return;
      }
      showOutput(renderSummary(result.summary, handlers));
    });
  };

  const runPreview = (): void => {
    void app.busy(preview, async () => {
      app.clearMessage();
      const options = { ...form.options(), dryRun: true };
      const result = await app.call('previewPush', { sheetId: form.sheetId(), options, mapping });
      if (isFailure(result)) return showFailure(result);
      showOutput(renderPreview(result.preview, options.overwrite, handlers));
    });
  };

  /**
   * Runs a push from its first call to its results. The progress view appears before the first
   * call, because one server call may run for minutes, and Cancel is honoured between calls.
   */
  const runPush = (firstCall: () => Promise<ApiResult<{ progress: PushProgressDto }>>): void => {
    const view = createProgressView();
    let cancelRequested = false;
    view.cancelButton.addEventListener('click', () => {
      cancelRequested = true;
      view.cancelButton.disabled = true;
      view.showWait('Cancelling after the current request…');
    });
    setButtonsDisabled(true);
    app.clearMessage();
    showOutput(view.element);

    void app
      .busy(push, async () => {
        const first = await firstCall();
        if (isFailure(first)) {
          replaceChildren(output);
          showFailure(first);
          // A push interrupted earlier still holds the run lease: offer to continue it.
          const runId = first.details?.runId;
          if (first.code === 'LEASE_HELD' && typeof runId === 'string')
            output.appendChild(resumeButton(runId));
          return;
        }
        let progress = first.progress;
        view.update(progress);
        while (!progress.finished) {
          if (progress.resumeAfter && !cancelRequested) {
            await waitUntil(
              progress.resumeAfter,
              () => cancelRequested,
              (text) => view.showWait(text),
            );
          }
          const next = cancelRequested
            ? await app.call('cancelPush', progress.runId)
            : await app.call('continuePush', progress.runId);
          if (isFailure(next)) {
            showFailure(next);
            replaceChildren(output, renderResults(progress, null), resumeButton(progress.runId));
            return;
          }
          progress = next.progress;
          view.update(progress);
          if (cancelRequested) break;
        }
        showOutput(renderResults(progress, () => startPush({ retryFailedOnly: true }), cancelRequested));
      })
      .finally(() => setButtonsDisabled(false));
  };

  const resumeButton = (runId: string): HTMLElement => {
    const button = h('button', { type: 'button' }, 'Continue the push');
    button.addEventListener('click', () => runPush(() => app.call('continuePush', runId)));
    return h('div', { class: 'actions' }, button);
  };

  const startPush = (extra: Partial<StartPushRequest> = {}): void => {
    const options = form.options();
    // A retry sends only the failed rows, so it must never carry overwrite.
    if (extra.retryFailedOnly) options.overwrite = false;
    const request: StartPushRequest = { sheetId: form.sheetId(), options, mapping, ...extra };
    runPush(() => app.call('startPush', request));
  };

  const confirmOverwrite = (): void => {
    void app.busy(push, async () => {
      app.clearMessage();
      const options = { ...form.options(), dryRun: true };
      const result = await app.call('previewPush', { sheetId: form.sheetId(), options, mapping });
      if (isFailure(result)) return showFailure(result);
      const panel = renderOverwriteConfirmation(result.preview, {
        confirm: (typed, acceptDroppedRows) => {
          const confirmed: PushOptions = { ...form.options(), overwrite: true, acceptDroppedRows };
          const request: StartPushRequest = {
            sheetId: form.sheetId(),
            options: confirmed,
            mapping,
            overwriteConfirmation: typed,
          };
          runPush(() => app.call('startPush', request));
        },
        replaceFromSheet: () => {
          form.setReplaceFromSheet(true);
          startPush();
        },
        back: () => replaceChildren(output),
      });
      showOutput(panel);
      panel.querySelector('input')?.focus({ preventScroll: true });
    });
  };

  validate.addEventListener('click', runValidate);
  preview.addEventListener('click', runPreview);
  push.addEventListener('click', () => {
    if (form.options().overwrite) confirmOverwrite();
    else startPush();
  });

  const activeRunId = app.state?.activeRunId;
  const lastRun = app.state?.lastRun;
  replaceChildren(
    root,
    h('h2', {}, 'Push inventory'),
    lastRun
      ? h(
          'p',
          { class: 'hint', 'data-testid': 'last-run' },
          `Last push: ${formatTime(lastRun.startedAt)}, ${lastRun.outcome}. ${lastRun.message}`,
        )
      : null,
    form.element,
    h('div', { class: 'actions main-actions' }, validate, preview, push),
    activeRunId
      ? h(
          'div',
          { class: 'message warning', 'data-testid': 'active-run' },
          h('p', {}, 'A push started earlier has not finished.'),
          resumeButton(activeRunId),
        )
      : null,
    output,
  );
  if (validateNow) runValidate();
}

/** Waits until `iso`, updating the text every tick, and returns early when `cancelled()` is true. */
async function waitUntil(iso: string, cancelled: () => boolean, show: (text: string) => void): Promise<void> {
  const until = new Date(iso).getTime();
  if (Number.isNaN(until)) return;
  while (!cancelled()) {
    const left = until - Date.now();
    if (left <= 0) return;
    const time = new Date(until).toLocaleTimeString(undefined, {
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    show(`Waiting for JOOR's next credit window: resuming at ${time} (${Math.ceil(left / 1000)} s).`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_TICK_MS, left)));
  }
}
