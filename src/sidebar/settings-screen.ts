/**
 * Settings: environment, API token (masked, replace only), connection check, the warehouse list
 * and the column mapping of the selected sheet.
 */

import type { ColumnInfo, SettingsDto } from '../shared/api';
import type { ColumnMapping, Environment, FieldId, StyleIdentifierKey } from '../shared/types';
import type { App } from './app';
import { field, h, replaceChildren, uniqueId } from './dom';
import { FIELD_LABELS } from './fields';

export function renderSettings(app: App, root: HTMLElement): void {
  const settings = app.state?.settings;
  if (!settings) {
    replaceChildren(root, h('p', {}, 'Settings are not loaded yet.'));
    return;
  }
  replaceChildren(
    root,
    h('h2', {}, 'Settings'),
    environmentSection(app, settings),
    tokenSection(app, settings),
    warehouseSection(app, settings),
    mappingSection(app),
    requestSection(app, settings),
  );
}

const DEFAULT_WAREHOUSE = 'Default';

/** Items per request and the key spelling JOOR reads for the style identifier. */
function requestSection(app: App, settings: SettingsDto): HTMLElement {
  const items = h('input', {
    type: 'number',
    min: 1,
    step: 1,
    id: uniqueId('items'),
    value: settings.itemsPerRequest,
    'data-testid': 'items-per-request',
  });
  const keySelect = h('select', { id: uniqueId('style-key') });
  const keys: Array<[StyleIdentifierKey, string]> = [
    ['both', 'Both spellings (style_identifier and style_identifer)'],
    ['style_identifier', 'style_identifier'],
    ['style_identifer', "style_identifer (as on JOOR's bulk page)"],
  ];
  for (const [value, label] of keys) {
    keySelect.appendChild(h('option', { value, selected: settings.styleIdentifierKey === value }, label));
  }
  const save = h('button', { type: 'button', class: 'secondary' }, 'Save request settings');
  save.addEventListener('click', () => {
    const itemsPerRequest = Number(items.value);
    if (!Number.isInteger(itemsPerRequest) || itemsPerRequest < 1) {
      app.showError(`Items per request must be a whole number of 1 or more, got "${items.value}".`);
      items.focus();
      return;
    }
    void app.busy(save, async () => {
      const styleIdentifierKey = keySelect.value as StyleIdentifierKey;
      const saved = app.unwrap(await app.call('saveSettings', { itemsPerRequest, styleIdentifierKey }));
      if (!saved || !app.state) return;
      app.state.settings = saved.settings;
      app.showInfo(`Request settings saved: up to ${saved.settings.itemsPerRequest} items per request.`);
    });
  });
  return h(
    'fieldset',
    { 'data-testid': 'request-settings' },
    h('legend', {}, 'Requests'),
    field(
      'Items per request',
      items,
      'JOOR documents no maximum; fewer items make smaller requests but use more of the 60 requests per 5 minutes.',
    ),
    field('Style identifier key', keySelect, "JOOR's bulk inventory page spells the key style_identifer."),
    h('div', { class: 'actions' }, save),
  );
}

function environmentSection(app: App, settings: SettingsDto): HTMLElement {
  const name = uniqueId('environment');
  const options: Array<[Environment, string]> = [
    ['sandbox', 'Sandbox (apisandbox.jooraccess.com)'],
    ['production', 'Production (api.jooraccess.com)'],
  ];
  const radios = options.map(([value, label]) => {
    const input = h('input', {
      type: 'radio',
      name,
      value,
      id: `${name}-${value}`,
      checked: settings.environment === value,
    });
    input.addEventListener('change', () => {
      void app.busy(null, async () => {
        const saved = app.unwrap(await app.call('saveSettings', { environment: value }));
        if (!saved || !app.state) return;
        app.state.settings = saved.settings;
        app.showInfo(`Environment set to ${value}. Check the connection with this environment's token.`);
      });
    });
    return h('div', { class: 'check' }, input, h('label', { for: input.id }, label));
  });
  return h('fieldset', { 'data-testid': 'environment' }, h('legend', {}, 'JOOR environment'), ...radios);
}

