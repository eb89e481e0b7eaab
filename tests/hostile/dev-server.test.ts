import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.ts';
import { createHostCheck } from '../../src/dev/host-check.ts';

let dir: string;
let server: DevServer;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-hostile-dev-'));
  await cp('content', join(dir, 'content'), { recursive: true });
  server = await startDevServer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), port: 0, log: () => {}, logError: () => {}, debounceMs: 20 });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** GET `path` from `target` with the given `Host` header (fetch would send its own). */
function get(target: { port: number; host?: string }, path: string, host: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: target.host ?? '127.0.0.1', port: target.port, path, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      // The event stream never ends: its first bytes are enough.
      response.on('data', (chunk: string) => {
        body += chunk;
        if (response.headers['content-type']?.startsWith('text/event-stream')) response.destroy();
      });
      const done = () => resolve({ status: response.statusCode!, type: response.headers['content-type'] ?? '', body });
      response.on('end', done);
      response.on('close', done);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('jianbao dev after an editor saves by renaming a new file over the old one', () => {
  const page = () => new URL('2021/11/', server.url);
  const source = () => join(dir, 'content/2021/11/index.md');

  /** Fetch the issue page until it shows `text`, or fail after the deadline with what it showed. */
  async function untilPageShows(text: string, deadline = 15_000) {
    const started = Date.now();
    let html = '';
    while (Date.now() - started < deadline) {
      html = await (await fetch(page())).text();
      if (html.includes(text)) return html;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`The page never showed “${text}”; its headings were ${JSON.stringify(html.match(/<h2[^>]*>.*?<\/h2>/g))}`);
  }

  /** vim, JetBrains "safe write" and `sed -i` write a new file and rename it over the old one. */
  async function renameSave(from: string, to: string) {
    const temporary = `${source()}.jb_tmp`;
    await writeFile(temporary, (await readFile(source(), 'utf8')).replace(from, to));
    await rename(temporary, source());
  }

  it('serves the rename-saved edit and every later edit, by write or by rename', async () => {
    expect(await untilPageShows('“绣花功夫”微改造')).not.toContain('改名保存一');

    await renameSave('“绣花功夫”微改造', '改名保存一');
    expect(await untilPageShows('改名保存一')).not.toContain('“绣花功夫”微改造');

    // The file now in place is a different one: a watcher that held on to the old one misses this.
    await writeFile(source(), (await readFile(source(), 'utf8')).replace('改名保存一', '直接写入二'));
    expect(await untilPageShows('直接写入二')).not.toContain('改名保存一');

    await renameSave('直接写入二', '改名保存三');
    expect(await untilPageShows('改名保存三')).not.toContain('直接写入二');
  });
});

describe('jianbao dev and the Host header (DNS rebinding)', () => {
  it('answers pages for localhost, 127.0.0.1 and [::1], with or without a port', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost', 'LocalHost:8080']) {
      const response = await get({ port }, '/2021/11/', host);
      expect([host, response.status]).toEqual([host, 200]);
      expect(response.body).toContain('梅州市城镇老旧小区改造工作简报');
    }
  });

  it('refuses any other name with 403 and a short plain-text reason, pages and live reload alike', async () => {
    for (const path of ['/', '/2021/11/', '/__jianbao/events', '/__jianbao/client.js', '/no-such-page']) {
      for (const host of ['evil.example', `evil.example:${port}`, `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost@evil.example`]) {
        const response = await get({ port }, path, host);
        expect([path, host, response.status, response.type]).toEqual([path, host, 403, 'text/plain; charset=utf-8']);
        expect(response.body).toContain(`jianbao dev answers only requests for localhost, 127.0.0.1, [::1]; this one was for ${JSON.stringify(host)}.`);
        expect(response.body).toContain('DNS rebinding');
        expect(response.body).not.toContain('梅州');
      }
    }
  });

  it('still streams live-reload events to a page on localhost', async () => {
    const response = await get({ port }, '/__jianbao/events', `localhost:${port}`);
    expect([response.status, response.type]).toEqual([200, 'text/event-stream; charset=utf-8']);
    expect(response.body).toContain('retry: 500');
  });

  it('refuses a request with no Host at all', async () => {
    // HTTP/1.0 lets a client leave Host out; Node passes such a request on.
    const reply = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /2021/11/ HTTP/1.0\r\n\r\n'));
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 403 /);
    expect(reply).toContain('this one was for "".');
  });
});

describe('the Host check for the name jianbao dev was started with (--host)', () => {
  let check: Server;
  let checkPort: number;
  /** The check in front of a server that answers 200 otherwise, one per name it was started with. */
  async function serveBehindCheck(startedWith: string) {
    const refuse = createHostCheck(startedWith);
    check = createServer((req, res) => refuse(req, res) || res.end('ok'));
    await new Promise<void>((done) => check.listen(0, '127.0.0.1', done));
    checkPort = (check.address() as AddressInfo).port;
  }
  afterAll(() => new Promise((done) => check?.close(done)));

  it('also answers that name, and still no other', async () => {
    await serveBehindCheck('Bulletin.LAN');
    const status = async (host: string) => (await get({ port: checkPort }, '/', host)).status;
    expect(await status('bulletin.lan:4321')).toBe(200);
    expect(await status('BULLETIN.lan')).toBe(200);
    expect(await status(`localhost:${checkPort}`)).toBe(200);
    expect(await status('evil.example')).toBe(403);
    expect(await status('bulletin.lan.evil.example')).toBe(403);
    const refused = await get({ port: checkPort }, '/', 'evil.example');
    expect(refused.body).toContain('answers only requests for localhost, 127.0.0.1, [::1], bulletin.lan;');
    await new Promise((done) => check.close(done));

    // An IPv6 address given to --host is matched in its bracketed Host form.
    await serveBehindCheck('fd00::1');
    expect((await get({ port: checkPort }, '/', '[fd00::1]:4321')).status).toBe(200);
    expect((await get({ port: checkPort }, '/', '[fd00::2]:4321')).status).toBe(403);
  });
});
