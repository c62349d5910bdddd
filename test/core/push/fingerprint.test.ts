import { type FingerprintTarget, fingerprintLine, hashToken } from '../../../src/core/push/fingerprint';
import type { InventoryItem } from '../../../src/shared/types';

const sandbox: FingerprintTarget = {
  environment: 'sandbox',
  tokenHash: hashToken('token-a'),
  decPending: false,
};
const item: InventoryItem = { warehouse: 'Default', upc: '012345678905', inventory: 14 };

describe('hashToken', () => {
  it('is stable and hex', () => {
    expect(hashToken('token-a')).toBe(hashToken('token-a'));
    expect(hashToken('token-a')).toMatch(/^[0-9a-f]{28}$/);
  });

  it('never contains the token', () => {
    expect(hashToken('abcdef0123456789')).not.toContain('abcdef0123456789');
  });

  it('differs between tokens', () => {
    expect(hashToken('token-a')).not.toBe(hashToken('token-b'));
  });

  it('ignores surrounding whitespace', () => {
    expect(hashToken(' token-a\n')).toBe(hashToken('token-a'));
  });
});

describe('fingerprintLine', () => {
  const base = fingerprintLine(item, sandbox);

  it.each([
    ['the quantity', { ...item, inventory: 15 }, sandbox],
    ['the warehouse', { ...item, warehouse: 'Future' }, sandbox],
    ['the date', { ...item, inventory_date: '2025-09-01' }, sandbox],
    ['made to order', { ...item, made_to_order: true }, sandbox],
    ['the environment', item, { ...sandbox, environment: 'production' }],
    ['the token', item, { ...sandbox, tokenHash: hashToken('token-b') }],
    ['dec_pending', item, { ...sandbox, decPending: true }],
  ] as const)('changes with %s', (_name, changed, target) => {
    expect(fingerprintLine(changed, target)).not.toBe(base);
  });

  it('is the same for every GTIN form of one UPC', () => {
    expect(fingerprintLine({ ...item, upc: '0012345678905' }, sandbox)).toBe(base);
  });

  it('is stable across calls', () => {
    expect(fingerprintLine({ ...item }, { ...sandbox })).toBe(base);
  });
});