function tokenSection(app: App, settings: SettingsDto): HTMLElement {
  const section = h('fieldset', { 'data-testid': 'token' }, h('legend', {}, 'API token'));
  const body = h('div');
  section.appendChild(body);

  const showMasked = (current: SettingsDto): void => {
    const replaceButton = h(
      'button',
      { type: 'button', class: 'secondary' },
      current.hasToken ? 'Replace' : 'Add token',
    );
    const checkButton = h('button', { type: 'button', class: 'secondary' }, 'Check connection');
    replaceButton.addEventListener('click', () => showEditor());
    checkButton.addEventListener('click', () => {
      void app.busy(checkButton, async () => {
        app.showInfo('Checking the connection…');
        const result = app.unwrap(await app.call('testConnection'));
        if (result) app.showInfo(result.message);
      });
    });
    replaceChildren(
      body,
      h(
        'p',
        { class: 'token-mask', 'data-testid': 'token-mask' },
        current.hasToken ? current.tokenMasked : 'No token saved.',
      ),
      h('div', { class: 'actions' }, replaceButton, checkButton),
    );
  };

  const showEditor = (): void => {
    const input = h('input', {
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      id: uniqueId('token'),
    });
    const save = h('button', { type: 'button' }, 'Save token');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    cancel.addEventListener('click', () => showMasked(app.state?.settings ?? settings));
    save.addEventListener('click', () => {
      const token = input.value.trim();
      if (!token) {
        app.showError('The token is empty. Paste the API token that JOOR issued for your account.');
        input.focus();
        return;
      }
      void app.busy(save, async () => {
        const saved = app.unwrap(await app.call('saveSettings', { token }));
        input.value = '';
        if (!saved || !app.state) return;
        app.state.settings = saved.settings;
        app.showInfo(
          'Token saved. It is stored for your Google account only and is never shown again in full.',
        );
        showMasked(saved.settings);
      });
    });
    replaceChildren(
      body,
      h('label', { for: input.id }, 'New API token'),
      input,
      h(
        'p',
        { class: 'hint' },
        'Saved for your Google account only, never in the sheet; the sidebar only ever shows its last characters.',
      ),
      h('div', { class: 'actions' }, save, cancel),
    );
    input.focus();
  };

  showMasked(settings);
  return section;
}

