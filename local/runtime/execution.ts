// One Apps Script execution: its kind, auth mode, call counts, logs and the execution time limit.
import type { VirtualClock } from './clock';

export type ExecutionKind = 'simple' | 'menu' | 'sidebar' | 'trigger' | 'cli';
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** Thrown by every service call once an execution has run past its time limit. */
export const EXECUTION_TIME_MESSAGE = 'Exceeded maximum execution time';

/** Message for services that need a scope the user has not granted. */
export const AUTHORIZATION_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';

export interface ExecutionSettings {
  kind: ExecutionKind;
  authMode: AuthModeName;
  limitMs: number;
  /**
   * OAuth scopes the user has not granted, because a new version of the project added them.
   * Calls that need one throw; services that need no scope (Properties, Lock, Cache…) still work.
   */
  ungrantedScopes: ReadonlySet<string>;
  /** False for trigger executions: `getUi()` throws there. */
  hasUi: boolean;
  onLog: (line: string) => void;
}

/**
 * State of one execution, passed to every service fake. Service fakes call `enter` at the start
 * of each public method so that calls are counted and the time limit is enforced in one place.
 */
export class Execution {
  readonly startMs: number;
  readonly calls: Record<string, number> = {};
  readonly logs: string[] = [];
  killed = false;
  /**
   * Error class of the script's vm context, set once the context exists. Errors the fakes throw
   * are made with it so that `error instanceof Error` is true inside the
   * script.
   */
  ErrorClass: ErrorConstructor = Error;

  constructor(
    readonly clock: VirtualClock,
    readonly settings: ExecutionSettings,
    private readonly totals: Record<string, number>,
  ) {
    this.startMs = clock.now();
  }

  get kind(): ExecutionKind {
    return this.settings.kind;
  }

  get authMode(): AuthModeName {
    return this.settings.authMode;
  }

  /** Virtual milliseconds since the execution started. */
  elapsedMs(): number {
    return this.clock.now() - this.startMs;
  }

  /**
   * Counts a call to `service.method` and throws once the execution passed its limit. Apps Script
   * stops a script that runs too long, so after the first such error every later call throws too.
   */
  enter(service: string, method: string): void {
    this.checkTime();
    const name = `${service}.${method}`;
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    this.totals[name] = (this.totals[name] ?? 0) + 1;
  }

  /** Throws the execution time error when the execution is past its limit, and marks it killed. */
  checkTime(): void {
    if (this.killed || this.elapsedMs() > this.settings.limitMs) {
      this.killed = true;
      throw this.error(EXECUTION_TIME_MESSAGE);
    }
  }

  /**
   * Throws when `service.method` needs an OAuth scope that this execution does not have: in
   * AuthMode.NONE (an add-on's onOpen before it is enabled in the document), and when the user
   * has not granted `scope` yet. Simple triggers in AuthMode.LIMITED may use the document
   * and properties but no other service that needs authorisation, such as UrlFetchApp or trigger
   * management (Google's simple trigger restrictions).
   */
  requireAuthorization(service: string, method: string, scope: string): void {
    if (this.settings.ungrantedScopes.has(scope)) {
      throw this.error(AUTHORIZATION_REQUIRED_MESSAGE);
    }
    const limitedScope = scope === SCOPES.externalRequest || scope === SCOPES.scriptApp;
    const simpleLimited =
      this.settings.kind === 'simple' && this.settings.authMode === 'LIMITED' && limitedScope;
    if (this.settings.authMode === 'NONE' || simpleLimited) {
      // NOTE: the wording follows messages users report from simple triggers
      // ("You do not have permission to call X. Required permissions: Y"); not checked against
      // a real AuthMode.NONE execution.
      throw this.error(
        `You do not have permission to call ${service}.${method}. Required permissions: ${scope}`,
      );
    }
  }

  /** Creates an error of the script's realm. */
  error(message: string): Error {
    return new this.ErrorClass(message);
  }

  log(line: string): void {
    this.logs.push(line);
    this.settings.onLog(line);
  }
}

/** OAuth scopes named in authorisation errors. */
export const SCOPES = {
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  /**
   * Properties need no OAuth scope, so they work when a new authorisation is pending; this value
   * only names them in AuthMode.NONE errors.
   */
  storage: 'https://www.googleapis.com/auth/script.storage',
} as const;
