/** Serving the classroom page on localhost (the page is one self-contained document). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedPage {
  url: string;
  close: () => Promise<void>;
}

/** Serves `html` at / on 127.0.0.1:`port` (0 = any free port); everything else is 404. */
export function serveClassroom(html: string, port: number): Promise<ServedPage> {
  const body = Buffer.from(html, 'utf8');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && (path === '/' || path === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found: the classroom page is at /\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${bound}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
