/**
 * The `--settings FILE` format of the CLI: the warehouse list, column mappings and push options a
 * person would otherwise set in the sidebar. See examples/README.md for a described example.
 */

import { readFileSync } from 'node:fs';
import type { ColumnMapping, PushOptions, StyleIdentifierKey, WireFormat } from '../../src/shared/types';

export interface CliSettings {
  warehouses?: string[];
  /** Field → header text, for every sheet, or per sheet name under `columnMappings`. */
  columnMapping?: ColumnMapping;
  columnMappings?: Record<string, ColumnMapping>;
  options?: Partial<PushOptions>;
  itemsPerRequest?: number;
  styleIdentifierKey?: StyleIdentifierKey;
  format?: WireFormat;
}

export class SettingsFileError extends Error {}

function fail(file: string, message: string): never {
  throw new SettingsFileError(`Settings file ${file}: ${message}`);
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
  for (const key of ['columnMapping', 'options'] as const) {
    const value = settings[key];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      fail(file, `"${key}" must be an object.`);
    }
  }
  return settings;
}
