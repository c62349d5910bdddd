/** Settings endpoints: environment, token, warehouse list, request options and column mappings. */

import type { KeyValueStore } from '../../core/ports';
import { PushError } from '../../core/push/errors';
import { normalizeToken } from '../../core/push/payload';
import type { ColumnInfo, SaveSettingsRequest, SettingsDto } from '../../shared/api';
import { isFieldId } from '../../shared/fields';
import type { ColumnMapping, FieldId } from '../../shared/types';
import { AddonError } from '../errors';
import { documentStore, userStore } from '../gas/platform';
import { activeSpreadsheet, RESERVED_HEADERS, readSheet, sheetById } from '../gas/sheet';
import { loadSettings, validateSnapshot } from '../push/context';
import { DEFAULT_OPTIONS, PROPERTY_KEYS, saveDocumentSettings, settingsDto } from '../settings';
import { requireString } from './endpoint';

/** Maximum warehouse name length. JOOR documents no limit, so this only guards against pasted text. */
const MAX_WAREHOUSE_NAME = 100;
const MAX_WAREHOUSES = 200;
/** JOOR tokens are short; anything this long is a paste of something else. */
const MAX_TOKEN_CHARS = 2048;
const MIN_ITEMS_PER_REQUEST = 1;
const MAX_ITEMS_PER_REQUEST = 5000;

export function currentSettings(): SettingsDto {
  return settingsDto(userStore(), loadSettings(documentStore()));
}

function saveToken(store: KeyValueStore, environment: string, raw: string): void {
  try {
    store.set(PROPERTY_KEYS.tokenPrefix + environment, normalizeToken(raw));
  } catch (error) {
    if (error instanceof PushError) throw new AddonError(error.code, error.message);
    throw error;
  }
}

export function checkWarehouseName(raw: unknown): string {
  if (typeof raw !== 'string') {
    throw new AddonError(
      'INVALID_WAREHOUSE',
      'A warehouse name must be text, typed exactly as JOOR shows it.',
    );
  }
  if (raw.trim() === '') {
    throw new AddonError(
      'INVALID_WAREHOUSE',
      'A warehouse name cannot be empty. Type the name exactly as JOOR shows it.',
    );
  }
  const name = raw.trim();
  if (name.length > MAX_WAREHOUSE_NAME) {
    throw new AddonError(
      'INVALID_WAREHOUSE',
      `Warehouse name "${name.slice(0, 40)}…" is ${name.length} characters; names longer than ${MAX_WAREHOUSE_NAME} are rejected.`,
    );
  }
  return name;
}

