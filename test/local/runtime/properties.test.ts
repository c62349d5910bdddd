import {
  createPropertiesService,
  createPropertyStores,
  MAX_STORE_BYTES,
  MAX_VALUE_BYTES,
  snapshotProperties,
} from '../../../local/runtime/properties';
import { createTestExecution } from './helpers';

function setup(hasDocument = true) {
  const stores = createPropertyStores({ user: { token: 'abc' } }, hasDocument);
  const service = createPropertiesService(createTestExecution(), stores);
  return { stores, service };
}

describe('PropertiesService', () => {
  it('starts from the given snapshot', () => {
    const { service } = setup();
    expect(service.getUserProperties()?.getProperty('token')).toBe('abc');
  });

  it('stores values as strings', () => {
    const { service } = setup();
    const store = service.getDocumentProperties()!;
    store.setProperty('count', 42);
    store.setProperty('flag', true);
    expect(store.getProperty('count')).toBe('42');
    expect(store.getProperty('flag')).toBe('true');
  });

  it('returns null for a missing key', () => {
    const { service } = setup();
    expect(service.getScriptProperties()?.getProperty('missing')).toBeNull();
  });

  it('keeps the three stores apart', () => {
    const { service, stores } = setup();
    service.getScriptProperties()?.setProperty('k', 'script');
    service.getDocumentProperties()?.setProperty('k', 'document');
    expect(snapshotProperties(stores)).toEqual({
      user: { token: 'abc' },
      document: { k: 'document' },
      script: { k: 'script' },
    });
  });

  it('sets many and deletes others', () => {
    const { service } = setup();
    const store = service.getUserProperties()!;
    store.setProperties({ a: 1, b: 'two' });
    expect(store.getProperties()).toEqual({ token: 'abc', a: '1', b: 'two' });
    store.setProperties({ c: 3 }, true);
    expect(store.getProperties()).toEqual({ c: '3' });
  });

  it('lists keys and deletes them', () => {
    const { service } = setup();
    const store = service.getUserProperties()!;
    store.setProperty('x', '1');
    expect(store.getKeys().sort()).toEqual(['token', 'x']);
    store.deleteProperty('x');
    expect(store.getKeys()).toEqual(['token']);
    store.deleteAllProperties();
    expect(store.getKeys()).toEqual([]);
  });

  it('rejects a value over 9 KB', () => {
    const { service } = setup();
    const store = service.getUserProperties()!;
    expect(() => store.setProperty('token', 'x'.repeat(MAX_VALUE_BYTES + 1))).toThrow(
      'Argument too large: value',
    );
    expect(store.getProperty('token')).toBe('abc');
  });

  it('rejects a store over 500 KB', () => {
    const { service } = setup();
    const store = service.getScriptProperties()!;
    const value = 'x'.repeat(8 * 1024);
    const fill = () => {
      for (let i = 0; i * value.length <= MAX_STORE_BYTES; i++) store.setProperty(`key${i}`, value);
    };
    expect(fill).toThrow('You have exceeded the property storage quota');
  });

  it('has no document store without a document', () => {
    const { service } = setup(false);
    expect(service.getDocumentProperties()).toBeNull();
  });

  it('throws in AuthMode.NONE', () => {
    const stores = createPropertyStores({}, true);
    const service = createPropertiesService(createTestExecution({ authMode: 'NONE' }), stores);
    expect(() => service.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
  });
});
