/**
 * The sidebar's only way to reach the server: a promise wrapper around `google.script.run`,
 * typed from `ServerApi`. Every call attaches a failure handler and a timeout, so a lost call
 * never leaves the UI waiting without a message.
 */

import type { ServerApi, ServerApiName } from '../shared/api';

/** The part of `google.script.run` this client uses. Each `with…Handler` returns a new runner. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

export type RpcErrorCode = 'AUTHORIZATION' | 'TIMEOUT' | 'SERVER_ERROR' | 'UNAVAILABLE';

/** A failed call, with a message the sidebar can show as is. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  readonly functionName: string;
  /** The server's own message, kept for the log. */
  readonly serverMessage: string;

  constructor(code: RpcErrorCode, functionName: string, message: string, serverMessage = '') {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.functionName = functionName;
    this.serverMessage = serverMessage;
  }
}

export interface RpcOptions {
  /** Returns a fresh `google.script.run`; read on every call, never cached. */
  getRunner?: () => ScriptRunner | undefined;
  /** Milliseconds before a call is reported as timed out. */
  timeoutMs?: number;
}

export type RpcCall = <K extends ServerApiName>(
  name: K,
  ...args: Parameters<ServerApi[K]>
) => Promise<ReturnType<ServerApi[K]>>;

/**
 * Apps Script stops a server execution after 6 minutes, so a call without a response after
 * 6.5 minutes has been lost and the UI may report it.
 */
export const DEFAULT_TIMEOUT_MS = 390_000;

// Messages Google returns when a browser has several signed-in accounts and the sidebar runs
// under another account than the one that authorised the add-on.
const AUTHORIZATION_PATTERNS: ReadonlyArray<RegExp> = [
  /Authorization is required to perform that action/i,
  /PERMISSION_DENIED/,
  /error occurred while reading from storage/i,
];

const AUTHORIZATION_FIX =
  'Google refused to run the add-on for this browser session. This usually happens when several ' +
  'Google accounts are signed in to the same browser. Sign out of the other Google accounts, or ' +
  'open the spreadsheet in a browser profile with a single account, then reopen the sidebar.';

function defaultRunner(): ScriptRunner | undefined {
  const scope = globalThis as { google?: { script?: { run?: ScriptRunner } } };
  return scope.google?.script?.run;
}

/** Returns the message of a failure handler argument, which is an Error in Apps Script. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

/** Converts what the failure handler received into an `RpcError` with a readable message. */
export function toRpcError(functionName: string, error: unknown): RpcError {
  const serverMessage = messageOf(error);
  if (AUTHORIZATION_PATTERNS.some((pattern) => pattern.test(serverMessage))) {
    return new RpcError(
      'AUTHORIZATION',
      functionName,
      `${AUTHORIZATION_FIX} (Google's message: ${serverMessage})`,
      serverMessage,
    );
  }
  const text = serverMessage.replace(/^(ScriptError|Exception|Error):\s*/, '') || 'no message';
  return new RpcError(
    'SERVER_ERROR',
    functionName,
    `The server failed on ${functionName}: ${text}`,
    serverMessage,
  );
}

/**
 * Creates the typed `call` function. `call('validateSheet', request)` checks the argument and
 * result types against `ServerApi`; the promise rejects with an `RpcError` on a server
 * exception, an authorisation failure or a timeout. Endpoint failures the user can act on
 * arrive as resolved `{ ok: false }` results, not as rejections.
 */
export function createRpc(options: RpcOptions = {}): RpcCall {
  const getRunner = options.getRunner ?? defaultRunner;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return <K extends ServerApiName>(name: K, ...args: Parameters<ServerApi[K]>) =>
    new Promise<ReturnType<ServerApi[K]>>((resolve, reject) => {
      const base = getRunner();
      if (!base) {
        reject(
          new RpcError(
            'UNAVAILABLE',
            name,
            'google.script.run is not available: open this page as the add-on sidebar in Google Sheets, ' +
              'or locally with npm run sidebar.',
          ),
        );
        return;
      }

      // State for this call only: a late response after the timeout is ignored.
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        const seconds = Math.round(timeoutMs / 1000);
        reject(
          new RpcError(
            'TIMEOUT',
            name,
            `The server did not respond to ${name} within ${seconds} s. Check your connection and try ` +
              'again. A push resumes from where it stopped.',
          ),
        );
      }, timeoutMs);

      const runner = base
        .withSuccessHandler((value) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(value as ReturnType<ServerApi[K]>);
        })
        .withFailureHandler((error) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(toRpcError(name, error));
        });

      const method = (runner as unknown as Record<string, unknown>)[name];
      if (typeof method !== 'function') {
        settled = true;
        clearTimeout(timer);
        reject(
          new RpcError('UNAVAILABLE', name, `The server has no function named ${name}. Reload the sidebar.`),
        );
        return;
      }
      method.apply(runner, args);
    });
}
