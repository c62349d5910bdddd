/** Shared fixtures for emulator tests: a small seed, an in-process server and request helpers. */

import { EmulatorClient, type PositionView } from '../../../local/emulator/client';
import type { EmulatorSeed } from '../../../local/emulator/seed-types';
import { type RunningEmulator, startEmulator } from '../../../local/emulator/server';
import type { Switches } from '../../../local/emulator/switches';

export const TOKEN = 'test-token-6b1f0c9e';
export const AUTH = `OAuth2 ${Buffer.from(TOKEN).toString('base64')}`;

/** UPCs of the test catalogue (valid GS1 check digits). */
export const UPC = {
  teeS: '012345678905',
  teeM: '009876543215',
  teeL: '098765432105',
  capM: '012345670060',
  kidsEan13: '2001234567893',
} as const;

export function createTestSeed(): EmulatorSeed {
  const tee = {
    style_id: 700111,
    style_color_id: 880222,
    style_number: 'SS25-TEE',
    style_identifier: 'SS25-TEE',
    color_code: '010',
  };
  return {
    accountId: '4821',
    token: TOKEN,
    warehouses: ['Fall Future'],
    warehouseCodes: { 'Fall Future': 'FF' },
    v4Credentials: {
      clientId: 'client-1',
      clientSecret: 'secret-1',
      username: 'ops@example.com',
      password: 'pw-1',
    },
    catalogue: [
      { ...tee, size: 'S', size_code: 'SR1-01', upc: UPC.teeS },
      { ...tee, size: 'M', size_code: 'SR1-02', upc: UPC.teeM },
      { ...tee, size: 'L', size_code: 'SR1-03', upc: UPC.teeL },
      {
        style_id: 700222,
        style_color_id: 880333,
        style_number: '00123',
        style_identifier: 'ST-00123',
        color_code: '001',
        size: 'M',
        size_code: 'SR2-02',
        upc: UPC.capM,
      },
      {
        style_id: 700333,
        style_color_id: 880444,
        style_number: 'A/B 1',
        style_identifier: 'AB1',
        color_code: '200',
        size: '3-4',
        size_code: 'K-34',
        upc: UPC.kidsEan13,
      },
    ],
    pending: [
      { upc: UPC.teeS, warehouse: 'Default', quantity: 3, status: 'pending' },
      { upc: UPC.teeS, warehouse: 'Default', quantity: 2, status: 'notes' },
      { upc: UPC.teeS, warehouse: 'Fall Future', quantity: 4, status: 'pending' },
      { upc: UPC.teeS, warehouse: 'Default', quantity: 10, status: 'approved' },
    ],
    positions: [
      { upc: UPC.teeM, warehouse: 'Default', quantity: 7 },
      { upc: UPC.teeL, warehouse: 'Fall Future', inventory_date: '2025-09-01', quantity: 50 },
    ],
  };
}

export interface TestEmulator {
  server: RunningEmulator;
  control: EmulatorClient;
}

/** Starts an in-process emulator with the test seed; call `server.close()` in `afterAll`. */
export async function startTestEmulator(switches: Partial<Switches> = {}): Promise<TestEmulator> {
  const server = await startEmulator({ seed: createTestSeed(), switches });
  return { server, control: new EmulatorClient(server.url) };
}

export interface PushOptions {
  query?: string;
  method?: 'POST' | 'PUT';
  contentType?: string | null;
  accept?: string;
  authorization?: string | null;
  headers?: Record<string, string>;
}

export interface PushResult {
  status: number;
  headers: Headers;
  text: string;
  json: {
    sku_count: number;
    inventory_log: { sku: string; inventory_log_id: string; status: string; message?: string }[];
  };
}

/** Sends a raw body to `/v2/bulk-inventory` and returns the status, headers, text and (when JSON) the parsed body. */
export async function pushRaw(url: string, body: string, options: PushOptions = {}): Promise<PushResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization !== null) headers.Authorization = options.authorization ?? AUTH;
  if (options.contentType !== null) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (options.accept) headers.Accept = options.accept;
  const query = options.query ? `?${options.query}` : '';
  const response = await fetch(`${url}/v2/bulk-inventory${query}`, {
    method: options.method ?? 'POST',
    headers,
    body,
  });
  const text = await response.text();
  let json: PushResult['json'] = { sku_count: Number.NaN, inventory_log: [] };
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: XML, HTML or a fault body; tests read `text`.
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Sends `{"inventory_items": {"inventory_item": items}}` as JSON. */
export function push(url: string, items: unknown[], options: PushOptions = {}): Promise<PushResult> {
  return pushRaw(url, JSON.stringify({ inventory_items: { inventory_item: items } }), options);
}

export function statuses(result: PushResult): string[] {
  return result.json.inventory_log.map((line) => line.status);
}

/** Returns the stored quantity of one position, or `undefined` when none is stored. */
export async function quantityOf(
  control: EmulatorClient,
  upc: string,
  warehouse = 'Default',
  date: string | null = null,
): Promise<number | undefined> {
  const { positions } = await control.positions();
  return positions.find(
    (position: PositionView) =>
      position.upc === upc && position.warehouse === warehouse && position.inventory_date === date,
  )?.quantity;
}

/** Restores the seed, every switch default plus `switches`, and an empty fault schedule. */
export async function resetEmulator(
  control: EmulatorClient,
  switches: Partial<Switches> = {},
): Promise<void> {
  await control.resetSwitches(switches);
  await control.setFaults([]);
  await control.reset();
}