function warehouseSection(app: App, settings: SettingsDto): HTMLElement {
  const list = h('ul', { class: 'warehouses', 'data-testid': 'warehouse-list' });
  const confirmArea = h('div');
  const input = h('input', { type: 'text', id: uniqueId('warehouse'), autocomplete: 'off' });
  const add = h('button', { type: 'button', class: 'secondary' }, 'Add…');

  const renderList = (names: string[]): void => {
    replaceChildren(list);
    if (names.length === 0) list.appendChild(h('li', { class: 'hint' }, 'No warehouses saved.'));
    for (const name of names) {
      // Every JOOR account has the Default warehouse, and the add-on always keeps it in the list.
      if (name === DEFAULT_WAREHOUSE) {
        list.appendChild(h('li', {}, h('span', {}, name), h('span', { class: 'hint' }, 'always present')));
        continue;
      }
      const remove = h(
        'button',
        { type: 'button', class: 'link', 'aria-label': `Remove warehouse ${name}` },
        'Remove',
      );
      remove.addEventListener('click', () => {
        void app.busy(remove, async () => {
          const remaining = (app.state?.settings.warehouses ?? names).filter((existing) => existing !== name);
          const saved = app.unwrap(await app.call('saveSettings', { warehouses: remaining }));
          if (!saved || !app.state) return;
          app.state.settings = saved.settings;
          renderList(saved.settings.warehouses);
        });
      });
      list.appendChild(h('li', {}, h('span', {}, name), remove));
    }
  };

  // A name is added only after the user confirms it, because JOOR has no endpoint that lists
  // the account's warehouses and a typo would otherwise become a suggestion for every push.
  add.addEventListener('click', () => {
    const name = input.value.trim();
    if (!name) {
      app.showError('Type a warehouse name exactly as it appears in JOOR, then choose Add.');
      input.focus();
      return;
    }
    const confirm = h('button', { type: 'button' }, 'Confirm');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    cancel.addEventListener('click', () => replaceChildren(confirmArea));
    confirm.addEventListener('click', () => {
      void app.busy(confirm, async () => {
        const saved = app.unwrap(await app.call('addWarehouse', name));
        if (!saved || !app.state) return;
        app.state.settings = saved.settings;
        input.value = '';
        replaceChildren(confirmArea);
        renderList(saved.settings.warehouses);
        app.showInfo(`Warehouse "${name}" added.`);
      });
    });
    replaceChildren(
      confirmArea,
      h(
        'div',
        { class: 'confirm', role: 'group', 'aria-label': 'Confirm new warehouse' },
        h(
          'p',
          {},
          `Add "${name}" to the warehouse list? JOOR rejects rows for a warehouse the account does not have.`,
        ),
        h('div', { class: 'actions' }, confirm, cancel),
      ),
    );
    confirm.focus();
  });

  renderList(settings.warehouses);
  return h(
    'fieldset',
    { 'data-testid': 'warehouses' },
    h('legend', {}, 'Warehouses'),
    h('p', { class: 'hint' }, 'JOOR cannot list them, so keep the names your account uses here.'),
    list,
    h('label', { for: input.id }, 'New warehouse'),
    h('div', { class: 'inline' }, input, add),
    confirmArea,
  );
}

function mappingSection(app: App): HTMLElement {
  const body = h('div', {}, h('p', { class: 'hint' }, 'Loading the columns…'));
  const section = h('fieldset', { 'data-testid': 'mapping' }, h('legend', {}, 'Column mapping'), body);
  const sheet = app.state?.activeSheet;
  if (!sheet) return section;

  void app.busy(null, async () => {
    const result = app.unwrap(await app.call('getColumns', sheet.sheetId));
    if (!result) {
      replaceChildren(body, h('p', { class: 'hint' }, 'The columns could not be read.'));
      return;
    }
    renderMappingForm(app, body, sheet.sheetId, sheet.name, result.columns, result.headerRow);
  });
  return section;
}

function renderMappingForm(
  app: App,
  body: HTMLElement,
  sheetId: string,
  sheetName: string,
  columns: ColumnInfo[],
  headerRow: number,
): void {
  const selects = new Map<FieldId, HTMLSelectElement>();
  const rows = FIELD_LABELS.map(([fieldId, label]) => {
    const select = h('select', { id: uniqueId(`map-${fieldId}`), 'data-field': fieldId });
    select.appendChild(h('option', { value: '' }, '(not used)'));
    for (const column of columns) {
      const option = h('option', { value: column.header }, column.header);
      if (column.field === fieldId) option.selected = true;
      select.appendChild(option);
    }
    selects.set(fieldId, select);
    return h('div', { class: 'map-row' }, h('label', { for: select.id }, label), select);
  });

  const save = h('button', { type: 'button' }, 'Save mapping');
  save.addEventListener('click', () => {
    const mapping: ColumnMapping = {};
    for (const [fieldId, select] of selects) {
      if (select.value) mapping[fieldId] = select.value;
    }
    void app.busy(save, async () => {
      const saved = app.unwrap(await app.call('saveColumnMapping', sheetId, mapping));
      if (saved) app.showInfo(`Column mapping saved for sheet "${sheetName}".`);
    });
  });

  replaceChildren(
    body,
    h(
      'p',
      { class: 'hint' },
      `Sheet "${sheetName}", headers in row ${headerRow}. Detected columns are preselected.`,
    ),
    ...rows,
    h('div', { class: 'actions' }, save),
  );
}
