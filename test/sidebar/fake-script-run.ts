/**
 * A hand-written `google.script.run` fake: each `with…Handler` returns a new runner, results
 * arrive asynchronously as in the browser, and a handler that throws reaches the failure handler
 * as an Error, which is what Apps Script passes.
 */

import type { ScriptRunner } from '../../src/sidebar/rpc';

export type FakeHandler = (...args: unknown[]) => unknown;

export interface RecordedCall {
  name: string;
  args: unknown[];
}

export interface FakeScriptRun {
  /** Returns a fresh runner, as reading `google.script.run` does. */
  getRunner(): ScriptRunner;
  calls: RecordedCall[];
  /** Names whose calls never return a result, to test timeouts. */
  silent: Set<string>;
}

interface Handlers {
  success?: (value: unknown) => void;
  failure?: (error: unknown) => void;
}

export function createFakeScriptRun(handlers: Record<string, FakeHandler>): FakeScriptRun {
  const fake: FakeScriptRun = { calls: [], silent: new Set(), getRunner: () => makeRunner({}) };

  function makeRunner(state: Handlers): ScriptRunner {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (handler: (value: unknown) => void) => makeRunner({ ...state, success: handler }),
      withFailureHandler: (handler: (error: unknown) => void) => makeRunner({ ...state, failure: handler }),
    };
    for (const [name, handler] of Object.entries(handlers)) {
      runner[name] = (...args: unknown[]) => {
        fake.calls.push({ name, args });
        if (fake.silent.has(name)) return;
        setTimeout(() => deliverResult(state, handler, args), 0);
      };
    }
    return runner as unknown as ScriptRunner;
  }

  return fake;
}

function deliverResult(state: Handlers, handler: FakeHandler, args: unknown[]): void {
  let value: unknown;
  try {
    // google.script.run copies arguments and results as JSON-like values.
    value = JSON.parse(JSON.stringify(handler(...JSON.parse(JSON.stringify(args)))) ?? 'null');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Without a failure handler Apps Script only logs to the console; the fake does the same.
    state.failure?.(new Error(message));
    return;
  }
  state.success?.(value);
}
