import { readFileSync } from 'node:fs';
import path from 'node:path';

const bundlePath = path.resolve(__dirname, '../../build/Sidebar.html');

function readBundle(): string | undefined {
  try {
    return readFileSync(bundlePath, 'utf8');
  } catch {
    return undefined;
  }
}

const bundle = readBundle();

// npm test builds before jest, so these tests run there. A bare `npx jest` without a build skips them.
(bundle === undefined ? describe.skip : describe)('build/Sidebar.html', () => {
  it.each(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval('])(
    'never uses %s',
    (api) => {
      expect(bundle).not.toContain(api);
    },
  );

  it('inlines the script and the styles', () => {
    expect(bundle).not.toContain('/*__JS__*/');
    expect(bundle).not.toContain('/*__CSS__*/');
  });

  it('targets the top window for links', () => {
    expect(bundle).toContain('<base target="_top"');
  });

  it('stays under 100 KB', () => {
    expect(Buffer.byteLength(bundle ?? '')).toBeLessThan(100_000);
  });
});
