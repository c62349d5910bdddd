/**
 * Connects the runner to the core push engine: Apps Script ports, the per-account credit ledger
 * kept in user properties, and the fingerprint of a line on its target.
 */

import type { KeyValueStore } from '../../core/ports';
import { fingerprintLine, hashToken } from '../../core/push/fingerprint';
import {
  ASSUMED_REQUEST_MS,
  checkOverwrite,
  DEFAULT_EXECUTION_BUDGET_MS,
  planBatches,
  summarisePlan,
} from '../../core/push/plan';
import { creditsAvailable, parseLedger, WRITE_CREDITS } from '../../core/push/rate';
import { type BatchStop, sendBatch } from '../../core/push/send';
import type { PlannedLine } from '../../core/run/scope';
import { describeSku } from '../../core/validation';
import type { RowStatus } from '../../shared/status';
import type { DocumentSettings, InventoryItem, PushOptions, PushPlanDto } from '../../shared/types';
import { appsScriptClock, encodeBase64, formatClockTime, urlFetchHttp } from '../gas/platform';
import { PROPERTY_KEYS } from '../settings';
import type { TargetInfo } from './context';

export { DEFAULT_ITEMS_PER_REQUEST } from '../../core/push/plan';
export { planBatches };

export interface SendOutcome {
  rows: Array<{ row: number; status: RowStatus; message: string; logId?: string }>;
  requestsMade: number;
  stop?: { kind: BatchStop['reason']; message: string; resumeAtMs?: number };
}

export interface SendEnvironment {
  target: TargetInfo;
  settings: DocumentSettings;
  options: PushOptions;
  overwrite: boolean;
  overwriteAlreadySent: boolean;
  /** Requests of this run that already returned a result. */
  requestsSucceededBefore: number;
  deadlineMs: number;
  userProps: KeyValueStore;
  timeZone: string;
}

function ledgerKey(target: TargetInfo): string {
  return `${PROPERTY_KEYS.ledgerPrefix}${target.target}`;
}

export function sendPlannedBatch(lines: PlannedLine[], environment: SendEnvironment): SendOutcome {
  const key = ledgerKey(environment.target);
  const outcome = sendBatch(
    lines.map((line) => ({ row: line.row, item: line.item })),
    {
      http: urlFetchHttp,
      clock: appsScriptClock,
      encodeBase64,
      random: Math.random,
      target: {
        baseUrl: environment.target.baseUrl,
        token: environment.target.token,
        format: environment.options.format,
        decPending: environment.options.decPending,
        styleIdentifierKey: environment.settings.styleIdentifierKey,
      },
      overwrite: environment.overwrite,
      requestsSucceededBefore: environment.requestsSucceededBefore,
      deadlineMs: environment.deadlineMs,
      ledger: parseLedger(environment.userProps.get(key)),
      formatTime: (epochMs) => formatClockTime(epochMs, environment.timeZone),
    },
  );
  environment.userProps.set(key, JSON.stringify(outcome.ledger));
  const result: SendOutcome = { rows: outcome.rows, requestsMade: outcome.requestsMade };
  if (outcome.stop !== undefined) {
    result.stop = {
      kind: outcome.stop.reason,
      message: outcome.stop.message,
      ...(outcome.stop.resumeAtMs === undefined ? {} : { resumeAtMs: outcome.stop.resumeAtMs }),
    };
  }
  return result;
}

/** Returns the refusal message when an overwrite cannot run safely, else undefined. */
export function checkOverwritePlan(
  requests: number,
  lines: number,
  settings: DocumentSettings,
  userProps?: KeyValueStore,
  target?: TargetInfo,
): string | undefined {
  const plan = summarisePlan({
    validRows: lines,
    itemsPerRequest: settings.itemsPerRequest,
    overwrite: true,
  });
  plan.requests = requests;
  const credits =
    userProps !== undefined && target !== undefined
      ? creditsAvailable(parseLedger(userProps.get(ledgerKey(target))), Date.now())
      : undefined;
  const check = checkOverwrite(plan, {
    executionBudgetMs: DEFAULT_EXECUTION_BUDGET_MS,
    requestMs: ASSUMED_REQUEST_MS,
    ...(credits === undefined ? {} : { creditsAvailable: Math.max(credits, WRITE_CREDITS) }),
  });
  return check.allowed ? undefined : check.refusal;
}

export function summarisePushPlan(
  lines: number,
  settings: DocumentSettings,
  options: PushOptions,
): PushPlanDto {
  return summarisePlan({
    validRows: lines,
    itemsPerRequest: settings.itemsPerRequest,
    overwrite: options.overwrite,
  });
}

/** Fingerprint of a line on this run's target: environment, token hash and dec_pending. */
export function fingerprintFor(target: TargetInfo, options: PushOptions): (item: InventoryItem) => string {
  const tokenHash = hashToken(target.token);
  return (item) =>
    fingerprintLine(item, { environment: target.environment, tokenHash, decPending: options.decPending });
}

export function skuOf(item: InventoryItem): string {
  return describeSku(item);
}
