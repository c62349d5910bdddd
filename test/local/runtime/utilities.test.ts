import { formatDate } from '../../../local/runtime/format-date';
import { createUtilities } from '../../../local/runtime/utilities';
import { createTestExecution } from './helpers';

const INSTANT = Date.UTC(2024, 0, 2, 3, 4, 5, 6);

describe('formatDate', () => {
  it.each([
    ['yyyy-MM-dd', 'UTC', '2024-01-02'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'UTC', '2024-01-02T03:04:05.006Z'],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", 'America/New_York', '2024-01-01T22:04:05-05:00'],
    ['yyyy-MM-dd HH:mm Z', 'Asia/Kolkata', '2024-01-02 08:34 +0530'],
    ['EEE, d MMM yyyy hh:mm a', 'America/Los_Angeles', 'Mon, 1 Jan 2024 07:04 PM'],
    ['EEEE MMMM', 'UTC', 'Tuesday January'],
    ["'at' HH 'o''clock'", 'UTC', "at 03 o'clock"],
    ['yy/M/d', 'UTC', '24/1/2'],
  ])('formats %s in %s', (pattern, zone, expected) => {
    expect(formatDate(INSTANT, zone, pattern)).toBe(expected);
  });

  it('follows daylight saving time', () => {
    const summer = Date.UTC(2024, 6, 1, 12);
    expect(formatDate(summer, 'Europe/Paris', 'HH:mm XXX')).toBe('14:00 +02:00');
  });

  it('rejects an unknown time zone', () => {
    expect(() => formatDate(INSTANT, 'Mars/Olympus', 'yyyy')).toThrow(
      'Invalid argument: time zone "Mars/Olympus"',
    );
  });
});

describe('Utilities', () => {
  const utilities = createUtilities(createTestExecution());

  it('encodes string UTF-8 bytes', () => {
    expect(utilities.base64Encode('café')).toBe(Buffer.from('café', 'utf8').toString('base64'));
  });

  it('encodes a signed byte array in base64', () => {
    expect(utilities.base64Encode([-1, 0, 127])).toBe(Buffer.from([255, 0, 127]).toString('base64'));
  });

  it('encodes web-safe base64', () => {
    expect(utilities.base64EncodeWebSafe([251, 255])).toBe('-_8=');
  });

  it('decodes base64 to signed bytes', () => {
    expect(utilities.base64Decode('/wB/')).toEqual([-1, 0, 127]);
  });

  it('computes a SHA-256 digest as signed bytes', () => {
    const digest = utilities.computeDigest('SHA_256', 'abc');
    expect(digest).toHaveLength(32);
    expect(digest[0]).toBe(-70);
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  it('computes an MD5 digest', () => {
    const hex = Buffer.from(utilities.computeDigest('MD5', 'abc').map((b) => b & 0xff)).toString('hex');
    expect(hex).toBe('900150983cd24fb0d6963f7d28e17f72');
  });

  it('formats strings like Java String.format', () => {
    expect(utilities.formatString('%s has %d rows (%.1f%%)', 'Sheet1', 12, 99.44)).toBe(
      'Sheet1 has 12 rows (99.4%)',
    );
    expect(utilities.formatString('%05d|%-4s|', 42, 'ab')).toBe('00042|ab  |');
  });

  it('returns a UUID', () => {
    expect(utilities.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('makes blobs that read back as text', () => {
    const blob = utilities.newBlob('héllo', 'text/plain', 'greeting.txt');
    expect(blob.getDataAsString()).toBe('héllo');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('greeting.txt');
  });

  it('rejects a sleep over five minutes', () => {
    expect(() => utilities.sleep(300_001)).toThrow('Sleep takes 0 to 300000 ms');
  });

  it('advances the clock on sleep', () => {
    const execution = createTestExecution();
    const before = execution.clock.now();
    createUtilities(execution).sleep(120_000);
    expect(execution.clock.now() - before).toBeGreaterThanOrEqual(120_000);
  });

  it('counts calls per method', () => {
    const execution = createTestExecution();
    const counted = createUtilities(execution);
    counted.base64Encode('a');
    counted.base64Encode('b');
    expect(execution.calls['Utilities.base64Encode']).toBe(2);
  });
});
