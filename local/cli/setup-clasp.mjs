// `npm run setup -- <scriptId>`: points .clasp.json at your Apps Script project. clasp 3's
// create-script refuses to run where .clasp.json exists, so create the project elsewhere (or in
// the Apps Script editor) and pass its id here.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const scriptId = process.argv[2];
if (scriptId === undefined || !/^[A-Za-z0-9_-]{20,}$/.test(scriptId)) {
  console.error(
    'Usage: npm run setup -- <scriptId>\n' +
      'The script id is in the Apps Script editor under Project Settings → IDs, for example\n' +
      '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnop.',
  );
  process.exit(1);
}
const file = path.join(root, '.clasp.json');
const config = JSON.parse(readFileSync(file, 'utf8'));
config.scriptId = scriptId;
config.rootDir = 'build';
writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
console.log(`.clasp.json now pushes build/ to script ${scriptId}. Next: npx clasp login, then npm run push.`);
