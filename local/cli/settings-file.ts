/**
 * The `--settings FILE` format of the CLI: the warehouse list, column mappings and push options a
 * person would otherwise set in the sidebar. See examples/README.md for a described example.
 */

import { readFileSync } from 'node:fs';
import { FIELD_IDS, isFieldId } from '../../src/shared/fields';
import type { ColumnMapping, PushOptions, StyleIdentifierKey, WireFormat } from '../../src/shared/types';

export interface CliSettings {
  warehouses?: string[];
  /** Field → header text, for every sheet, or per sheet name under `columnMappings`. */
  columnMapping?: ColumnMapping & Record<string, unknown>;
  columnMappings?: Record<string, ColumnMapping & Record<string, unknown>>;
  options?: Partial<PushOptions> & Record<string, unknown>;
  itemsPerRequest?: number;
  styleIdentifierKey?: StyleIdentifierKey;
  format?: WireFormat;
}

export class SettingsFileError extends Error {}

function fail(file: string, message: string): never {
  throw new SettingsFileError(`Settings file ${file}: ${message}`);
}

function checkMapping(file: string, where: string, mapping: Record<string, unknown> | undefined): void {
  for (const [field, header] of Object.entries(mapping ?? {})) {
    if (!isFieldId(field)) {
      fail(file, `"${where}" names "${field}", which is not a field. Fields: ${FIELD_IDS.join(', ')}.`);
    }
    if (typeof header !== 'string' || header.trim() === '') {
      fail(file, `"${where}.${field}" must be the header text of a column, e.g. "Qty Available".`);
    }
  }
}

function checkOptions(file: string, options: Record<string, unknown>): void {
  for (const flag of ['overwrite', 'replaceFromSheet', 'decPending', 'changeOnly', 'acceptDroppedRows']) {
    const value = options[flag];
    if (value !== undefined && typeof value !== 'boolean') {
      fail(file, `"options.${flag}" must be true or false; found ${JSON.stringify(value)}.`);
    }
  }
  const warehouse = options['defaultWarehouse'];
  if (warehouse !== undefined && (typeof warehouse !== 'string' || warehouse.trim() === '')) {
    fail(file, '"options.defaultWarehouse" must be a warehouse name.');
  }
  const format = options['format'];
  if (format !== undefined && format !== 'json' && format !== 'xml') {
    fail(file, `"options.format" must be "json" or "xml"; found ${JSON.stringify(format)}.`);
  }
}

export function readSettingsFile(file: string): CliSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check the path.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(file, `is not valid JSON (${(error as Error).message}).`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    fail(file, 'must contain a JSON object such as {"warehouses": ["Default"], "options": {...}}.');
  }
  const settings = parsed as CliSettings;
  if (settings.warehouses !== undefined) {
    if (!Array.isArray(settings.warehouses) || settings.warehouses.some((name) => typeof name !== 'string')) {
      fail(file, '"warehouses" must be a list of warehouse names, e.g. ["Default", "Fall Future"].');
    }
  }
  if (settings.itemsPerRequest !== undefined) {
    const value = settings.itemsPerRequest;
    if (!Number.isInteger(value) || value < 1 || value > 5000) {
      fail(file, `"itemsPerRequest" must be a whole number from 1 to 5000; found ${JSON.stringify(value)}.`);
    }
  }
  for (const key of ['columnMapping', 'columnMappings', 'options'] as const) {
    const value = settings[key];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      fail(file, `"${key}" must be an object.`);
    }
  }
  checkMapping(file, 'columnMapping', settings.columnMapping);
  for (const [sheet, mapping] of Object.entries(settings.columnMappings ?? {})) {
    if (mapping === null || typeof mapping !== 'object')
      fail(file, `"columnMappings.${sheet}" must be an object.`);
    checkMapping(file, `columnMappings.${sheet}`, mapping);
  }
  checkOptions(file, settings.options ?? {});
  if (settings.format !== undefined && settings.format !== 'json' && settings.format !== 'xml') {
    fail(file, `"format" must be "json" or "xml"; found ${JSON.stringify(settings.format)}.`);
  }
  const keys = ['both', 'style_identifier', 'style_identifer'];
  if (settings.styleIdentifierKey !== undefined && !keys.includes(settings.styleIdentifierKey)) {
    fail(
      file,
      `"styleIdentifierKey" must be one of ${keys.join(', ')}; found ${JSON.stringify(settings.styleIdentifierKey)}.`,
    );
  }
  return settings;
}
