/**
 * Where settings live. The token and environment are per user (user properties), so a schedule
 * created by one editor runs with that editor's token. The warehouse list, column mappings and
 * request options are per document (document properties) and shared by its editors.
 */

import type { KeyValueStore } from '../core/ports';
import type { SettingsDto } from '../shared/api';
import type { DocumentSettings, Environment, PushOptions } from '../shared/types';

export const PROPERTY_KEYS = {
  environment: 'joor.environment',
  tokenPrefix: 'joor.token.',
  documentSettings: 'joor.settings',
  lastOptions: 'joor.lastOptions',
  lease: 'joor.lease',
  cursor: 'joor.cursor',
  schedule: 'joor.schedule',
  lastRun: 'joor.lastRun',
  heartbeat: 'joor.schedule.heartbeat',
  ledgerPrefix: 'joor.ledger.',
} as const;

/** JOOR's v2 base URLs. Fixed choices: a free URL would let anyone with the sidebar send the token elsewhere. */
export const JOOR_BASE_URLS: Readonly<Record<Environment, string>> = {
  sandbox: 'https://apisandbox.jooraccess.com/v2',
  production: 'https://api.jooraccess.com/v2',
};

export const DEFAULT_WAREHOUSE = 'Default';

export const DEFAULT_OPTIONS: PushOptions = {
  defaultWarehouse: DEFAULT_WAREHOUSE,
  overwrite: false,
  replaceFromSheet: false,
  decPending: false,
  changeOnly: false,
  format: 'json',
};

export function defaultDocumentSettings(itemsPerRequest: number): DocumentSettings {
  return {
    warehouses: [DEFAULT_WAREHOUSE],
    columnMappings: {},
    itemsPerRequest,
    styleIdentifierKey: 'both',
    format: 'json',
  };
}

function readJson<T>(store: KeyValueStore, key: string): T | undefined {
  const raw = store.get(key);
  if (raw === null || raw === '') return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function readJsonProperty<T>(store: KeyValueStore, key: string): T | undefined {
  return readJson<T>(store, key);
}

export function writeJsonProperty(store: KeyValueStore, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}

export function loadDocumentSettings(store: KeyValueStore, itemsPerRequest: number): DocumentSettings {
  const saved = readJson<Partial<DocumentSettings>>(store, PROPERTY_KEYS.documentSettings) ?? {};
  const defaults = defaultDocumentSettings(itemsPerRequest);
  const warehouses = Array.isArray(saved.warehouses)
    ? saved.warehouses.filter((w) => typeof w === 'string')
    : [];
  if (!warehouses.includes(DEFAULT_WAREHOUSE)) warehouses.unshift(DEFAULT_WAREHOUSE);
  return {
    warehouses,
    columnMappings: saved.columnMappings ?? defaults.columnMappings,
    itemsPerRequest: saved.itemsPerRequest ?? defaults.itemsPerRequest,
    styleIdentifierKey: saved.styleIdentifierKey ?? defaults.styleIdentifierKey,
    format: saved.format ?? defaults.format,
  };
}

export function saveDocumentSettings(store: KeyValueStore, settings: DocumentSettings): void {
  writeJsonProperty(store, PROPERTY_KEYS.documentSettings, settings);
}

export function loadEnvironment(userStore: KeyValueStore): Environment {
  return userStore.get(PROPERTY_KEYS.environment) === 'production' ? 'production' : 'sandbox';
}

export function loadToken(userStore: KeyValueStore, environment: Environment): string | null {
  const token = userStore.get(PROPERTY_KEYS.tokenPrefix + environment);
  return token === null || token === '' ? null : token;
}

/** Shows only the last four characters, so a shoulder-surfer or a screenshot learns nothing useful. */
export function maskToken(token: string | null): string {
  if (token === null || token.length === 0) return '';
  const tail = token.length > 8 ? token.slice(-4) : '';
  return `••••••••${tail}`;
}

export function loadLastOptions(store: KeyValueStore): PushOptions {
  const saved = readJson<Partial<PushOptions>>(store, PROPERTY_KEYS.lastOptions) ?? {};
  return { ...DEFAULT_OPTIONS, ...saved, dryRun: false, acceptDroppedRows: false };
}

export function settingsDto(userStore: KeyValueStore, settings: DocumentSettings): SettingsDto {
  const environment = loadEnvironment(userStore);
  const token = loadToken(userStore, environment);
  return {
    environment,
    tokenMasked: maskToken(token),
    hasToken: token !== null,
    warehouses: settings.warehouses,
    itemsPerRequest: settings.itemsPerRequest,
    styleIdentifierKey: settings.styleIdentifierKey,
    format: settings.format,
  };
}
