/**
 * Loads what one execution of a push needs: the spreadsheet and sheet, one bulk read, settings,
 * the token and the validation result.
 */

import type { KeyValueStore } from '../../core/ports';
import { hashToken } from '../../core/push/fingerprint';
import { normalizeToken } from '../../core/push/payload';
import { type ValidationResult, validateSheet } from '../../core/validation';
import type { ColumnMapping, DocumentSettings, Environment, PushOptions } from '../../shared/types';
import { AddonError } from '../errors';
import { documentStore, formatIsoDate, userStore } from '../gas/platform';
import { activeSpreadsheet, RESERVED_HEADERS, readSheet, type SheetSnapshot, sheetById } from '../gas/sheet';
import { JOOR_BASE_URLS, loadDocumentSettings, loadEnvironment, loadToken } from '../settings';
import { DEFAULT_ITEMS_PER_REQUEST } from './engine';

export interface PushContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  snapshot: SheetSnapshot;
  settings: DocumentSettings;
  validation: ValidationResult;
  documentProps: KeyValueStore;
  userProps: KeyValueStore;
}

export interface TargetInfo {
  environment: Environment;
  token: string;
  baseUrl: string;
  /** Environment plus a one-way hash of the token. */
  target: string;
}

export function loadSettings(documentProps: KeyValueStore): DocumentSettings {
  return loadDocumentSettings(documentProps, DEFAULT_ITEMS_PER_REQUEST);
}

export function loadTarget(userProps: KeyValueStore): TargetInfo {
  const environment = loadEnvironment(userProps);
  const saved = loadToken(userProps, environment);
  if (saved === null) {
    throw new AddonError(
      'NO_TOKEN',
      `No JOOR API token is saved for the ${environment} environment. Open Settings in the sidebar and paste the token JOOR issued for ${environment}.`,
    );
  }
  const token = normalizeToken(saved);
  return {
    environment,
    token,
    baseUrl: JOOR_BASE_URLS[environment],
    target: `${environment}:${hashToken(token)}`,
  };
}

export interface LoadOptions {
  sheetId: string;
  spreadsheetId?: string;
  options: PushOptions;
  mapping?: ColumnMapping;
  /** False for schedules and the CLI: an ambiguity stops the run instead of asking. */
  interactive: boolean;
}

export function loadPushContext(load: LoadOptions): PushContext {
  const spreadsheet = activeSpreadsheet(load.spreadsheetId);
  const sheet = sheetById(spreadsheet, load.sheetId);
  const documentProps = documentStore();
  const userProps = userStore();
  const settings = loadSettings(documentProps);
  const snapshot = readSheet(spreadsheet, sheet);
  const validation = validateSnapshot(snapshot, settings, load);
  return { spreadsheet, snapshot, settings, validation, documentProps, userProps };
}

export function validateSnapshot(
  snapshot: SheetSnapshot,
  settings: DocumentSettings,
  load: Pick<LoadOptions, 'options' | 'mapping' | 'interactive'>,
): ValidationResult {
  const mapping = load.mapping ?? settings.columnMappings[snapshot.sheetId];
  return validateSheet(
    {
      sheetName: snapshot.sheetName,
      values: snapshot.values,
      displayValues: snapshot.display,
      timeZone: snapshot.timeZone,
      locale: snapshot.locale,
      merges: snapshot.merges,
    },
    {
      defaultWarehouse: load.options.defaultWarehouse.trim() || 'Default',
      knownWarehouses: settings.warehouses,
      ...(mapping === undefined ? {} : { mapping }),
      reservedHeaders: RESERVED_HEADERS,
      interactive: load.interactive,
      formatDate: formatIsoDate,
    },
  );
}
