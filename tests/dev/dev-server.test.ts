import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.ts';

let dir: string;
let server: DevServer;
const errors: string[] = [];
const events: { kind: string; lines?: string[] }[] = [];
const controller = new AbortController();

/** Wait until the page stream has told of an event matching `test`. */
async function until(test: (event: (typeof events)[number]) => boolean, timeout = 15_000) {
  const started = Date.now();
  while (!events.some(test)) {
    if (Date.now() - started > timeout) throw new Error(`No such event; got ${JSON.stringify(events)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-dev-test-'));
  await cp('content', join(dir, 'content'), { recursive: true });
  server = await startDevServer({
    contentDir: join(dir, 'content'),
    cacheDir: join(dir, 'cache'),
    port: 0,
    log: () => {},
    logError: (line) => errors.push(line),
    debounceMs: 20,
  });
  // Listen like an open page does.
  const response = await fetch(new URL('__jianbao/events', server.url), { signal: controller.signal });
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body!) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) events.push(JSON.parse(data));
      }
    }
  })().catch(() => {});
});
afterAll(async () => {
  controller.abort();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('jianbao dev', () => {
  it('serves the built site with the reload client injected', async () => {
    const html = await (await fetch(new URL('2021/11/', server.url))).text();
    expect(html).toContain('梅州市城镇老旧小区改造工作简报');
    expect(html).toContain('<script src="/__jianbao/client.js"></script>\n</body>');
    expect(await (await fetch(new URL('__jianbao/client.js', server.url))).text()).toContain('new EventSource');
  });

  it('answers a missing page with the 404 page, whose stylesheet and links (under the series url’s path) it serves', async () => {
    const missing = await fetch(new URL('2021/99/', server.url));
    expect(missing.status).toBe(404);
    const html = await missing.text();
    // The sample's url is https://example.gov.cn/jianbao/: a host serves the 404 page at any address.
    expect(html).toContain('<link rel="stylesheet" href="/jianbao/assets/site.css');
    const css = await fetch(new URL('jianbao/assets/site.css', server.url));
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    expect(await (await fetch(new URL('jianbao/2021/11/', server.url))).text()).toContain('梅州市城镇老旧小区改造工作简报');
  });

  it('rebuilds on a content change and tells the page to reload', async () => {
    const path = join(dir, 'content/2021/11/index.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('“绣花功夫”微改造', '“绣花功夫”精细改造'));
    await until((event) => event.kind === 'reload');
    await server.settled();
    expect(await (await fetch(new URL('2021/11/', server.url))).text()).toContain('“绣花功夫”精细改造');
  });

  it('reports a content error in the terminal and on the page, and keeps serving', async () => {
    events.length = 0;
    const csv = join(dir, 'content/2021/11/progress.csv');
    const good = await readFile(csv, 'utf8');
    await writeFile(csv, good.replace('合计,,14736', '合计,,14737'));
    await until((event) => event.kind === 'problems');
    const problems = events.find((event) => event.kind === 'problems')!;
    expect(problems.lines?.[0]).toMatch(/2021\/11\/progress\.csv:\d+:\d+: .*14737/);
    expect(errors.some((line) => /progress\.csv:\d+:\d+: .*14737/.test(line))).toBe(true);
    // The last good build is still served.
    expect((await fetch(new URL('2021/11/', server.url))).status).toBe(200);

    events.length = 0;
    await writeFile(csv, good);
    await until((event) => event.kind === 'reload');
  });
});

describe('jianbao dev on a busy port', () => {
  it('says which port is taken and how to pick another', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startDevServer({ contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), port, log: () => {}, logError: () => {} })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is in use; pick another with --port N`,
    );
  });
});
