import { createRandomFaultSchedule, FAULT_KINDS } from '../../../local/emulator/faults';
import { push, quantityOf, resetEmulator, startTestEmulator, type TestEmulator, UPC } from './helpers';

let emulator: TestEmulator;
let url: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.server.url;
});
afterAll(() => emulator.server.close());
beforeEach(() => resetEmulator(emulator.control));

const line = { warehouse: 'Default', upc: UPC.teeS, inventory: 11 };
const stored = () => quantityOf(emulator.control, UPC.teeS);

describe('fault kinds', () => {
  test('status with an HTML page skips the change', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'status', status: 503 }]);
    const result = await push(url, [line]);
    expect(result.status).toBe(503);
    expect(result.headers.get('content-type')).toContain('text/html');
    expect(result.text).toContain('<html>');
    expect(await stored()).toBeUndefined();
  });

  test('status with a text body', async () => {
    await emulator.control.setFaults([
      { at: 1, kind: 'status', status: 502, bodyType: 'text', body: 'Bad gateway' },
    ]);
    const result = await push(url, [line]);
    expect(result.status).toBe(502);
    expect(result.headers.get('content-type')).toContain('text/plain');
    expect(result.text).toBe('Bad gateway');
  });

  test('status with applyChange stores the change', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'status', status: 500, applyChange: true }]);
    const result = await push(url, [line]);
    expect(result.status).toBe(500);
    expect(await stored()).toBe(11);
  });

  test('error_body answers 200 without a log', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'error_body' }]);
    const result = await push(url, [line]);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'An internal error occurred' },
    });
    expect(await stored()).toBeUndefined();
  });

  test('malformed answers 200 with truncated JSON', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'malformed' }]);
    const result = await push(url, [line]);
    expect(result.status).toBe(200);
    expect(() => JSON.parse(result.text)).toThrow(SyntaxError);
    expect(await stored()).toBeUndefined();
  });

  test('delay answers normally after the wait', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'delay', ms: 150 }]);
    const started = Date.now();
    const result = await push(url, [line]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(result.status).toBe(200);
    expect(await stored()).toBe(11);
  });

  test('drop destroys the connection without a change', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'drop' }]);
    await expect(push(url, [line])).rejects.toThrow('fetch failed');
    expect(await stored()).toBeUndefined();
  });

  test('drop with applyChange stores the change', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'drop', applyChange: true }]);
    await expect(push(url, [line])).rejects.toThrow('fetch failed');
    expect(await stored()).toBe(11);
  });

  test('status_after_apply answers 504 after storing', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'status_after_apply' }]);
    const result = await push(url, [line]);
    expect(result.status).toBe(504);
    expect(result.text).toContain('504');
    expect(await stored()).toBe(11);
  });

  test('throttle answers 429 with exactly the given headers', async () => {
    await emulator.control.setFaults([
      { at: 1, kind: 'throttle', headers: { 'Retry-After': '2.5', 'X-Throttling-Reset': '3' } },
    ]);
    const result = await push(url, [line]);
    expect(result.status).toBe(429);
    expect(result.headers.get('retry-after')).toBe('2.5');
    expect(result.headers.get('x-throttling-reset')).toBe('3');
    expect(result.headers.get('x-throttling-account-id')).toBe('4821');
    expect(await stored()).toBeUndefined();
  });
});

describe('fault schedule', () => {
  test('hits only its request number', async () => {
    await emulator.control.setFaults([{ at: 2, kind: 'status', status: 500 }]);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await push(url, [line])).status);
    expect(codes).toEqual([200, 500, 200]);
  });

  test('control routes do not count as requests', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'status', status: 500 }]);
    await emulator.control.positions();
    await emulator.control.health();
    expect((await push(url, [line])).status).toBe(500);
  });

  test('reset restarts numbering and keeps the schedule', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'status', status: 500 }]);
    expect((await push(url, [line])).status).toBe(500);
    await emulator.control.reset();
    expect((await push(url, [line])).status).toBe(500);
    expect(await emulator.control.faults()).toHaveLength(1);
  });

  test('setting a schedule restarts numbering', async () => {
    await push(url, [line]);
    await emulator.control.setFaults([{ at: 1, kind: 'status', status: 500 }]);
    expect((await push(url, [line])).status).toBe(500);
  });

  test('request log records the fault and a dropped status', async () => {
    await emulator.control.setFaults([{ at: 1, kind: 'drop' }]);
    await push(url, [line]).catch(() => undefined);
    const [entry] = await emulator.control.requests();
    expect(entry?.fault).toBe('drop');
    expect(entry?.status).toBeNull();
  });

  test.each([
    [{ faults: [{ at: 0, kind: 'drop' }] }, 'request number'],
    [{ faults: [{ at: 1, kind: 'explode' }] }, 'unknown'],
    [{ faults: [{ at: 1, kind: 'status' }] }, 'status is missing'],
    [{ faults: [{ at: 1, kind: 'delay' }] }, 'ms must be'],
  ])('invalid schedule %j is rejected', async (body, message) => {
    const response = await fetch(`${url}/_emulator/faults`, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });
});

describe('random fault schedule', () => {
  test('same seed gives the same schedule', () => {
    const first = createRandomFaultSchedule(42, { requests: 200 });
    const second = createRandomFaultSchedule(42, { requests: 200 });
    expect(second).toEqual(first);
  });

  test('different seeds give different schedules', () => {
    const first = createRandomFaultSchedule(1, { requests: 200 });
    const second = createRandomFaultSchedule(2, { requests: 200 });
    expect(second).not.toEqual(first);
  });

  test('covers every kind over a long run', () => {
    const schedule = createRandomFaultSchedule(7, { requests: 2000 });
    expect(new Set(schedule.map((fault) => fault.kind))).toEqual(new Set(FAULT_KINDS));
  });

  test('probability sets the fault share', () => {
    const schedule = createRandomFaultSchedule(7, { requests: 2000, probability: 0.25 });
    expect(schedule.length).toBeGreaterThan(400);
    expect(schedule.length).toBeLessThan(600);
  });

  test('kinds option limits the kinds', () => {
    const schedule = createRandomFaultSchedule(7, { requests: 500, kinds: ['drop'] });
    expect(schedule.every((fault) => fault.kind === 'drop')).toBe(true);
  });

  test('generated schedule is accepted by the server', async () => {
    const schedule = createRandomFaultSchedule(3, { requests: 100 });
    await emulator.control.setFaults(schedule);
    expect(await emulator.control.faults()).toEqual(schedule);
  });
});
