import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

// Hand-written rather than sirv: sirv serves from the root, so the site's sub-path (/jianbao/) would
// need a prefix-stripping wrapper, and the trailing-slash redirect, the site's own 404.html and the
// reload script injected into every HTML page would all still be written here around it. What
// remains of this file is MIME types and a path check, less code than that wrapper.

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pagefind': 'application/wasm',
};

export interface StaticServerOptions {
  /** Folder to serve. */
  readonly dir: string;
  /**
   * The path the site is served under, like its `url` on the real host.
   * @default '/'
   */
  readonly base?: string;
  /** Rewrites each HTML page before it is sent (the dev server injects its reload script). */
  readonly transformHtml?: (html: string) => string;
  /** Handles a request first; returns true when it answered. */
  readonly intercept?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/**
 * A small static file server for the built site: folders serve their `index.html`, a missing
 * file gets `404.html` with status 404, and nothing outside `dir` is ever read.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const root = resolve(options.dir);
  const base = options.base ?? '/';
  return createServer((request, response) => {
    if (options.intercept?.(request, response)) return;
    serve(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (`${url.pathname}/` === base) return redirect(response, base);
    if (!url.pathname.startsWith(base)) return notFound(response);
    let path: string;
    try {
      path = resolve(root, `.${sep}${decodeURIComponent(url.pathname.slice(base.length))}`);
    } catch {
      return notFound(response);
    }
    if (path !== root && !path.startsWith(root + sep)) return notFound(response);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith('/')) return redirect(response, `${url.pathname}/${url.search}`);
      path = join(path, 'index.html');
    }
    const file = info?.isDirectory() ? await stat(path).catch(() => undefined) : info;
    if (!file?.isFile()) return notFound(response);
    await send(response, 200, path);
  }

  async function send(response: ServerResponse, status: number, path: string) {
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (type.startsWith('text/html') && options.transformHtml) {
      const body = options.transformHtml(await readFile(path, 'utf8'));
      response.writeHead(status, headers);
      response.end(body);
      return;
    }
    response.writeHead(status, headers);
    createReadStream(path).pipe(response);
  }

  async function notFound(response: ServerResponse) {
    const page = join(root, '404.html');
    if (
      await stat(page).then(
        (info) => info.isFile(),
        () => false,
      )
    )
      return send(response, 404, page);
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  }
}

function redirect(response: ServerResponse, location: string) {
  response.writeHead(301, { location });
  response.end();
}
