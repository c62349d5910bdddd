// CacheService fake: in-memory script, user and document caches with expiry on the virtual
// clock. Limits are from the Cache reference
// (https://developers.google.com/apps-script/reference/cache/cache): keys up to 250 characters,
// values up to 100 KB, expiration 1 s to 21,600 s (default 600 s).
import type { Execution } from './execution';

export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const DEFAULT_EXPIRATION_S = 600;
export const MAX_EXPIRATION_S = 21_600;

export type CacheStore = Map<string, { value: string; expiresMs: number }>;

export interface CacheStores {
  script: CacheStore;
  user: CacheStore;
  document: CacheStore | null;
}

export function createCacheStores(hasDocument: boolean): CacheStores {
  return { script: new Map(), user: new Map(), document: hasDocument ? new Map() : null };
}

export function createCacheService(execution: Execution, stores: CacheStores) {
  const open = (method: string, store: CacheStore | null) => {
    execution.enter('CacheService', method);
    return store === null ? null : createCache(execution, store);
  };
  return {
    getScriptCache: () => open('getScriptCache', stores.script),
    getUserCache: () => open('getUserCache', stores.user),
    /** Returns null without a document. */
    getDocumentCache: () => open('getDocumentCache', stores.document),
  };
}

function createCache(execution: Execution, store: CacheStore) {
  const enter = (method: string) => execution.enter('Cache', method);
  const now = () => execution.clock.now();

  const read = (key: string): string | null => {
    const entry = store.get(key);
    if (entry === undefined) return null;
    if (entry.expiresMs <= now()) {
      store.delete(key);
      return null;
    }
    return entry.value;
  };

  const write = (key: string, value: string, expirationInSeconds: number) => {
    if (key.length > MAX_KEY_LENGTH)
      throw new Error(`Argument too large: key (${key.length} characters; at most ${MAX_KEY_LENGTH}).`);
    if (Buffer.byteLength(value) > MAX_VALUE_BYTES) {
      throw new Error(
        `Argument too large: value (${Buffer.byteLength(value)} bytes; at most ${MAX_VALUE_BYTES}).`,
      );
    }
    const seconds = Math.min(Math.max(expirationInSeconds, 1), MAX_EXPIRATION_S);
    store.set(key, { value, expiresMs: now() + seconds * 1000 });
  };

  return {
    get(key: unknown) {
      enter('get');
      return read(String(key));
    },
    getAll(keys: unknown) {
      enter('getAll');
      const result: Record<string, string> = {};
      for (const key of (keys as unknown[]) ?? []) {
        const value = read(String(key));
        if (value !== null) result[String(key)] = value;
      }
      return result;
    },
    put(key: unknown, value: unknown, expirationInSeconds: unknown = DEFAULT_EXPIRATION_S) {
      enter('put');
      write(String(key), String(value), Number(expirationInSeconds));
    },
    putAll(values: unknown, expirationInSeconds: unknown = DEFAULT_EXPIRATION_S) {
      enter('putAll');
      for (const [key, value] of Object.entries((values as Record<string, unknown>) ?? {})) {
        write(key, String(value), Number(expirationInSeconds));
      }
    },
    remove(key: unknown) {
      enter('remove');
      store.delete(String(key));
    },
    removeAll(keys: unknown) {
      enter('removeAll');
      for (const key of (keys as unknown[]) ?? []) store.delete(String(key));
    },
  };
}
