/**
 * Shared sidebar context: the typed client, the last sidebar state and the message area.
 * Screens receive it instead of reaching for globals.
 */

import type { ApiFailure, ApiResult, SidebarStateDto } from '../shared/api';
import { h, replaceChildren } from './dom';
import { messageOf, type RpcCall } from './rpc';

export interface App {
  call: RpcCall;
  state: SidebarStateDto | undefined;
  /** Shows an error in the message area, which screen readers announce. */
  showError(message: string): void;
  showInfo(message: string): void;
  clearMessage(): void;
  /**
   * Runs `work` with `button` disabled and the page marked busy; a rejected call is shown as an
   * error and resolves to undefined.
   */
  busy<T>(button: HTMLButtonElement | null, work: () => Promise<T>): Promise<T | undefined>;
  /** Returns the success part of a result, or shows the failure and returns undefined. */
  unwrap<T>(result: ApiResult<T>): (T & { ok: true }) | undefined;
  /** Re-reads the sidebar state from the server. */
  refreshState(): Promise<SidebarStateDto | undefined>;
}

export function isFailure(result: { ok: boolean }): result is ApiFailure {
  return result.ok === false;
}

export function createApp(call: RpcCall, messageArea: HTMLElement): App {
  const app: App = {
    call,
    state: undefined,

    showError(message) {
      replaceChildren(messageArea, h('div', { class: 'message error', role: 'alert' }, message));
    },

    showInfo(message) {
      replaceChildren(messageArea, h('div', { class: 'message info', role: 'status' }, message));
    },

    clearMessage() {
      replaceChildren(messageArea);
    },

    async busy(button, work) {
      if (button) button.disabled = true;
      document.body.setAttribute('aria-busy', 'true');
      try {
        return await work();
      } catch (error) {
        app.showError(messageOf(error));
        return undefined;
      } finally {
        if (button) button.disabled = false;
        document.body.removeAttribute('aria-busy');
      }
    },

    unwrap(result) {
      if (isFailure(result)) {
        app.showError(result.message);
        return undefined;
      }
      return result as typeof result & { ok: true };
    },

    async refreshState() {
      const result = await call('getSidebarState');
      const value = app.unwrap(result);
      if (value) app.state = value.state;
      return app.state;
    },
  };
  return app;
}
