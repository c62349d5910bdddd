/** In-memory ports for push engine tests: a scripted HTTP port, a manual clock, a seeded random. */

import type { Clock, HttpPort, HttpRequest, HttpResponse, KeyValueStore } from '../../../src/core/ports';

/** A scripted reply: a response, or an error the port throws. */
export type Reply = HttpResponse | { throws: string };

/** Returns the scripted replies in order and records every request it received. */
export class ScriptedHttp implements HttpPort {
  readonly requests: HttpRequest[] = [];
  private readonly replies: Array<Reply | ((request: HttpRequest) => Reply)>;

  constructor(replies: Array<Reply | ((request: HttpRequest) => Reply)>) {
    this.replies = [...replies];
  }

  fetch(request: HttpRequest): HttpResponse {
    this.requests.push(request);
    const next = this.replies.shift();
    if (next === undefined) {
      throw new Error(`ScriptedHttp: no reply scripted for request ${this.requests.length}`);
    }
    const reply = typeof next === 'function' ? next(request) : next;
    if ('throws' in reply) {
      throw new Error(reply.throws);
    }
    return reply;
  }
}

/** A clock whose `sleep` advances time at once and records each sleep. */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  sleep(ms: number): void {
    this.sleeps.push(ms);
    this.current += ms;
  }
}

/** mulberry32, a small seeded generator, so backoff jitter is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
  delete(key: string): void {
    this.values.delete(key);
  }
}

export const encodeBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Builds a JOOR-like JSON body with one log line per `[sku, status]` pair. */
export function logBody(lines: Array<[string, string]>, skuCount = lines.length): unknown {
  return {
    sku_count: skuCount,
    inventory_log: lines.map(([sku, status], index) => ({
      sku,
      inventory_log_id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      status,
    })),
  };
}
