import { joorTarget, parseCliArgs } from '../../../local/cli/start';
import { isExternalOrigin, isLoopbackHttp } from '../../../local/runtime/url-fetch';

describe('joorTarget', () => {
  it('keeps the sandbox host unrouted', () => {
    const target = joorTarget('https://apisandbox.jooraccess.com/v2');
    expect(target.environment).toBe('sandbox');
    expect(target.routes).toEqual({});
    expect(target.external).toBe(true);
  });

  it('selects production for the production host', () => {
    const target = joorTarget('https://api.jooraccess.com/v2/');
    expect(target.environment).toBe('production');
    expect(target.routes).toEqual({});
  });

  it('routes the sandbox host to a local emulator', () => {
    const target = joorTarget('http://127.0.0.1:4567/v2');
    expect(target.routes).toEqual({ 'https://apisandbox.jooraccess.com': 'http://127.0.0.1:4567' });
    expect(target.external).toBe(false);
  });

  it('refuses any other https host, so the token stays with JOOR', () => {
    expect(() => joorTarget('https://proxy.example.test/joor/v2')).toThrow(/sandbox or production v2 base/);
  });

  it.each(['http://example.test/v2', 'ftp://127.0.0.1/v2', 'not a url'])('rejects %s', (url) => {
    expect(() => joorTarget(url)).toThrow(/--joor-url/);
  });
});

describe('external origins', () => {
  it('allows only the named origin', () => {
    expect(
      isExternalOrigin('https://apisandbox.jooraccess.com/v2/x', ['https://apisandbox.jooraccess.com']),
    ).toBe(true);
    expect(isExternalOrigin('https://api.jooraccess.com/v2/x', ['https://apisandbox.jooraccess.com'])).toBe(
      false,
    );
    expect(
      isExternalOrigin('https://apisandbox.jooraccess.com.evil.test/', ['https://apisandbox.jooraccess.com']),
    ).toBe(false);
  });

  it('treats only http on 127.0.0.1 as loopback', () => {
    expect(isLoopbackHttp('http://127.0.0.1:1/x')).toBe(true);
    expect(isLoopbackHttp('http://localhost:1/x')).toBe(false);
    expect(isLoopbackHttp('https://127.0.0.1:1/x')).toBe(false);
  });
});

describe('parseCliArgs', () => {
  it('needs a token variable with --joor-url', () => {
    expect(() => parseCliArgs(['--joor-url', 'https://apisandbox.jooraccess.com/v2'])).toThrow(/--token-env/);
  });

  it('rejects an unknown format', () => {
    expect(() => parseCliArgs(['--format', 'csv'])).toThrow(/--format must be json or xml/);
  });

  it('rejects overwrite with replace from sheet', () => {
    expect(() => parseCliArgs(['--overwrite', '--replace-from-sheet'])).toThrow(/not both/);
  });

  it('uses the example settings only for the example workbook', () => {
    expect(parseCliArgs([]).settings).toMatch(/examples\/settings\.json$/);
    expect(parseCliArgs(['--file', 'x.xlsx']).settings).toBeUndefined();
  });
});
