import type { ServerResponse } from 'node:http';

/** Where the dev server answers its own requests; no site page lives under it. */
export const DEV_PREFIX = '/__jianbao/';

/** What the open pages are told: rebuilt (reload), or the build's problems (overlay). */
export type DevEvent = { readonly kind: 'reload' } | { readonly kind: 'problems'; readonly lines: readonly string[] };

/**
 * Server-sent events to every open page. A page that connects while the content has problems
 * is told at once, so the overlay survives a reload.
 */
export class LiveReload {
  readonly #clients = new Set<ServerResponse>();
  #problems: readonly string[] = [];

  connect(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write('retry: 500\n\n');
    if (this.#problems.length > 0) send(response, { kind: 'problems', lines: this.#problems });
    this.#clients.add(response);
    response.on('close', () => this.#clients.delete(response));
  }

  broadcast(event: DevEvent): void {
    this.#problems = event.kind === 'problems' ? event.lines : [];
    for (const client of this.#clients) send(client, event);
  }

  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}

function send(response: ServerResponse, event: DevEvent) {
  response.write(`event: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);
}

/** The script injected into every page in dev only: reload on `reload`, an overlay on `problems`. */
export const CLIENT_SCRIPT = `(() => {
  const events = new EventSource(${JSON.stringify(`${DEV_PREFIX}events`)});
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problems', (message) => {
    const { lines } = JSON.parse(message.data);
    let overlay = document.getElementById('jianbao-dev-overlay');
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'jianbao-dev-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;background:rgb(20 20 20 / 92%);color:#fff;font:14px/1.6 ui-monospace,monospace;white-space:pre-wrap';
      document.body.append(overlay);
    }
    overlay.textContent = 'jianbao dev: the build stopped; the page shows the last good build.\\n\\n' + lines.join('\\n') + '\\n\\nFix the content and save: the page reloads by itself.';
  });
})();
`;

/** `</body>` → the client script, then `</body>`. */
export function injectClient(html: string): string {
  const tag = `<script src="${DEV_PREFIX}client.js"></script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}\n</body>`) : html + tag;
}
