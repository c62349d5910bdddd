/**
 * Turns every endpoint failure into a plain `{ ok: false, code, message }` result, because
 * google.script.run passes a thrown error to the client only as a bare message.
 */

import type { ApiFailure, ApiResult } from '../../shared/api';
import { AddonError, isAddonError } from '../errors';
import { createLogger } from '../gas/platform';

const log = createLogger('addon:api');

export function failure(
  code: string,
  message: string,
  details?: Record<string, string | number | boolean | string[]>,
): ApiFailure {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
}

/** Runs an endpoint body, logging its name, duration and outcome code (never arguments). */
export function endpoint<T extends object>(name: string, body: () => T): ApiResult<T> {
  const started = Date.now();
  try {
    const value = body();
    log.info('endpoint', { name, ms: Date.now() - started, ok: true });
    return { ok: true, ...value };
  } catch (error) {
    if (isAddonError(error)) {
      log.warn('endpoint', { name, ms: Date.now() - started, ok: false, code: error.code });
      return failure(error.code, error.message, (error as AddonError).details);
    }
    const message = error instanceof Error ? error.message : String(error);
    const stack =
      typeof (error as { stack?: unknown })?.stack === 'string'
        ? (error as { stack: string }).stack
        : undefined;
    log.error('endpoint', {
      name,
      ms: Date.now() - started,
      ok: false,
      code: 'INTERNAL',
      error: message,
      stack,
    });
    return failure(
      'INTERNAL',
      `The add-on hit an unexpected error: ${message}. Nothing more was sent. Try again; if it repeats, report it with the time of the attempt.`,
    );
  }
}

export function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new AddonError(
      'INVALID_REQUEST',
      `The request is missing "${name}". Reload the sidebar and try again.`,
    );
  }
  return value;
}
