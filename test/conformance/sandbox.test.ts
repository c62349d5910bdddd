/**
 * Runs the UPC scenarios against a real JOOR sandbox account. It runs only when
 * JOOR_SANDBOX_URL (the v2 root, e.g. https://apisandbox.jooraccess.com/v2),
 * JOOR_SANDBOX_TOKEN and JOOR_SANDBOX_UPCS (comma-separated UPCs stored on SKUs of that
 * account) are set, and is skipped otherwise. Never set them in CI: the pushes change the
 * account's inventory. JOOR has no inventory read-back endpoint, so only statuses are checked.
 */

import { classifyResponse } from '../../src/core/push/retry';
import type { InventoryItem } from '../../src/shared/types';
import { push, type Server, statusesOf } from './harness';

const url = process.env.JOOR_SANDBOX_URL;
const token = process.env.JOOR_SANDBOX_TOKEN;
const upcs = (process.env.JOOR_SANDBOX_UPCS ?? '')
  .split(',')
  .map((upc) => upc.trim())
  .filter((upc) => upc !== '');
const configured = url !== undefined && token !== undefined && upcs.length >= 2;

const SKIP_REASON = 'skipped: set JOOR_SANDBOX_URL, JOOR_SANDBOX_TOKEN and JOOR_SANDBOX_UPCS to run';
const describeSandbox = configured ? describe : describe.skip;

describeSandbox(`JOOR sandbox conformance${configured ? '' : ` (${SKIP_REASON})`}`, () => {
  const server: Server = { baseUrl: url ?? '', token: token ?? '' };
  const line = (upc: string, inventory: number): InventoryItem => ({ warehouse: 'Default', upc, inventory });

  it.each(['json', 'xml'] as const)('loads stock by UPC in %s', async (format) => {
    const result = await push(server, [line(upcs[0] ?? '', 5), line(upcs[1] ?? '', 6)], { format });
    expect(result.parsed.ok).toBe(true);
    expect(statusesOf(result)).toEqual(['2:sent', '3:sent']);
  });

  it('sets a SKU to zero', async () => {
    const result = await push(server, [line(upcs[0] ?? '', 0)], { format: 'json' });
    expect(statusesOf(result)).toEqual(['2:sent']);
  });

  it('fails an unknown UPC', async () => {
    const result = await push(server, [line('099999999993', 1)], { format: 'json' });
    expect(result.parsed.ok).toBe(true);
    expect(statusesOf(result)).toEqual(['2:failed']);
  });

  it('rejects a wrong token', async () => {
    const result = await push({ ...server, token: 'not-a-valid-token' }, [line(upcs[0] ?? '', 1)], {
      format: 'json',
    });
    expect(result.parsed.ok).toBe(false);
    if (result.parsed.ok) return;
    expect(classifyResponse(result.response, result.parsed).kind).toBe('auth');
  });
});

if (!configured) {
  it(`JOOR sandbox conformance is ${SKIP_REASON}`, () => {
    expect(configured).toBe(false);
  });
}
