/**
 * The confirmation shown before a push with overwrite on. JOOR documents `overwrite=1` as
 * replacing the inventory of the whole account, so the panel states that scope, counts the SKUs
 * of the last confirmed push that this sheet no longer has, and requires typing OVERWRITE.
 */

import type { PreviewDto } from '../shared/api';
import { h, plural, uniqueId } from './dom';

/** The word the user must type, exactly and in capitals. */
export const CONFIRMATION_WORD = 'OVERWRITE';

export interface OverwriteChoice {
  /** Overwrite confirmed: the typed word and whether dropped invalid rows were accepted. */
  confirm(typed: string, acceptDroppedRows: boolean): void;
  /** Use "Replace from sheet" instead of overwrite. */
  replaceFromSheet(): void;
  back(): void;
}

export function renderOverwriteConfirmation(preview: PreviewDto, choice: OverwriteChoice): HTMLElement {
  const invalidRows = preview.validation.counts.invalid ?? 0;
  const plan = preview.plan;
  const input = h('input', {
    type: 'text',
    id: uniqueId('overwrite'),
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'overwrite-input',
  });
  const accept = h('input', { type: 'checkbox', id: uniqueId('accept') });
  const confirm = h(
    'button',
    { type: 'button', class: 'danger', disabled: true },
    'Overwrite account inventory',
  );
  const replace = h('button', { type: 'button' }, 'Replace from sheet instead');
  const back = h('button', { type: 'button', class: 'secondary' }, 'Back');

  const updateConfirm = (): void => {
    const typed = input.value.trim() === CONFIRMATION_WORD;
    const accepted = invalidRows === 0 || accept.checked;
    confirm.disabled = !(plan.overwriteAllowed && typed && accepted);
  };
  input.addEventListener('input', updateConfirm);
  accept.addEventListener('change', updateConfirm);
  confirm.addEventListener('click', () => choice.confirm(input.value.trim(), accept.checked));
  replace.addEventListener('click', () => choice.replaceFromSheet());
  back.addEventListener('click', () => choice.back());

  const missing = preview.missingFromSheetCount;
  return h(
    'section',
    {
      class: 'overwrite',
      'data-testid': 'overwrite-confirmation',
      role: 'group',
      'aria-label': 'Confirm overwrite',
    },
    h('h3', {}, 'Overwrite the whole account?'),
    h(
      'p',
      {},
      'JOOR documents overwrite as replacing the inventory of the whole account, in every warehouse, ' +
        'with the rows of this push. Any SKU that this push does not send ends up with no inventory on JOOR.',
    ),
    h(
      'p',
      { class: 'blast', 'data-testid': 'missing-count' },
      missing > 0
        ? `${plural(missing, 'SKU')} of the last confirmed push ${missing === 1 ? 'is' : 'are'} missing from this sheet and will be wiped.`
        : 'Every SKU of the last confirmed push is in this sheet. SKUs the add-on never pushed are wiped too.',
    ),
    preview.missingFromSheetExamples.length > 0
      ? h('ul', { class: 'examples' }, ...preview.missingFromSheetExamples.map((sku) => h('li', {}, sku)))
      : null,
    invalidRows > 0
      ? h(
          'div',
          { class: 'check' },
          accept,
          h(
            'label',
            { for: accept.id },
            `${plural(invalidRows, 'invalid row')} will be left out and so wiped on JOOR. I accept this.`,
          ),
        )
      : null,
    plan.overwriteAllowed
      ? null
      : h(
          'p',
          { class: 'message error', role: 'alert' },
          plan.overwriteRefusal ?? 'This push cannot use overwrite.',
        ),
    h('label', { for: input.id }, `Type ${CONFIRMATION_WORD} to confirm`),
    input,
    h('div', { class: 'actions' }, confirm),
    h(
      'div',
      { class: 'alternative' },
      h(
        'p',
        {},
        'Safer: Replace from sheet sends every row as a plain update and sets to zero only the SKUs this ' +
          'add-on pushed before that are missing from the sheet. Nothing else in the account changes, and ' +
          'a push interrupted half-way leaves no wiped inventory.',
      ),
      h('div', { class: 'actions' }, replace, back),
    ),
  );
}
