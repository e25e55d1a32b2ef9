/**
 * Bundles the third-party chat page (chat-page.jsx) with esbuild into a temporary folder and serves it on a port of
 * its own. Nothing is written into the repository.
 */

import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };

export async function serveChatPage() {
  const out = mkdtempSync(join(tmpdir(), 'huashu-chatkit-'));
  await build({
    entryPoints: [resolve(import.meta.dirname, 'chat-page.jsx')],
    bundle: true,
    outdir: out,
    // React's JSX, not the project's Preact (its tsconfig names preact as the JSX source).
    jsx: 'automatic',
    jsxImportSource: 'react',
    tsconfigRaw: {},
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const files: Record<string, string> = {
    '/': resolve(import.meta.dirname, 'index.html'),
    '/chat-page.js': join(out, 'chat-page.js'),
    '/chat-page.css': join(out, 'chat-page.css'),
  };
  const server = createServer(async (request, response) => {
    const path = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!path) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[path.split('.').pop() ?? 'html'] ?? 'text/plain';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(await readFile(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
