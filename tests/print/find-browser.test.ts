import {describe, expect, it} from 'vitest';
import {findChromium, PdfError} from '../../src/print/index.ts';

/** A fake file system: only these paths are executables. */
const only = (...files: string[]) => (file: string) => files.includes(file);
const noCache = () => '/home/u/.cache/puppeteer/chrome/linux-148/chrome';

describe('findChromium', () => {
  it('prefers PUPPETEER_EXECUTABLE_PATH', () => {
    const env = {PUPPETEER_EXECUTABLE_PATH: '/opt/chrome/chrome', PATH: '/usr/bin'};
    expect(findChromium(env, {isExecutable: only('/opt/chrome/chrome', '/usr/bin/chromium', noCache()), puppeteerPath: noCache})).toBe('/opt/chrome/chrome');
  });

  it('reports a PUPPETEER_EXECUTABLE_PATH that points nowhere', () => {
    const env = {PUPPETEER_EXECUTABLE_PATH: '/nope/chrome'};
    expect(() => findChromium(env, {isExecutable: only('/usr/bin/chromium'), puppeteerPath: noCache})).toThrow(
      /PUPPETEER_EXECUTABLE_PATH is set to \/nope\/chrome, which is not an executable file/,
    );
  });

  it('then uses puppeteer’s own download when it is there', () => {
    expect(findChromium({PATH: '/usr/bin'}, {isExecutable: only(noCache(), '/usr/bin/chromium'), puppeteerPath: noCache})).toBe(noCache());
  });

  it('then /usr/bin/chromium', () => {
    expect(findChromium({PATH: '/usr/local/bin'}, {isExecutable: only('/usr/bin/chromium', '/usr/local/bin/chromium'), puppeteerPath: noCache})).toBe(
      '/usr/bin/chromium',
    );
  });

  it('then chromium-browser and google-chrome, also on PATH', () => {
    const env = {PATH: ['relative/bin', '/snap/bin', '/opt/google/bin'].join(':')};
    expect(findChromium(env, {isExecutable: only('/snap/bin/chromium-browser', '/opt/google/bin/google-chrome'), puppeteerPath: noCache})).toBe(
      '/snap/bin/chromium-browser',
    );
    expect(findChromium(env, {isExecutable: only('/opt/google/bin/google-chrome'), puppeteerPath: () => undefined})).toBe('/opt/google/bin/google-chrome');
  });

  it('says how to get a browser when there is none', () => {
    let error: unknown;
    try {
      findChromium({PATH: '/usr/bin:/bin'}, {isExecutable: only(), puppeteerPath: noCache});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).code).toBe('browser-not-found');
    expect((error as PdfError).message).toMatch(/apt-get install chromium/);
    expect((error as PdfError).message).toMatch(/PUPPETEER_EXECUTABLE_PATH/);
  });

  it('finds a real browser on this machine', () => {
    expect(findChromium()).toMatch(/chrom/i);
  });
});
