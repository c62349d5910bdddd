import type { SettingsDto } from '../../src/shared/api';
import { createRpc, RpcError } from '../../src/sidebar/rpc';
import { createFakeScriptRun } from './fake-script-run';

const settings: SettingsDto = {
  environment: 'sandbox',
  tokenMasked: '••••••1a2b',
  hasToken: true,
  warehouses: ['Default'],
  itemsPerRequest: 500,
  styleIdentifierKey: 'both',
  format: 'json',
};

async function rejectionOf(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error('expected the call to reject');
}

describe('createRpc', () => {
  it('resolves with the server result', async () => {
    const fake = createFakeScriptRun({
      addWarehouse: (name) => ({ ok: true, settings: { ...settings, warehouses: [name] } }),
    });
    const call = createRpc({ getRunner: fake.getRunner });

    const result = await call('addWarehouse', 'East');

    expect(result).toEqual({ ok: true, settings: { ...settings, warehouses: ['East'] } });
  });

  it('passes the arguments in order', async () => {
    const fake = createFakeScriptRun({ selectCell: () => ({ ok: true, a1: 'B7' }) });
    const call = createRpc({ getRunner: fake.getRunner });

    await call('selectCell', '0', 7, 2);

    expect(fake.calls).toEqual([{ name: 'selectCell', args: ['0', 7, 2] }]);
  });

  it('resolves endpoint failures as values', async () => {
    const fake = createFakeScriptRun({
      testConnection: () => ({ ok: false, code: 'NO_TOKEN', message: 'No API token is saved.' }),
    });
    const call = createRpc({ getRunner: fake.getRunner });

    const result = await call('testConnection');

    expect(result).toEqual({ ok: false, code: 'NO_TOKEN', message: 'No API token is saved.' });
  });

  it('rejects a server exception with its message', async () => {
    const fake = createFakeScriptRun({
      getSidebarState: () => {
        throw new Error('Exception: Sheet "Inventory" was not found.');
      },
    });
    const call = createRpc({ getRunner: fake.getRunner });

    const error = await rejectionOf(call('getSidebarState'));

    expect(error.code).toBe('SERVER_ERROR');
    expect(error.functionName).toBe('getSidebarState');
    expect(error.message).toBe('The server failed on getSidebarState: Sheet "Inventory" was not found.');
  });

  it.each([
    'ScriptError: Authorization is required to perform that action.',
    "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
  ])('explains the multi-account failure %s', async (googleMessage) => {
    const fake = createFakeScriptRun({
      getSidebarState: () => {
        throw new Error(googleMessage);
      },
    });
    const call = createRpc({ getRunner: fake.getRunner });

    const error = await rejectionOf(call('getSidebarState'));

    expect(error.code).toBe('AUTHORIZATION');
    expect(error.message).toContain('Sign out of the other Google accounts');
    expect(error.message).toContain('single account');
    expect(error.serverMessage).toBe(googleMessage);
  });

  it('rejects an unanswered call on timeout', async () => {
    const fake = createFakeScriptRun({ continuePush: () => ({ ok: true }) });
    fake.silent.add('continuePush');
    const call = createRpc({ getRunner: fake.getRunner, timeoutMs: 20 });

    const error = await rejectionOf(call('continuePush', 'run-1'));

    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('continuePush');
  });

  it('rejects when google.script.run is missing', async () => {
    const call = createRpc({ getRunner: () => undefined });

    const error = await rejectionOf(call('getSidebarState'));

    expect(error.code).toBe('UNAVAILABLE');
  });

  it('rejects an unknown server function', async () => {
    const fake = createFakeScriptRun({});
    const call = createRpc({ getRunner: fake.getRunner });

    const error = await rejectionOf(call('getRunLog', 5));

    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('getRunLog');
  });

  it('keeps concurrent calls apart', async () => {
    const fake = createFakeScriptRun({ selectCell: (_sheet, row) => ({ ok: true, a1: `A${row}` }) });
    const call = createRpc({ getRunner: fake.getRunner });

    const [first, second] = await Promise.all([call('selectCell', '0', 3, 1), call('selectCell', '0', 9, 1)]);

    expect(first).toEqual({ ok: true, a1: 'A3' });
    expect(second).toEqual({ ok: true, a1: 'A9' });
  });

  it('reads the runner on every call', async () => {
    const fake = createFakeScriptRun({ deleteSchedule: () => ({ ok: true, deleted: true }) });
    const getRunner = jest.fn(fake.getRunner);
    const call = createRpc({ getRunner });

    await call('deleteSchedule');
    await call('deleteSchedule');

    expect(getRunner).toHaveBeenCalledTimes(2);
  });
});
