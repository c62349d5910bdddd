/** Checks push options that arrive from the sidebar, the CLI or a saved schedule. */

import type { PushOptions } from '../../shared/types';
import { AddonError } from '../errors';
import { DEFAULT_OPTIONS } from '../settings';

function flag(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new AddonError(
      'INVALID_OPTIONS',
      `Option "${name}" must be true or false, but was ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/** Fills defaults and rejects values of the wrong type; the result is safe to store and send. */
export function normalizePushOptions(raw: unknown): PushOptions {
  if (raw === null || typeof raw !== 'object') {
    throw new AddonError('INVALID_OPTIONS', 'Push options are missing. Reload the sidebar and try again.');
  }
  const input = raw as Record<string, unknown>;
  const warehouse = input['defaultWarehouse'] ?? DEFAULT_OPTIONS.defaultWarehouse;
  if (typeof warehouse !== 'string') {
    throw new AddonError('INVALID_OPTIONS', 'The default warehouse must be a warehouse name.');
  }
  const format = input['format'] ?? DEFAULT_OPTIONS.format;
  if (format !== 'json' && format !== 'xml') {
    throw new AddonError(
      'INVALID_OPTIONS',
      `Format must be "json" or "xml", but was ${JSON.stringify(format)}.`,
    );
  }
  return {
    defaultWarehouse: warehouse.trim() === '' ? DEFAULT_OPTIONS.defaultWarehouse : warehouse.trim(),
    overwrite: flag(input['overwrite'], 'overwrite'),
    replaceFromSheet: flag(input['replaceFromSheet'], 'replaceFromSheet'),
    decPending: flag(input['decPending'], 'decPending'),
    changeOnly: flag(input['changeOnly'], 'changeOnly'),
    format,
    acceptDroppedRows: flag(input['acceptDroppedRows'], 'acceptDroppedRows'),
    dryRun: flag(input['dryRun'], 'dryRun'),
  };
}
