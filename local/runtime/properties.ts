// PropertiesService fake: user, document and script stores of strings that persist across
// executions. Limits are from the quota page
// (https://developers.google.com/apps-script/guides/services/quotas): 9 KB per value and 500 KB
// per store.
import { type Execution, SCOPES } from './execution';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

/** Plain copies of the three stores, string values only. */
export interface PropertiesSnapshot {
  user: Record<string, string>;
  document: Record<string, string>;
  script: Record<string, string>;
}

export type StoreName = keyof PropertiesSnapshot;

/** The three stores; `document` is null when the execution has no document. */
export interface PropertyStores {
  user: Map<string, string>;
  document: Map<string, string> | null;
  script: Map<string, string>;
}

export function createPropertyStores(
  snapshot: Partial<PropertiesSnapshot> | undefined,
  hasDocument: boolean,
): PropertyStores {
  const toMap = (record: Record<string, string> | undefined) =>
    new Map(Object.entries(record ?? {}).map(([key, value]) => [key, String(value)]));
  return {
    user: toMap(snapshot?.user),
    document: hasDocument ? toMap(snapshot?.document) : null,
    script: toMap(snapshot?.script),
  };
}

export function snapshotProperties(stores: PropertyStores): PropertiesSnapshot {
  return {
    user: Object.fromEntries(stores.user),
    document: Object.fromEntries(stores.document ?? []),
    script: Object.fromEntries(stores.script),
  };
}

export function createPropertiesService(execution: Execution, stores: PropertyStores) {
  const open = (method: string, store: Map<string, string> | null) => {
    execution.enter('PropertiesService', method);
    execution.requireAuthorization('PropertiesService', method, SCOPES.storage);
    return store === null ? null : createProperties(execution, store);
  };
  return {
    getUserProperties: () => open('getUserProperties', stores.user),
    /** Returns null without a document, as for a script that is neither bound nor an add-on. */
    getDocumentProperties: () => open('getDocumentProperties', stores.document),
    getScriptProperties: () => open('getScriptProperties', stores.script),
  };
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeBytes(store: Map<string, string>): number {
  let total = 0;
  for (const [key, value] of store) total += byteLength(key) + byteLength(value);
  return total;
}

/**
 * Applies `changes` to a copy, checks the limits, then commits, so a write that breaks a limit
 * changes nothing.
 */
function commit(store: Map<string, string>, next: Map<string, string>): void {
  for (const [key, value] of next) {
    if (byteLength(value) > MAX_VALUE_BYTES) {
      // NOTE: wording as users report it from Apps Script; the 9 KB limit is on the quota page.
      throw new Error(
        `Argument too large: value (property "${key}" has ${byteLength(value)} bytes; at most ${MAX_VALUE_BYTES}).`,
      );
    }
  }
  if (storeBytes(next) > MAX_STORE_BYTES) {
    throw new Error(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
  }
  store.clear();
  for (const [key, value] of next) store.set(key, value);
}

function createProperties(execution: Execution, store: Map<string, string>) {
  const enter = (method: string) => execution.enter('Properties', method);

  const properties = {
    getProperty(key: unknown): string | null {
      enter('getProperty');
      return store.get(String(key)) ?? null;
    },
    getProperties(): Record<string, string> {
      enter('getProperties');
      return Object.fromEntries(store);
    },
    getKeys(): string[] {
      enter('getKeys');
      return [...store.keys()];
    },
    setProperty(key: unknown, value: unknown) {
      enter('setProperty');
      const next = new Map(store);
      next.set(String(key), String(value));
      commit(store, next);
      return properties;
    },
    setProperties(values: unknown, deleteAllOthers?: unknown) {
      enter('setProperties');
      if (typeof values !== 'object' || values === null) {
        throw new Error('Invalid argument: properties must be an object of key-value pairs.');
      }
      const next = deleteAllOthers === true ? new Map<string, string>() : new Map(store);
      for (const [key, value] of Object.entries(values)) next.set(key, String(value));
      commit(store, next);
      return properties;
    },
    deleteProperty(key: unknown) {
      enter('deleteProperty');
      store.delete(String(key));
      return properties;
    },
    deleteAllProperties() {
      enter('deleteAllProperties');
      store.clear();
      return properties;
    },
  };
  return properties;
}
