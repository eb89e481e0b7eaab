import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeBrowser, findBrowser, PdfError, type FindBrowserOptions } from '../../src/print/index.ts';
import { npmChromium } from '../../src/print/npm-chromium.ts';

/** A fake file system: only these paths are executables. */
const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);
const npm = { version: '153.0.0', binDir: '/node_modules/@sparticuz/chromium/bin' };
const cached = '/home/u/.cache/puppeteer/chrome/linux-148/chrome-linux64/chrome';
/** Linux with the packaged Chromium, a Debian chromium and a browser in puppeteer's cache. */
const linux: FindBrowserOptions = {
  env: { PATH: '/usr/local/bin:/usr/bin' },
  platform: 'linux',
  npm,
  puppeteerCache: async () => [cached],
  isExecutable: only('/usr/bin/chromium', cached),
  versionOf: async (file) => `Chromium of ${file}`,
};

describe('findBrowser', () => {
  it('prefers PUPPETEER_EXECUTABLE_PATH, then --browser PATH', async () => {
    const isExecutable = only('/opt/chrome/chrome', '/opt/edge/msedge', '/usr/bin/chromium');
    const env = { PUPPETEER_EXECUTABLE_PATH: '/opt/chrome/chrome' };
    const found = await findBrowser({ ...linux, env, isExecutable, browser: '/opt/edge/msedge' });
    expect(found).toMatchObject({ source: 'PUPPETEER_EXECUTABLE_PATH', path: '/opt/chrome/chrome', version: 'Chromium of /opt/chrome/chrome' });
    expect(describeBrowser(found)).toBe('Chromium of /opt/chrome/chrome (/opt/chrome/chrome, PUPPETEER_EXECUTABLE_PATH)');
    await expect(found.launch()).resolves.toEqual({ executablePath: '/opt/chrome/chrome', headless: true, env: {} });
    expect(await findBrowser({ ...linux, isExecutable, browser: '/opt/edge/msedge' })).toMatchObject({ source: '--browser', path: '/opt/edge/msedge' });
  });

  it('reports a PUPPETEER_EXECUTABLE_PATH or --browser that points nowhere', async () => {
    await expect(findBrowser({ ...linux, env: { PUPPETEER_EXECUTABLE_PATH: '/nope/chrome' } })).rejects.toThrow(
      /PUPPETEER_EXECUTABLE_PATH is set to \/nope\/chrome, which is not an executable file/,
    );
    await expect(findBrowser({ ...linux, browser: '/nope/chrome' })).rejects.toThrow(/--browser \/nope\/chrome is not an executable file/);
  });

  it('uses the packaged Chromium by default, even with a system one installed', async () => {
    const found = await findBrowser(linux);
    expect(found).toMatchObject({ source: 'npm', version: '@sparticuz/chromium 153.0.0', path: undefined });
    expect(describeBrowser(found)).toBe('@sparticuz/chromium 153.0.0');
  });

  it('takes a system browser with --browser system: Chrome’s standard place, puppeteer’s cache, then PATH', async () => {
    const system = { ...linux, browser: 'system' };
    expect(await findBrowser({ ...system, isExecutable: only('/opt/google/chrome/chrome', cached, '/usr/bin/chromium') })).toMatchObject({
      source: 'system',
      path: '/opt/google/chrome/chrome',
    });
    expect(await findBrowser(system)).toMatchObject({ source: 'system', path: cached });
    const found = await findBrowser({ ...system, puppeteerCache: async () => [] });
    expect(found).toMatchObject({ source: 'system', path: '/usr/bin/chromium', version: 'Chromium of /usr/bin/chromium' });
    expect(describeBrowser(found)).toBe('Chromium of /usr/bin/chromium (/usr/bin/chromium)');
  });

  it('finds Chrome or Edge where the package has no Chromium (macOS, Windows)', async () => {
    const mac = await findBrowser({
      ...linux,
      platform: 'darwin',
      npm: undefined,
      isExecutable: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'),
    });
    expect(mac).toMatchObject({ source: 'system', path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' });
    const chrome = String.raw`C:\Program Files\Google\Chrome\Application\chrome.exe`;
    const windows = await findBrowser({
      ...linux,
      platform: 'win32',
      npm: undefined,
      env: { PROGRAMFILES: String.raw`C:\Program Files` },
      isExecutable: only(chrome),
    });
    expect(windows).toMatchObject({ source: 'system', path: chrome });
  });

  it('says how to get a browser when there is none', async () => {
    const error = await findBrowser({ ...linux, npm: undefined, puppeteerCache: async () => [], isExecutable: only() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).code).toBe('browser-not-found');
    expect((error as PdfError).message).toMatch(/Install Chrome, or set PUPPETEER_EXECUTABLE_PATH/);
  });
});

describe('on this machine', () => {
  it('picks the packaged Chromium when the system one is hidden, and unpacks it', async () => {
    expect(npmChromium()).toMatchObject({ version: expect.stringMatching(/^153\./) });
    // Hidden: nothing on PATH, no puppeteer cache.
    const found = await findBrowser({ env: { PATH: '/nonexistent' }, puppeteerCache: async () => [] });
    expect(found.source).toBe('npm');
    const launch = await found.launch();
    expect(launch.headless).toBe('shell');
    expect(existsSync(launch.executablePath)).toBe(true);
    expect(launch.env.LD_LIBRARY_PATH).toMatch(/jianbao-chromium-153\.[^/]*\/lib$/);
  }, 60_000);

  // CI has no system Chromium (.ci/run installs none).
  it.skipIf(!existsSync('/usr/bin/chromium'))('finds the system chromium with --browser system, and not when it is hidden', async () => {
    const found = await findBrowser({ browser: 'system', env: { PATH: '/usr/bin' }, puppeteerCache: async () => [] });
    expect(found).toMatchObject({ source: 'system', path: '/usr/bin/chromium', version: expect.stringMatching(/^Chromium \d+\./) });
    await expect(findBrowser({ browser: 'system', env: { PATH: '/nonexistent' }, puppeteerCache: async () => [] })).rejects.toThrow(/No browser found/);
  });
});
