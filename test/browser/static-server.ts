// A web server for the test page on 127.0.0.1: fixed files by path, 404 for anything else.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file the server answers with. */
export interface StaticFile {
  readonly type: string;
  readonly body: string | Buffer;
}

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `files` (by path, such as `/page.js`) on 127.0.0.1, port 0. */
export async function serveStatic(files: ReadonlyMap<string, StaticFile>): Promise<StaticServer> {
  const http = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (file === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' }).end(file.body);
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
