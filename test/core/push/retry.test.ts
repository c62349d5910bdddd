import type { HttpResponse } from '../../../src/core/ports';
import { parseBulkResponse } from '../../../src/core/push/response';
import {
  classifyException,
  classifyResponse,
  computeBackoffMs,
  DEFAULT_RETRY_POLICY,
} from '../../../src/core/push/retry';
import { seededRandom } from './fakes';

function classify(response: HttpResponse) {
  const parsed = parseBulkResponse(response);
  if (parsed.ok) {
    throw new Error('expected a failed parse');
  }
  return classifyResponse(response, parsed);
}

describe('classifyException', () => {
  it.each([
    ['Exception: Service invoked too many times for one day: urlfetch.', 'quota_daily', false],
    [
      'Exception: Service invoked too many times in a short time: urlfetch. Try Utilities.sleep(1000) between calls.',
      'quota_short',
      false,
    ],
    ['Exception: Address unavailable: https://api.jooraccess.com/v2/bulk-inventory', 'transport', true],
    ['Exception: DNS error: https://api.jooraccess.com/v2/bulk-inventory', 'transport', false],
    ['Exception: Timeout: https://api.jooraccess.com/v2/bulk-inventory', 'transport', true],
    ['socket hang up', 'transport', true],
    ['Exception: Limit Exceeded: URLFetch URL Length.', 'fatal', false],
  ] as const)('classifies "%s"', (message, kind, outcomeUnknown) => {
    const failure = classifyException(new Error(message));
    expect(failure.kind).toBe(kind);
    expect(failure.outcomeUnknown).toBe(outcomeUnknown);
  });

  it('names the transport error without the URL', () => {
    expect(classifyException(new Error('Exception: Address unavailable: https://x.test')).detail).toBe(
      'Address unavailable',
    );
  });
});

describe('classifyResponse', () => {
  const text = (status: number, body = 'x', type = 'text/plain'): HttpResponse => ({
    status,
    headers: { 'content-type': type },
    body,
  });

  it.each([
    [429, 'rate_limited', false],
    [401, 'auth', false],
    [403, 'auth', false],
    [400, 'rejected', false],
    [413, 'rejected', false],
    [408, 'server', true],
    [500, 'server', true],
    [502, 'server', false],
    [503, 'server', false],
    [504, 'server', true],
  ] as const)('classifies HTTP %i', (status, kind, outcomeUnknown) => {
    const failure = classify(text(status));
    expect(failure.kind).toBe(kind);
    expect(failure.outcomeUnknown).toBe(outcomeUnknown);
  });

  it('names an HTML error page', () => {
    expect(classify(text(502, '<html><body>Bad</body></html>', 'text/html')).detail).toBe(
      'HTTP 502 Bad Gateway (HTML error page)',
    );
  });

  it('rejects a 200 carrying an error body', () => {
    const failure = classify({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"error":"bad"}',
    });
    expect(failure.kind).toBe('rejected');
  });

  it('retries a 200 with an unreadable body as unknown outcome', () => {
    const failure = classify({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"sku' });
    expect(failure.kind).toBe('server');
    expect(failure.outcomeUnknown).toBe(true);
  });
});

describe('computeBackoffMs', () => {
  it('grows exponentially up to the cap', () => {
    const top = () => 0.999_999;
    expect(computeBackoffMs(1, DEFAULT_RETRY_POLICY, top)).toBe(1000);
    expect(computeBackoffMs(2, DEFAULT_RETRY_POLICY, top)).toBe(2000);
    expect(computeBackoffMs(3, DEFAULT_RETRY_POLICY, top)).toBe(4000);
    expect(computeBackoffMs(10, DEFAULT_RETRY_POLICY, top)).toBe(30_000);
  });

  it('never waits less than a quarter of the cap', () => {
    expect(computeBackoffMs(3, DEFAULT_RETRY_POLICY, () => 0)).toBe(1000);
  });

  it('is reproducible with a seeded random', () => {
    const first = [1, 2, 3].map((attempt) =>
      computeBackoffMs(attempt, DEFAULT_RETRY_POLICY, seededRandom(7)),
    );
    const second = [1, 2, 3].map((attempt) =>
      computeBackoffMs(attempt, DEFAULT_RETRY_POLICY, seededRandom(7)),
    );
    expect(first).toEqual(second);
  });
});
