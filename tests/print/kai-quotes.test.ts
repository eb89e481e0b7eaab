/**
 * 楷体 (LXGW WenKai) draws “ ” narrow, as Latin quotes; the print style sheet takes them from the
 * body's face, full-width like the characters around them (a 编者按, a （一） subhead, the contents).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { sharedBrowserPool } from '../support/shared-browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'jianbao-kai-quotes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('sets quotes in 楷体 a full character wide', async () => {
  const page = join(dir, 'page.html');
  const css = pathToFileURL(join(process.cwd(), 'templates/print/print.css')).href;
  writeFileSync(
    page,
    `<!doctype html><html lang="zh-CN"><link rel="stylesheet" href="${css}"><p style="font: 16pt var(--font-kai)"><span>“</span><span>一</span><span>”</span></p>`,
  );
  const browser = await sharedBrowserPool().browser();
  const tab = await browser.newPage();
  try {
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    await tab.evaluate(() => document.fonts.ready);
    const widths: number[] = await tab.$$eval('span', (spans) => spans.map((span) => span.getBoundingClientRect().width));
    // 16 pt is 21.3 px, less the sheet's letter-spacing: each quote takes a full character's cell, as 一 does.
    expect(widths[1]).toBeGreaterThan(19);
    expect(widths[0]).toBeGreaterThan(widths[1]! * 0.9);
    expect(widths[2]).toBeGreaterThan(widths[1]! * 0.9);
  } finally {
    await tab.close();
  }
});
