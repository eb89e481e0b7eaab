// The floor for PDFs: bare puppeteer page.pdf() on the same print pages as the build, with the
// same Chromium, flags and concurrency, and nothing else: no request filter, no font check, no
// layout pass, no metadata. Prints JSON: {pdfs, ms, concurrency}.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { issueAttachments } from '../../src/output/attachments.ts';
import { printView } from '../../src/print/pdf-edition.ts';
import { validateContent } from '../../src/pipeline.ts';
import { findBrowser, launchOptions } from '../../src/print/index.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { mapConcurrent } from '../../src/util/map-concurrent.ts';

const [contentDir, templatesDir] = process.argv.slice(2);
if (!contentDir || !templatesDir) throw new Error('Usage: floor-pdf.ts CONTENT_DIR TEMPLATES_DIR');

// The build's pool size (src/print/browser-pool.ts).
const concurrency = Math.min(os.availableParallelism(), 4);
const { site, issues } = await validateContent(contentDir, { workers: 0 });
const engine = createNunjucksEngine(templatesDir);
const printCss = pathToFileURL(resolve(templatesDir, 'print', 'print.css')).href;
const work = await mkdtemp(join(os.tmpdir(), 'jianbao-floor-pdf-'));
const pages = await Promise.all(
  issues.map(async (rendered) => {
    const issue = printView(rendered, site.series!.url);
    const page = join(work, issue.path, 'print.html');
    await mkdir(dirname(page), { recursive: true });
    for (const attachment of issueAttachments(rendered)) await copyFile(attachment.source, join(work, attachment.path));
    await writeFile(page, engine.render('print.njk', { series: site.series, issue, printCss }));
    return page;
  }),
);

const started = performance.now();
const browser = await puppeteer.launch(await launchOptions(await findBrowser()));
await mapConcurrent(pages, concurrency, async (page) => {
  const tab = await browser.newPage();
  await tab.emulateMediaType('print');
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load', timeout: 0 });
  const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 0 });
  await writeFile(page.replace(/print\.html$/, 'floor.pdf'), pdf);
  await tab.close();
});
await browser.close();
const ms = performance.now() - started;
await rm(work, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ pdfs: pages.length, ms, concurrency })}\n`);
