/** The renderer's input checks and helpers that need no browser. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontPackageAnswer, fontPackageStylesheet } from '../../src/print/assets.ts';
import {
  applyPdfMetadata,
  bundledFonts,
  createBrowserPool,
  fontStacksCss,
  isAllowedUrl,
  PdfError,
  printAssetRoots,
  printStylesheet,
  relocatedFontFile,
  renderPdf,
} from '../../src/print/index.ts';

describe('isAllowedUrl', () => {
  const roots = ['/site/content', '/site/out/2021/11'];
  it('allows files under the roots and data: URLs', () => {
    expect(isAllowedUrl('file:///site/content/2021/11/photo.png', roots)).toBe(true);
    expect(isAllowedUrl('file:///site/out/2021/11/print.html', roots)).toBe(true);
    expect(isAllowedUrl('file:///site/content/%E5%9B%BE.png', roots)).toBe(true);
    expect(isAllowedUrl('data:image/png;base64,AAAA', roots)).toBe(true);
  });
  it('refuses remote URLs, other files and escapes', () => {
    expect(isAllowedUrl('https://example.com/x.png', roots)).toBe(false);
    expect(isAllowedUrl('http://localhost/x.png', roots)).toBe(false);
    expect(isAllowedUrl('file:///etc/passwd', roots)).toBe(false);
    expect(isAllowedUrl('file:///site/content/../secret.txt', roots)).toBe(false);
    expect(isAllowedUrl('file:///site/content-other/x.png', roots)).toBe(false);
    expect(isAllowedUrl('ftp://example.com/x', roots)).toBe(false);
  });
  it('always lets a page reach the print stylesheet and the bundled fonts', () => {
    const roots = printAssetRoots();
    expect(roots.some((root) => root.endsWith('templates/print'))).toBe(true);
    expect(roots.some((root) => root.endsWith('node_modules/@fontsource/noto-serif-sc'))).toBe(true);
  });
});

describe('fontStacksCss', () => {
  it('is empty with no options, leaving print.css’s defaults', () => {
    expect(fontStacksCss()).toBe('');
  });
  it('puts the office faces first and the bundled face last', () => {
    expect(fontStacksCss({ body: ['仿宋_GB2312', 'FangSong'], title: [] })).toBe(
      ':root {\n  --font-body: "仿宋_GB2312", "FangSong", "Noto Serif SC", serif;\n  --font-title: "Noto Serif SC", serif;\n}\n',
    );
  });
  it('refuses a name that could break out of the CSS', () => {
    expect(() => fontStacksCss({ kai: ['KaiTi"; } body { color: red'] })).toThrow(/Expected a font family name for fonts.kai/);
  });
  it('matches the bundled faces print.css declares', () => {
    const css = readFileSync(printStylesheet, 'utf8');
    for (const role of Object.keys(bundledFonts) as Array<keyof typeof bundledFonts>) {
      const declaration = new RegExp(`--font-${role}:[^;]*"${bundledFonts[role][0]}"`);
      expect(css).toMatch(declaration);
    }
  });
});

describe('print.css', () => {
  it('has the page geometry the renderer measures with (A4, 37 mm top, 35 mm bottom)', () => {
    // render-pdf.ts sizes its measuring columns from these numbers.
    const css = readFileSync(printStylesheet, 'utf8');
    expect(css).toMatch(/@page \{\s*size: A4;\s*margin: 37mm 26mm 35mm 28mm;\s*\}/);
  });
});

describe('renderPdf input checks', () => {
  const meta = { title: 't', author: 'a', date: '2021-11-29' };
  it('wants a file:// URL inside the roots', async () => {
    const pool = createBrowserPool();
    const base = { output: '/tmp/x.pdf', roots: ['/site/out'], meta, name: '2021/11' };
    await expect(renderPdf(pool, { ...base, url: 'http://example.com/print.html' })).rejects.toThrow(/2021\/11: expected the print page as a file:\/\/ URL/);
    await expect(renderPdf(pool, { ...base, url: 'file:///elsewhere/print.html' })).rejects.toThrow(/is outside the folders it may load from/);
    expect(pool.launches).toBe(0);
    await pool.close();
  });
  it('wants the issue date as YYYY-MM-DD', async () => {
    const error = await applyPdfMetadata(new Uint8Array(), { ...meta, date: '2021-02-30' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).message).toBe('Expected the issue date as YYYY-MM-DD (for example 2021-11-29), got "2021-02-30".');
  });
});

describe('relocatedFontFile', () => {
  const dirs = [
    { expected: '/app/node_modules/jianbao/node_modules/@fontsource/noto-sans-sc', actual: '/app/node_modules/@fontsource/noto-sans-sc' },
    { expected: '/repo/node_modules/lxgw-wenkai-webfont', actual: '/repo/node_modules/lxgw-wenkai-webfont' },
  ];
  it('answers a font file fonts.css asks for inside jianbao from where npm installed the package', () => {
    expect(relocatedFontFile('/app/node_modules/jianbao/node_modules/@fontsource/noto-sans-sc/files/a.woff2', dirs)).toBe(
      '/app/node_modules/@fontsource/noto-sans-sc/files/a.woff2',
    );
  });
  it('leaves alone a package in its expected place and any other file', () => {
    expect(relocatedFontFile('/repo/node_modules/lxgw-wenkai-webfont/lxgwwenkai-regular.css', dirs)).toBeUndefined();
    expect(relocatedFontFile('/app/content/2021/1/photo.jpg', dirs)).toBeUndefined();
  });
  it('finds the packages of this checkout where fonts.css looks for them', () => {
    expect(relocatedFontFile(path.join(process.cwd(), 'node_modules/@fontsource/noto-serif-sc/400.css'))).toBeUndefined();
  });
});

describe('fontPackageAnswer and fontPackageStylesheet', () => {
  const dirs = [
    { expected: '/app/node_modules/jianbao/node_modules/@fontsource/noto-sans-sc', actual: '/app/node_modules/@fontsource/noto-sans-sc' },
    { expected: '/repo/node_modules/lxgw-wenkai-webfont', actual: '/repo/node_modules/lxgw-wenkai-webfont' },
  ];
  it('answers the font packages’ stylesheets only, read where npm put them, the @fontsource ones woff only', () => {
    expect(fontPackageAnswer('/app/node_modules/jianbao/node_modules/@fontsource/noto-sans-sc/400.css', dirs)).toEqual({
      file: '/app/node_modules/@fontsource/noto-sans-sc/400.css',
      woffOnly: true,
    });
    expect(fontPackageAnswer('/repo/node_modules/lxgw-wenkai-webfont/lxgwwenkai-regular.css', dirs)).toEqual({
      file: '/repo/node_modules/lxgw-wenkai-webfont/lxgwwenkai-regular.css',
      woffOnly: false,
    });
    expect(fontPackageAnswer('/app/node_modules/jianbao/node_modules/@fontsource/noto-sans-sc/files/a.woff', dirs)).toBeUndefined();
    expect(fontPackageAnswer('/app/content/2021/1/style.css', dirs)).toBeUndefined();
  });
  it('points every font slice of a package stylesheet into the folder it was read from', () => {
    const css = readFileSync('node_modules/@fontsource/noto-sans-sc/400.css', 'utf8');
    const given = fontPackageStylesheet(css, '/app/node_modules/@fontsource/noto-sans-sc/400.css', true);
    const urls = [...given.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]!.replace(/^['"]|['"]$/g, ''));
    expect(urls.length).toBeGreaterThan(50);
    for (const url of urls) expect(url).toMatch(/^file:\/\/\/app\/node_modules\/@fontsource\/noto-sans-sc\/files\/[^/]+\.woff$/);
  });
});
