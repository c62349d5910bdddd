/**
 * Small interfaces through which core logic reaches the platform. The Apps Script adapters in
 * `src/server/gas` implement them; tests pass in-memory fakes.
 */

/** Time source. In Apps Script `sleep` is `Utilities.sleep`; locally it advances a virtual clock. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): void;
}

export interface HttpRequest {
  url: string;
  method: 'get' | 'post' | 'put';
  headers: Record<string, string>;
  /** MIME type of the payload, sent as Content-Type. */
  contentType?: string;
  payload?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Synchronous HTTP, like UrlFetchApp with muteHttpExceptions. Returns every HTTP status;
 * throws only for transport failures (address unavailable, timeout) and quota exceptions,
 * with the platform's message.
 */
export interface HttpPort {
  fetch(request: HttpRequest): HttpResponse;
}

/** String key-value store with the semantics of a PropertiesService store. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** Structured logger. Never pass a token or cell contents. */
export interface Logger {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
}

/** Formats a Date as `yyyy-MM-dd` in an IANA time zone (Utilities.formatDate in Apps Script). */
export type DateFormatter = (date: Date, timeZone: string) => string;

/** Standard Base64 of the UTF-8 bytes of a string (Utilities.base64Encode in Apps Script). */
export type Base64Encoder = (text: string) => string;
