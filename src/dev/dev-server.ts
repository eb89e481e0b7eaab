import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watch } from 'chokidar';
import { build } from '../pipeline.ts';
import { loadSeries, SERIES_FILE } from '../load/load-series.ts';
import { resolveTemplates } from '../site/templates-folder.ts';
import { ContentError, formatProblems } from '../report/messages.ts';
import { createHostCheck } from './host-check.ts';
import { CLIENT_SCRIPT, DEV_PREFIX, injectClient, LiveReload } from './live-reload.ts';
import { createStaticServer } from './static-server.ts';

export interface DevOptions {
  /** @default 'content' */
  readonly contentDir?: string;
  /** @default './templates' when it exists, else the templates jianbao ships */
  readonly templatesDir?: string;
  /** @default 4321; 0 picks a free port */
  readonly port?: number;
  /**
   * The address to listen on; requests are answered only for this name and the loopback names.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /** Where build results and problems are reported. */
  readonly log?: (line: string) => void;
  /** Where problems are reported. */
  readonly logError?: (line: string) => void;
  /**
   * Quiet time after the last change before rebuilding, so one save is one build.
   * @default 60
   */
  readonly debounceMs?: number;
  /**
   * The build cache folder, or false for none (see `BuildOptions.cacheDir`).
   * @default `.cache/jianbao/<content folder>-<hash>` in the working folder, as `jianbao build`
   */
  readonly cacheDir?: string | false;
}

export interface DevServer {
  /** `http://127.0.0.1:4321/` */
  readonly url: string;
  /** Resolves after the build in progress and any it queued have finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Build the site (no PDFs) into a temporary folder, serve it, and rebuild when anything in the
 * content or templates folder changes; open pages reload, or show the build's problems over the
 * last good page. A failed build never stops the server.
 */
export async function startDevServer(options: DevOptions = {}): Promise<DevServer> {
  const contentDir = options.contentDir ?? 'content';
  const templatesDir = resolveTemplates(options.templatesDir);
  const log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  const logError = options.logError ?? ((line) => process.stderr.write(`${line}\n`));
  const outDir = join(await mkdtemp(join(tmpdir(), 'jianbao-dev-')), 'site');
  const live = new LiveReload();

  let running: Promise<void> = Promise.resolve();
  let queued = false;
  let everBuilt = false;
  // The path of the series' url (`/jianbao/`), which the site's 404 page names its stylesheet and
  // links from, as a host serves it at any address: the dev server serves the site there too.
  let sitePath = '/';

  async function rebuild(): Promise<void> {
    const started = performance.now();
    try {
      const result = await build({ contentDir, outDir, templatesDir: options.templatesDir, cacheDir: options.cacheDir, pdf: false });
      for (const line of formatProblems({ errors: [], warnings: result.warnings })) logError(line);
      log(`jianbao dev: built ${result.counts.issues} issues in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      everBuilt = true;
      const { series } = await loadSeries(join(contentDir, SERIES_FILE));
      if (series) sitePath = new URL(series.url).pathname;
      live.broadcast({ kind: 'reload' });
    } catch (error) {
      const lines =
        error instanceof ContentError
          ? [...formatProblems({ errors: error.messages, warnings: error.warnings }), `jianbao: ${error.message}`]
          : [`jianbao: ${error instanceof Error ? error.message : String(error)}`];
      for (const line of lines) logError(line);
      live.broadcast({ kind: 'problems', lines });
    }
  }

  /** One build at a time; changes during a build queue exactly one more. */
  function schedule(): Promise<void> {
    if (queued) return running;
    queued = true;
    running = running.then(() => {
      queued = false;
      return rebuild();
    });
    return running;
  }

  let timer: NodeJS.Timeout | undefined;
  // chokidar rather than fs.watch: Node 20's recursive fs.watch on Linux loses a file that an
  // editor saves by renaming a new file over it (vim, JetBrains "safe write", sed -i), and later
  // edits go unseen; chokidar watches the new file and reports re-created files as changes.
  const watcher = watch([contentDir, templatesDir], { ignoreInitial: true })
    .on('all', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void schedule(), options.debounceMs ?? 60);
    })
    .on('error', (error) =>
      logError(
        `jianbao dev: watching for changes failed (${error instanceof Error ? error.message : String(error)}); some edits may not be rebuilt until jianbao dev is restarted`,
      ),
    );
  // Watching before the first build, so an edit saved while it runs is built too.
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  await schedule();

  const host = options.host ?? '127.0.0.1';
  const refuseHost = createHostCheck(host);
  const server = createStaticServer({
    dir: outDir,
    transformHtml: injectClient,
    intercept(request, response) {
      // First, so that neither pages nor the live-reload stream reach a page of another name.
      if (refuseHost(request, response)) return true;
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith(DEV_PREFIX)) {
        if (everBuilt) {
          if (sitePath !== '/' && path.startsWith(sitePath)) request.url = request.url!.slice(sitePath.length - 1);
          return false;
        }
        // Nothing built yet: a page that only carries the client, so the overlay shows the problems.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(injectClient('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>jianbao dev</title><body></body></html>'));
        return true;
      }
      if (path === `${DEV_PREFIX}events`) live.connect(response);
      else if (path === `${DEV_PREFIX}client.js`) {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        response.end(CLIENT_SCRIPT);
      } else {
        response.writeHead(404);
        response.end();
      }
      return true;
    },
  });
  const wanted = options.port ?? 4321;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(wanted, host, resolve);
    });
  } catch (cause) {
    await watcher.close();
    await rm(join(outDir, '..'), { recursive: true, force: true });
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${wanted} on ${host} is in use; pick another with --port N`, { cause });
    throw cause;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  log(`jianbao dev: serving ${url} (watching ${contentDir}/ and ${templatesDir}/; Ctrl-C stops)`);

  return {
    url,
    settled: async () => {
      clearTimeout(timer);
      await running;
    },
    async close() {
      clearTimeout(timer);
      await watcher.close();
      live.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await running;
      await rm(join(outDir, '..'), { recursive: true, force: true });
    },
  };
}
