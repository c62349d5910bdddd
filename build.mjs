// Builds what clasp pushes: build/Code.js (server bundle plus top-level entry points),
// build/Sidebar.html (client JS and CSS inlined) and build/appsscript.json.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.dirname(new URL(import.meta.url).pathname);
const outDir = path.join(root, 'build');
const entry = path.join(root, 'src/server/main.ts');
const globalName = '__addon';

/** Lists the entry module's exports with an ESM pass, because an IIFE metafile reports none. */
async function listEntryPoints() {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    outdir: path.join(root, '.tmp/esm'),
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  return [...output.exports].sort();
}

/** Apps Script only finds top-level function declarations, so each export gets a delegating one. */
function footerFor(names) {
  return names
    .map((name) => `function ${name}() { return ${globalName}.${name}.apply(this, arguments); }`)
    .join('\n');
}

async function buildServer() {
  const names = await listEntryPoints();
  const invalid = names.filter((name) => name.endsWith('_'));
  if (invalid.length > 0) {
    throw new Error(`Entry points ending in "_" are private in Apps Script and cannot be called: ${invalid}`);
  }
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    outfile: path.join(outDir, 'Code.js'),
    footer: {
      js: `\n// Entry points for Apps Script, generated from src/server/main.ts exports.\n${footerFor(names)}\n`,
    },
    logLevel: 'warning',
  });
  return names;
}

async function buildSidebar() {
  const template = await readFile(path.join(root, 'src/sidebar/sidebar.html'), 'utf8');
  const js = await esbuild.build({
    entryPoints: [path.join(root, 'src/sidebar/sidebar.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
  });
  const css = await esbuild.build({
    entryPoints: [path.join(root, 'src/sidebar/sidebar.css')],
    bundle: true,
    minify: true,
    write: false,
    charset: 'utf8',
  });
  // Function replacers keep `$&`-like sequences in minified code literal.
  const html = template
    .replace('/*__CSS__*/', () => css.outputFiles[0].text)
    .replace('/*__JS__*/', () => js.outputFiles[0].text);
  await writeFile(path.join(outDir, 'Sidebar.html'), html);
}

await mkdir(outDir, { recursive: true });
const names = await buildServer();
await buildSidebar();
await copyFile(path.join(root, 'appsscript.json'), path.join(outDir, 'appsscript.json'));
console.log(`build/Code.js: ${names.length} entry points; build/Sidebar.html; build/appsscript.json`);
