/**
 * A static server for the fixture pages on 127.0.0.1 with a free port. Pages whose name
 * starts with "strict-csp" are served with `Content-Security-Policy: default-src 'none'`,
 * the strictest policy a news site could send.
 */

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** `pages` adds pages made in memory (path → HTML) beside the fixture files. */
export async function startServer(pages: Record<string, string> = {}, root = FIXTURES): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const made = pages[path.replace(/^\//, '')];
      const body = made !== undefined ? Buffer.from(made) : await readFile(join(root, path));
      const headers: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
      if (path.startsWith('/strict-csp')) headers['content-security-policy'] = "default-src 'none'";
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}/${path.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
