// Synchronous HTTP for the UrlFetchApp fake: a worker thread does the I/O while this thread
// blocks on Atomics.wait. The server must run in another process or thread, because a server in
// the blocked thread could never send its response.
import path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface WireRequest {
  /** Absolute http://127.0.0.1 URL; the worker refuses every other host. */
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  followRedirects: boolean;
  /** Real-time socket timeout in milliseconds. */
  timeoutMs: number;
}

export type WireResult =
  | { ok: true; status: number; rawHeaders: string[]; body: Uint8Array; realMs: number }
  | { ok: false; error: 'transport' | 'timeout'; detail: string };

/** Performs requests synchronously, in parallel within one batch, results in request order. */
export interface SyncHttpClient {
  send(requests: WireRequest[]): WireResult[];
  close(): void;
}

/** Slack beyond the longest socket timeout before the main thread gives up on the worker. */
const WORKER_GRACE_MS = 5_000;

/** `externalOrigins`: origins besides 127.0.0.1 that the worker may contact, e.g. 'https://apisandbox.jooraccess.com'. */
export function createSyncHttpClient(externalOrigins: readonly string[] = []): SyncHttpClient {
  const signalBuffer = new SharedArrayBuffer(4);
  const signal = new Int32Array(signalBuffer);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(__dirname, 'http-worker.cjs'), {
    workerData: { signal: signalBuffer, replyPort: port2, externalOrigins: [...externalOrigins] },
    transferList: [port2],
  });
  // The worker must not keep a CLI or test process alive once it is idle.
  worker.unref();
  let closed = false;
  let nextId = 1;

  return {
    send(requests) {
      if (closed) throw new Error('The runtime was closed; create a new one to fetch again.');
      if (requests.length === 0) return [];

      const id = nextId++;
      Atomics.store(signal, 0, 0);
      worker.postMessage({ id, requests });
      const waitMs = Math.max(...requests.map((r) => r.timeoutMs)) + WORKER_GRACE_MS;
      Atomics.wait(signal, 0, 0, waitMs);

      // A reply to an earlier batch that timed out may still be queued: skip it.
      for (;;) {
        const message = receiveMessageOnPort(port1 as MessagePort);
        if (message === undefined) {
          return requests.map(() => ({
            ok: false,
            error: 'timeout',
            detail: 'the HTTP worker did not answer',
          }));
        }
        const reply = message.message as { id: number; results: WireResult[] };
        if (reply.id === id) return reply.results;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      port1.close();
      void worker.terminate();
    },
  };
}
