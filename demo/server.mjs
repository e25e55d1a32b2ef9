// Static server for the demo workbench (a stand-in for the Douyin Feige chat page).
// No dependencies on purpose: tests, the demo launcher and people trying it by hand all start it the same way.

import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const DEFAULT_PORT = 5178;
const HOST = '127.0.0.1';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Maps a request path to a file inside PUBLIC_DIR, or null when it points anywhere else
 * (encoded "..", absolute paths, NUL bytes): nothing outside public/ is ever served.
 */
function resolvePublicFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const filePath = path.resolve(PUBLIC_DIR, relative);
  return filePath.startsWith(PUBLIC_DIR) ? filePath : null;
}

async function readPublicFile(filePath) {
  if (!filePath) return null;
  try {
    const info = await stat(filePath);
    return info.isFile() ? await readFile(filePath) : null;
  } catch {
    return null;
  }
}

function sendText(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function handleRequest(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method Not Allowed');
    return;
  }
  const urlPath = new URL(req.url ?? '/', `http://${HOST}`).pathname;
  const filePath = resolvePublicFile(urlPath);
  const body = await readPublicFile(filePath);
  if (!body) {
    sendText(res, 404, 'Not Found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    // Edits to public/ should show on the next reload, without a stale cache in the way.
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the workbench server on 127.0.0.1.
 * @param {{ port?: number }} [options] port 0 picks any free port; default: env PORT, else 5178.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startWorkbench({ port } = {}) {
  const wantedPort = port ?? Number(process.env.PORT ?? DEFAULT_PORT);
  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort, HOST, () => {
      server.off('error', reject);
      const { port: actualPort } = server.address();
      resolve({
        url: `http://${HOST}:${actualPort}/`,
        close: () =>
          new Promise((done) => {
            // Keep-alive sockets from a browser would otherwise hold close() open.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

const runDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  startWorkbench()
    .then(({ url }) => console.log(`Workbench: ${url}`))
    .catch((error) => {
      console.error(`Could not start the workbench: ${error.message}`);
      process.exit(1);
    });
}
