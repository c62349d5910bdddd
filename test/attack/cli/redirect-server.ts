/**
 * A server on 127.0.0.1 that responds to every request with a redirect to the URL in REDIRECT_TO, to
 * check that the local runtime does not follow a redirect off loopback. Prints its URL on stdout.
 *
 * Usage: REDIRECT_TO=http://10.255.255.2/v2/bulk-inventory node --import tsx test/attack/cli/redirect-server.ts
 */

import { createServer } from 'node:http';

const target = process.env.REDIRECT_TO ?? 'http://10.255.255.2/v2/bulk-inventory';
const server = createServer((request, response) => {
  process.stderr.write(`redirect-server: ${request.method} ${request.url} -> ${target}\n`);
  request.resume();
  response.writeHead(307, { Location: target, 'Content-Length': '0' });
  response.end();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address !== null && typeof address === 'object')
    process.stdout.write(`http://127.0.0.1:${address.port}\n`);
});
