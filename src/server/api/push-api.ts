/** Push endpoints the sidebar drives batch by batch, and the connection check. */

import { makeExcerpt } from '../../core/push/response';
import type { PushProgressDto, StartPushRequest } from '../../shared/api';
import { AddonError } from '../errors';
import { documentStore, encodeBase64, urlFetchHttp, userStore } from '../gas/platform';
import { loadTarget } from '../push/context';
import type { RunTrigger } from '../push/cursor';
import { cancelRun, continueRun, startRun } from '../push/runner';
import { PROPERTY_KEYS, writeJsonProperty } from '../settings';

export function ownerKey(): string {
  try {
    return Session.getTemporaryActiveUserKey() || 'unknown-user';
  } catch {
    return 'unknown-user';
  }
}

export function startPushRequest(request: StartPushRequest, trigger: RunTrigger): PushProgressDto {
  if (request === null || typeof request !== 'object' || typeof request.sheetId !== 'string') {
    throw new AddonError(
      'INVALID_REQUEST',
      'The push request names no sheet. Reload the sidebar and try again.',
    );
  }
  const progress = startRun(request, trigger, ownerKey());
  writeJsonProperty(documentStore(), PROPERTY_KEYS.lastOptions, {
    ...request.options,
    acceptDroppedRows: false,
  });
  return progress;
}

export function continuePushRequest(runId: string, includeRows: boolean): PushProgressDto {
  if (typeof runId !== 'string' || runId === '') {
    throw new AddonError('INVALID_REQUEST', 'The continue request names no push. Reload the sidebar.');
  }
  return continueRun(runId, includeRows);
}

export function cancelPushRequest(runId: string): PushProgressDto {
  if (typeof runId !== 'string' || runId === '') {
    throw new AddonError('INVALID_REQUEST', 'The cancel request names no push. Reload the sidebar.');
  }
  return cancelRun(runId);
}

/**
 * Checks the saved token with one read request (1 credit): JOOR documents no ping route for
 * inventory, so this lists one style.
 */
export function checkConnection(): string {
  const target = loadTarget(userStore());
  const response = urlFetchHttp.fetch({
    url: `${target.baseUrl}/style?count=1`,
    method: 'get',
    headers: { Authorization: `OAuth2 ${encodeBase64(target.token)}`, Accept: 'application/json' },
  });
  if (response.status === 401 || response.status === 403) {
    throw new AddonError(
      'TOKEN_REJECTED',
      `JOOR rejected the token for the ${target.environment} environment (HTTP ${response.status}). Check that you pasted the ${target.environment} token, not the other environment's.`,
    );
  }
  if (response.status === 429) {
    throw new AddonError(
      'RATE_LIMITED',
      'JOOR is rate-limiting this account right now. Try the check again in a few minutes.',
    );
  }
  if (response.status >= 400) {
    const excerpt = makeExcerpt(response.body, [target.token, encodeBase64(target.token)]);
    throw new AddonError(
      'CONNECTION_FAILED',
      `JOOR answered HTTP ${response.status} (${excerpt}). Try again later; if it persists, check JOOR's status with JOOR support.`,
    );
  }
  return `Connected to JOOR ${target.environment}: the token was accepted.`;
}
