/** Async client for the emulator's `/_emulator/` test-hook routes (Node 20's global fetch). */

import type { RequestLogEntry } from './emulator';
import type { ScheduledFault } from './faults';
import type { EmulatorSeed } from './seed-types';
import type { Switches } from './switches';

export interface PositionView {
  upc: string | null;
  style_id: number;
  style_color_id: number;
  style_number: string;
  style_identifier: string;
  color_code: string;
  size: string;
  size_code: string;
  warehouse: string;
  /** `YYYY-MM-DD`, or `null` for an immediate position. */
  inventory_date: string | null;
  quantity: number;
  made_to_order: boolean;
}

export type SkuView = Omit<PositionView, 'warehouse' | 'inventory_date' | 'quantity' | 'made_to_order'>;

export interface PositionsView {
  positions: PositionView[];
  madeToOrder: SkuView[];
  phantomWarehouses: string[];
}

export interface HealthView {
  ok: boolean;
  accountId: string;
  nowMs: number;
  virtualClock: boolean;
  requestCount: number;
}

export class EmulatorClient {
  readonly #baseUrl: string;

  /** `baseUrl` is the emulator's root URL, e.g. `http://127.0.0.1:41234`. */
  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl.replace(/\/$/, '');
  }

  health(): Promise<HealthView> {
    return this.#call('GET', 'health');
  }

  positions(): Promise<PositionsView> {
    return this.#call('GET', 'positions');
  }

  async requests(): Promise<RequestLogEntry[]> {
    return (await this.#call<{ requests: RequestLogEntry[] }>('GET', 'requests')).requests;
  }

  /** Restores the seeded positions and clears throttle windows, the request log and the request count. */
  async reset(): Promise<void> {
    await this.#call('POST', 'reset');
  }

  async seed(seed: EmulatorSeed): Promise<void> {
    await this.#call('POST', 'seed', seed);
  }

  switches(): Promise<Switches> {
    return this.#call('GET', 'switches');
  }

  /** Merges `patch` over the current switches and returns the result. */
  setSwitches(patch: Partial<Switches>): Promise<Switches> {
    return this.#call('POST', 'switches', patch);
  }

  /** Replaces every switch with its default, then applies `patch`. */
  resetSwitches(patch: Partial<Switches> = {}): Promise<Switches> {
    return this.#call('POST', 'switches?replace=1', patch);
  }

  /** Loads a fault schedule (replacing the previous one) and restarts request numbering at 1. */
  async setFaults(faults: ScheduledFault[]): Promise<void> {
    await this.#call('POST', 'faults', { faults });
  }

  async faults(): Promise<ScheduledFault[]> {
    return (await this.#call<{ faults: ScheduledFault[] }>('GET', 'faults')).faults;
  }

  /** Sets the emulator clock (epoch ms, never backwards) and returns it. */
  async setClock(nowMs: number): Promise<number> {
    return (await this.#call<{ nowMs: number }>('POST', 'clock', { nowMs })).nowMs;
  }

  async advanceClock(advanceMs: number): Promise<number> {
    return (await this.#call<{ nowMs: number }>('POST', 'clock', { advanceMs })).nowMs;
  }

  async #call<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const url = `${this.#baseUrl}/_emulator/${route}`;
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`Emulator ${method} /_emulator/${route} failed with ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}