export function saveSettingsRequest(request: SaveSettingsRequest): SettingsDto {
  if (request === null || typeof request !== 'object') {
    throw new AddonError(
      'INVALID_REQUEST',
      'The settings request is empty. Reload the sidebar and try again.',
    );
  }
  const user = userStore();
  const documentProps = documentStore();
  const settings = loadSettings(documentProps);

  if (request.environment !== undefined) {
    if (request.environment !== 'sandbox' && request.environment !== 'production') {
      throw new AddonError('INVALID_REQUEST', 'Environment must be "sandbox" or "production".');
    }
    user.set(PROPERTY_KEYS.environment, request.environment);
  }
  if (request.token !== undefined) {
    if (typeof request.token !== 'string') {
      throw new AddonError('INVALID_REQUEST', 'The token must be text. Paste the token JOOR issued.');
    }
    if (request.token.length > MAX_TOKEN_CHARS) {
      throw new AddonError(
        'INVALID_TOKEN',
        `The pasted token is ${request.token.length} characters long, far longer than a JOOR token. Paste only the token.`,
      );
    }
    const environment =
      request.environment ??
      (user.get(PROPERTY_KEYS.environment) === 'production' ? 'production' : 'sandbox');
    saveToken(user, environment, String(request.token));
  }
  if (request.warehouses !== undefined) {
    if (!Array.isArray(request.warehouses) || request.warehouses.length > MAX_WAREHOUSES) {
      throw new AddonError(
        'INVALID_REQUEST',
        `The warehouse list must be a list of at most ${MAX_WAREHOUSES} names.`,
      );
    }
    const names = request.warehouses.map(checkWarehouseName);
    settings.warehouses = [...new Set([DEFAULT_OPTIONS.defaultWarehouse, ...names])];
  }
  if (request.itemsPerRequest !== undefined) {
    const value = request.itemsPerRequest;
    if (!Number.isInteger(value) || value < MIN_ITEMS_PER_REQUEST || value > MAX_ITEMS_PER_REQUEST) {
      throw new AddonError(
        'INVALID_REQUEST',
        `Items per request must be a whole number from ${MIN_ITEMS_PER_REQUEST} to ${MAX_ITEMS_PER_REQUEST}; found ${JSON.stringify(value)}.`,
      );
    }
    settings.itemsPerRequest = value;
  }
  if (request.styleIdentifierKey !== undefined) {
    if (!['both', 'style_identifier', 'style_identifer'].includes(request.styleIdentifierKey)) {
      throw new AddonError(
        'INVALID_REQUEST',
        'Style identifier key must be "both", "style_identifier" or "style_identifer".',
      );
    }
    settings.styleIdentifierKey = request.styleIdentifierKey;
  }
  if (request.format !== undefined) {
    if (request.format !== 'json' && request.format !== 'xml') {
      throw new AddonError('INVALID_REQUEST', 'Format must be "json" or "xml".');
    }
    settings.format = request.format;
  }
  saveDocumentSettings(documentProps, settings);
  return settingsDto(user, settings);
}

export function addWarehouseName(raw: string): SettingsDto {
  const name = checkWarehouseName(raw);
  const documentProps = documentStore();
  const settings = loadSettings(documentProps);
  const sameName = settings.warehouses.find((known) => known.toLowerCase() === name.toLowerCase());
  if (sameName !== undefined && sameName !== name) {
    throw new AddonError(
      'WAREHOUSE_EXISTS',
      `"${name}" differs from the listed warehouse "${sameName}" only in letter case. JOOR matches names exactly, so use "${sameName}" or correct the list.`,
    );
  }
  if (sameName === undefined) settings.warehouses.push(name);
  saveDocumentSettings(documentProps, settings);
  return settingsDto(userStore(), settings);
}

export function columnsOf(sheetId: string): { columns: ColumnInfo[]; headerRow: number } {
  requireString(sheetId, 'sheetId');
  const spreadsheet = activeSpreadsheet();
  const snapshot = readSheet(spreadsheet, sheetById(spreadsheet, sheetId));
  const settings = loadSettings(documentStore());
  const validation = validateSnapshot(snapshot, settings, { options: DEFAULT_OPTIONS, interactive: true });
  // The add-on's own status columns are never data, so they are not offered for mapping.
  const columns = validation.columns.filter((column) => !RESERVED_HEADERS.includes(column.header));
  return { columns, headerRow: validation.headerRow };
}

export function saveMapping(sheetId: string, mapping: ColumnMapping): ColumnMapping {
  requireString(sheetId, 'sheetId');
  if (mapping === null || typeof mapping !== 'object') {
    throw new AddonError(
      'INVALID_REQUEST',
      'The column mapping is empty. Choose a column for each field and save again.',
    );
  }
  const clean: ColumnMapping = {};
  for (const [field, header] of Object.entries(mapping)) {
    if (!isFieldId(field)) {
      throw new AddonError('INVALID_REQUEST', `"${field}" is not a field the add-on knows.`);
    }
    if (typeof header !== 'string') continue;
    if (header.trim() !== '') clean[field as FieldId] = header;
  }
  const spreadsheet = activeSpreadsheet();
  sheetById(spreadsheet, sheetId);
  const documentProps = documentStore();
  const settings = loadSettings(documentProps);
  settings.columnMappings[sheetId] = clean;
  saveDocumentSettings(documentProps, settings);
  return clean;
}
