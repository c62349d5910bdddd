/**
 * Thin adapters from the core ports to Apps Script services: clock, HTTP, property stores,
 * logging, dates and Base64. They only convert types and contain no logic.
 */

import type {
  Base64Encoder,
  Clock,
  DateFormatter,
  HttpPort,
  HttpRequest,
  HttpResponse,
  KeyValueStore,
  Logger,
} from '../../core/ports';

export const appsScriptClock: Clock = {
  now: () => Date.now(),
  sleep: (ms: number) => Utilities.sleep(Math.max(0, Math.round(ms))),
};

/** UrlFetchApp with muteHttpExceptions, so every HTTP status comes back as a response. */
export const urlFetchHttp: HttpPort = {
  fetch(request: HttpRequest): HttpResponse {
    const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
      method: request.method,
      headers: request.headers,
      muteHttpExceptions: true,
      followRedirects: false,
    };
    if (request.payload !== undefined) {
      params.payload = request.payload;
      params.contentType = request.contentType ?? 'application/json';
    }
    const response = UrlFetchApp.fetch(request.url, params);
    const headers: Record<string, string> = {};
    const raw = response.getHeaders() as Record<string, unknown>;
    for (const name of Object.keys(raw)) {
      const value = raw[name];
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return { status: response.getResponseCode(), headers, body: response.getContentText() };
  },
};

export function propertiesStore(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => {
      properties.setProperty(key, value);
    },
    delete: (key) => {
      properties.deleteProperty(key);
    },
  };
}

export function documentStore(): KeyValueStore {
  return propertiesStore(PropertiesService.getDocumentProperties());
}

export function userStore(): KeyValueStore {
  return propertiesStore(PropertiesService.getUserProperties());
}

export const formatIsoDate: DateFormatter = (date, timeZone) =>
  Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');

export const encodeBase64: Base64Encoder = (text) => Utilities.base64Encode(text, Utilities.Charset.UTF_8);

/** Formats a time for messages, e.g. "14:05", in the spreadsheet's zone. */
export function formatClockTime(epochMs: number, timeZone: string): string {
  return Utilities.formatDate(new Date(epochMs), timeZone, 'HH:mm');
}

export function formatTimestamp(epochMs: number, timeZone: string): string {
  return Utilities.formatDate(new Date(epochMs), timeZone, 'yyyy-MM-dd HH:mm:ss');
}

/**
 * Logs one JSON line per event to Cloud Logging through console. Callers pass counts, ids and
 * codes only, never tokens or cell contents.
 */
export function createLogger(namespace: string): Logger {
  const write = (level: 'info' | 'warn' | 'error', event: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ ns: namespace, event, ...data });
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
  return {
    info: (event, data) => write('info', event, data),
    warn: (event, data) => write('warn', event, data),
    error: (event, data) => write('error', event, data),
  };
}
