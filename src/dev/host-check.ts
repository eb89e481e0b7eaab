import type { IncomingMessage, ServerResponse } from 'node:http';

/** The names a browser on this machine uses for it; no DNS answer can point them elsewhere. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Refuses requests whose `Host` is not a loopback name or the name the server was started with.
 * A web page can point a name it controls at 127.0.0.1 (DNS rebinding) and then read the dev
 * server as its own origin; the browser still sends that name as `Host`, so it is refused here.
 * Any port is accepted: the attack lies in the name, and a forwarded port changes only the port.
 * Returns a request handler that answers 403 and returns true for a refused request.
 */
export function createHostCheck(startedWith: string): (request: IncomingMessage, response: ServerResponse) => boolean {
  const own = hostName(startedWith.includes(':') ? `[${startedWith}]` : startedWith);
  const allowed = new Set(own ? [...LOOPBACK_NAMES, own] : LOOPBACK_NAMES);
  const listed = [...allowed].join(', ');
  return (request, response) => {
    const host = request.headers.host;
    if (host !== undefined && allowed.has(hostName(host))) return false;
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(
      `jianbao dev answers only requests for ${listed}; this one was for ${JSON.stringify(host ?? '')}.\n` +
        'Other names are refused so that no web site can read your drafts through DNS rebinding.\n' +
        'Open the address jianbao dev printed, or start it with --host NAME to use another name.\n',
    );
    return true;
  };
}

/** `LocalHost:4321` → `localhost`, `[::1]:80` → `[::1]`; '' for anything that is not `name[:port]`. */
function hostName(host: string): string {
  if (!/^(?:\[[0-9a-f:.]+\]|[^\s:/?#@[\]\\]+)(?::\d*)?$/i.test(host)) return '';
  try {
    // The URL parser writes a name the way browsers compare it (lower case, IPv6 and IPv4 canonical).
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}
