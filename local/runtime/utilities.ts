// Utilities fake. Behaviour follows the Utilities reference
// (https://developers.google.com/apps-script/reference/utilities/utilities): byte arrays are
// Java Byte[] (signed), base64 of a string encodes its UTF-8 bytes, sleep is at most 5 minutes.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { format as formatWithNode } from 'node:util';
import type { Execution } from './execution';
import { formatDate } from './format-date';
import { toSignedBytes } from './url-fetch';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
};
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' };
export const MAX_SLEEP_MS = 300_000;

const NODE_DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Converts a string (UTF-8, or ASCII for Charset.US_ASCII) or a byte array to a Buffer. */
export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset === Charset.US_ASCII ? 'latin1' : 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  if (data instanceof Uint8Array) return Buffer.from(data);
  throw new Error('Invalid argument: pass a string or a byte array.');
}

/** Minimal Blob: bytes, content type and name. */
export function createBlob(bytes: Buffer, contentType: string | null = null, name: string | null = null) {
  let type = contentType;
  let blobName = name;
  const blob = {
    getBytes: () => toSignedBytes(bytes),
    getDataAsString: (charset?: string) =>
      bytes.toString(charset?.toUpperCase().replace('-', '_') === 'US_ASCII' ? 'latin1' : 'utf8'),
    getContentType: () => type,
    setContentType: (value: string) => {
      type = value;
      return blob;
    },
    getName: () => blobName,
    setName: (value: string) => {
      blobName = value;
      return blob;
    },
    copyBlob: () => createBlob(Buffer.from(bytes), type, blobName),
    isGoogleType: () => false,
  };
  return blob;
}

/**
 * Java-style String.format for the common conversions (%s, %d, %f with width and precision, %%),
 * which is what Utilities.formatString implements.
 */
function formatString(template: string, args: unknown[]): string {
  let index = 0;
  return template.replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfixXeb%])/g,
    (_match, left, zero, width, precision, conversion) => {
      if (conversion === '%') return '%';
      if (index >= args.length)
        throw new Error(`Invalid argument: the template "${template}" needs more arguments.`);
      const arg = args[index++];
      let text: string;
      switch (conversion) {
        case 'd':
        case 'i':
          text = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
          text = Number(arg).toExponential(precision === undefined ? 6 : Number(precision));
          break;
        case 'x':
        case 'X':
          text = Math.trunc(Number(arg)).toString(16);
          if (conversion === 'X') text = text.toUpperCase();
          break;
        case 'b':
          text = String(Boolean(arg));
          break;
        default:
          text = typeof arg === 'string' ? arg : formatWithNode('%s', arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
      }
      const size = width === undefined ? 0 : Number(width);
      if (text.length >= size) return text;
      if (left) return text.padEnd(size, ' ');
      return zero && conversion !== 's' ? text.padStart(size, '0') : text.padStart(size, ' ');
    },
  );
}

function toEpochMs(date: unknown): number {
  if (Object.prototype.toString.call(date) !== '[object Date]') {
    throw new Error('Invalid argument: date. Utilities.formatDate expects a Date.');
  }
  const ms = (date as Date).getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date is an invalid Date.');
  return ms;
}

export function createUtilities(execution: Execution) {
  const enter = (method: string) => execution.enter('Utilities', method);

  return {
    DigestAlgorithm,
    Charset,
    base64Encode(data: unknown, charset?: unknown): string {
      enter('base64Encode');
      return toBuffer(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      enter('base64EncodeWebSafe');
      return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: unknown): number[] {
      enter('base64Decode');
      return toSignedBytes(Buffer.from(String(encoded), 'base64'));
    },
    base64DecodeWebSafe(encoded: unknown): number[] {
      enter('base64DecodeWebSafe');
      return toSignedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    },
    newBlob(data: unknown, contentType?: unknown, name?: unknown) {
      enter('newBlob');
      const bytes = data === undefined ? Buffer.alloc(0) : toBuffer(data);
      return createBlob(
        bytes,
        contentType === undefined ? null : String(contentType),
        name === undefined ? null : String(name),
      );
    },
    formatDate(date: unknown, timeZone: unknown, format: unknown): string {
      enter('formatDate');
      return formatDate(toEpochMs(date), String(timeZone), String(format));
    },
    formatString(template: unknown, ...args: unknown[]): string {
      enter('formatString');
      return formatString(String(template), args);
    },
    /** Advances the virtual clock at once; the execution dies here if that passes its limit. */
    sleep(milliseconds: unknown): void {
      enter('sleep');
      const ms = Number(milliseconds);
      if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS) {
        throw new Error(
          `Invalid argument: milliseconds ${String(milliseconds)}. Sleep takes 0 to ${MAX_SLEEP_MS} ms.`,
        );
      }
      execution.clock.sleep(ms);
      execution.checkTime();
    },
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      enter('computeDigest');
      const nodeName = NODE_DIGESTS[String(algorithm)];
      if (nodeName === undefined)
        throw new Error(`Invalid argument: digest algorithm "${String(algorithm)}" is not supported here.`);
      return toSignedBytes(createHash(nodeName).update(toBuffer(value, charset)).digest());
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      enter('computeHmacSha256Signature');
      return toSignedBytes(
        createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
      );
    },
    getUuid(): string {
      enter('getUuid');
      return randomUUID();
    },
  };
}
