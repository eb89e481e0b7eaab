import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CDPSession, Page, Protocol } from 'puppeteer-core';
import { type FontPackageAnswer, fontPackageAnswer, fontPackageStylesheet, printAssetRoots, relocatedFontFile } from './assets.ts';
import type { BrowserPool } from './browser-pool.ts';
import { PdfError } from './errors.ts';
import { bundledFonts, fontFileFaces, fontStacksCss, type FontFileFace, type FontRole, type FontStacks } from './fonts.ts';
import { preparePrintLayout, type PrintLayoutOptions, type PrintLayoutReport } from './page-layout.ts';
import { applyPdfMetadata, type PdfMetadata } from './pdf-metadata.ts';
import { isAllowedUrl } from './request-filter.ts';
import { shareImageShot } from './share-image-shot.ts';
import type { UsedFace } from './printer.ts';
import { usedFaces } from './used-faces.ts';

export interface RenderPdfOptions {
  /** file:// URL of the issue's print page (a file, so web fonts load). */
  readonly url: string;
  /** Where to write the PDF; missing folders are created. */
  readonly output: string;
  /**
   * Folders the page may load files from: the page's own folder, the content
   * folder. The print template and the bundled fonts are always allowed.
   */
  readonly roots: readonly string[];
  readonly meta: PdfMetadata;
  /** Font families to put before the bundled faces (from bulletin.yaml). */
  readonly fonts?: FontStacks;
  /**
   * Time limit for this PDF.
   * @default the pool's (60 s)
   */
  readonly timeoutMs?: number;
  /** Names the issue in error messages, e.g. `content/2021/11/index.md`. */
  readonly name: string;
  /**
   * Find the face each role printed in (`faces` in the result). They are the same for every issue
   * of a build, so a build asks its first PDFs only: the probe costs each PDF four round trips.
   * @default false
   */
  readonly probeFaces?: boolean;
  /**
   * Where to write the issue's share picture (see `shareImageShot`), taken from the page just
   * printed: the share picture then costs a screenshot, not a second load of the print page.
   * @default none taken
   */
  readonly shareImage?: string;
}

export interface MissingFamilies {
  readonly role: FontRole;
  /** The families listed for the role, none of them found. */
  readonly families: readonly string[];
  /** The face the role's text was set in. */
  readonly used: string;
}

export interface RenderPdfResult {
  readonly output: string;
  readonly pages: number;
  /** Size of the PDF in bytes. */
  readonly size: number;
  /** Requests the page made that were refused (remote URLs, files outside the roots). */
  readonly blocked: readonly string[];
  readonly layout: PrintLayoutReport;
  /** Font files from `fonts` that did not load (not a font, damaged): their role printed in the next face. */
  readonly failedFontFiles: readonly FontFileFace[];
  /** Roles whose `fonts` families (no files) are not on this machine, with the bundled face printed instead. */
  readonly missingFamilies: readonly MissingFamilies[];
  /** The face each role's text was set in, with `probeFaces`; else empty. */
  readonly faces: readonly UsedFace[];
  /** Time from the open print page to the PDF written: layout, printing, metadata. */
  readonly ms: number;
}

/**
 * Chromium lays a printed page out in whole CSS pixels: it rounds the sheet
 * and each margin to px (measured: A4 with 37/35 mm margins breaks after
 * 851 px, not 225 mm = 850.39 px). The measuring columns must be exactly that
 * tall for breaks to fall where print puts them. The flow's width is fixed at
 * 156 mm by print.css (225 mm on a landscape page), so it needs no such care.
 */
const px = (mm: number): number => Math.round((mm * 96) / 25.4);
const pageAreaHeight = px(297) - px(37) - px(35);
/** `@page wide` in print.css: A4 landscape, 28 and 26 mm above and below (订口 and 切口, mirrored). */
const wideAreaHeight = px(210) - px(28) - px(26);

/**
 * The 版心, portrait and landscape; the table sizes tried (小四, 五号, 小五), the smallest of them
 * 9 pt, below which a table goes to a landscape page, as does one of 10 columns or more; and the
 * body rows a split table keeps on each side of a page break; the chart sizes tried at a page's
 * foot, 五号 (the stylesheet's) down to 9 pt, the smallest a chart's labels print at (#14); a
 * short series title set at up to 初号 (42 pt) and spread over 60 % of the 版心's width.
 */
const layoutOptions: PrintLayoutOptions = {
  measure: '156mm',
  areaHeight: `${pageAreaHeight}px`,
  wideMeasure: '225mm',
  wideAreaHeight: `${wideAreaHeight}px`,
  tableSizesPt: [12, 10.5, 9],
  wideColumns: 10,
  textColumnEms: 6,
  minRows: 3,
  chartSizesPt: [10, 9.5, 9],
  strandedChartSizesPt: [8.5, 8],
  masthead: { largestPt: 42, span: 0.6 },
};

/**
 * Print one issue's print page to a PDF laid out to GB/T 9704, with its
 * document metadata set and its bytes reproducible.
 */
export async function renderPdf(pool: BrowserPool, options: RenderPdfOptions): Promise<RenderPdfResult> {
  const { name } = options;
  // The page slot is held only while Chromium works; the bytes are finished after it is free,
  // so the next issue prints while this one's metadata is written.
  const printed = await onPrintPage(pool, options, async (page, { signal }) => {
    const started = performance.now();
    const done = await printPage(page, signal);
    const picture = options.shareImage === undefined ? undefined : await shareImageShot(page);
    signal.throwIfAborted();
    return { ...done, picture, started };
  });
  const { layout } = printed;
  const pdf = await applyPdfMetadata(printed.raw, options.meta, { headings: layout.headings });
  if (layout.distribution && pdf.pages !== layout.pages) {
    throw new PdfError(
      'render-failed',
      `${name}: the 版记 was placed for a ${layout.pages}-page layout but Chromium printed ${pdf.pages} pages; the PDF would have the 版记 out of place. Please report this with the issue's files.`,
    );
  }
  await writeAtomically(options.output, pdf.bytes);
  if (options.shareImage !== undefined && printed.picture) await writeAtomically(options.shareImage, printed.picture);
  return {
    output: options.output,
    pages: pdf.pages,
    size: pdf.bytes.byteLength,
    blocked: printed.blocked,
    layout,
    failedFontFiles: printed.failedFontFiles,
    missingFamilies: printed.missingFamilies,
    faces: printed.faces,
    ms: Math.round(performance.now() - printed.started),
  };
}

function checkOptions(options: Pick<RenderPdfOptions, 'name' | 'url'>, roots: readonly string[]): void {
  if (!options.name) throw new PdfError('invalid-option', 'Expected a name for the issue being rendered (used in error messages), got an empty string.');
  if (!options.url.startsWith('file:')) {
    throw new PdfError(
      'invalid-option',
      `${options.name}: expected the print page as a file:// URL (web fonts only load from a real file), got ${options.url}.`,
    );
  }
  if (!isAllowedUrl(options.url, roots)) {
    throw new PdfError(
      'invalid-option',
      `${options.name}: the print page ${fileURLToPath(options.url)} is outside the folders it may load from (${roots.join(', ')}); add its folder to roots.`,
    );
  }
}

/** What the print page's font check found: font files that did not load, and families not installed. */
export type FontCheck = Pick<RenderPdfResult, 'failedFontFiles' | 'missingFamilies'>;

/** Where a print page is and what it may load, as `renderPdf` and `renderShareImage` take it. */
export type PrintPageOptions = Pick<RenderPdfOptions, 'url' | 'roots' | 'fonts' | 'timeoutMs' | 'name' | 'probeFaces'>;

/**
 * Run `work` on a page of the pool with the issue's print page open in print media, its fonts
 * loaded and checked, and every request outside `roots` refused. Gives what `work` gave and the
 * refused requests.
 */
export async function onPrintPage<T>(
  pool: BrowserPool,
  options: PrintPageOptions,
  work: (page: Page, context: { readonly signal: AbortSignal }) => Promise<T>,
): Promise<T & FontCheck & Pick<RenderPdfResult, 'faces'> & { readonly blocked: readonly string[] }> {
  const { name } = options;
  const fontFiles = fontFileFaces(options.fonts);
  // Each font file may be read on its own, not the folder around it.
  const roots = [...options.roots.map((root) => path.resolve(root)), ...printAssetRoots(), ...fontFiles.map((face) => face.file)];
  checkOptions(options, roots);
  const fontCss = fontStacksCss(options.fonts);
  const families = familyRoles(options.fonts);
  return pool.run(
    name,
    async (page, { signal }) => {
      const { blocked, release } = await isolate(page, roots, pool);
      // tsx compiles with esbuild's keepNames, which wraps functions in __name();
      // functions serialised into the page then need that helper there. It stays on the page
      // for the jobs after this one (it touches nothing else): two round trips a job fewer.
      if (!withNameHelper.has(page)) {
        await page.evaluateOnNewDocument('globalThis.__name ??= (fn) => fn');
        withNameHelper.add(page);
      }
      try {
        const fonts = await openPrintPage(page, options.url, { name, fontCss, fontFiles, families, blocked });
        const done = await work(page, { signal });
        // Asked once the work is done: probing a role loads its faces, which would change the layout.
        const faces = options.probeFaces ? await printedFaces(page, fontFiles, fonts.failedFontFiles) : [];
        return { ...done, ...fonts, faces, blocked };
      } finally {
        // The pool gives the page to the next issue.
        release();
      }
    },
    options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  );
}

/** Pool pages that have the `__name` helper on every new document. */
const withNameHelper = new WeakSet<Page>();

/** Load the print page in print media with its fonts, and fail if any of them did not load. */
async function openPrintPage(
  page: Page,
  url: string,
  context: {
    readonly name: string;
    readonly fontCss: string | undefined;
    readonly fontFiles: readonly FontFileFace[];
    readonly families: ReadonlyMap<FontRole, readonly string[]>;
    readonly blocked: readonly string[];
  },
): Promise<FontCheck> {
  await page.emulateMediaType('print');
  // The pool enforces the time limit; puppeteer's own 30 s navigation limit is off.
  await page.goto(url, { waitUntil: 'load', timeout: 0 });
  if (context.fontCss) await page.addStyleTag({ content: context.fontCss });
  // Lazy images would load only when printing, after the layout was measured.
  const fileFamilies = context.fontFiles.map((face) => face.family);
  const fonts = await page.evaluate(
    async (bundled: string[], files: string[]) => {
      const lazy = [...document.images].filter((image) => image.loading === 'lazy');
      for (const image of lazy) image.loading = 'eager';
      await Promise.all(lazy.map((image) => image.decode().catch(() => undefined)));
      // A font file is fetched only once text asks for it: load each now, so the layout is measured in it.
      await Promise.all(files.map((family) => document.fonts.load(`14pt "${family}"`).catch(() => [])));
      await document.fonts.ready;
      // Page numbers are margin boxes, laid out only when printing: the font slices their
      // characters need (the full-em bar ―, digits) are loaded now, or they would print in a fallback.
      const song = getComputedStyle(document.documentElement).getPropertyValue('--font-song');
      if (song) await document.fonts.load(`14pt ${song}`, '\u2015 0123456789');
      const faces = [...document.fonts];
      const unquote = (family: string): string => family.replace(/^["']|["']$/g, '');
      const failed = [...new Set(faces.filter((face) => face.status === 'error').map((face) => unquote(face.family)))];
      return {
        printMedia: matchMedia('print').matches,
        bundled: faces.filter((face) => bundled.includes(unquote(face.family))).length,
        failed: failed.filter((family) => !files.includes(family)),
        failedFiles: failed.filter((family) => files.includes(family)),
      };
    },
    bundledFamilies,
    fileFamilies,
  );
  // The layout pass measures in print media; in screen media it would place breaks the print does not have.
  if (!fonts.printMedia)
    throw new PdfError('render-failed', `${context.name}: the print page is not in print media, so its layout would not match the print. Please report this.`);
  checkFonts(fonts, context.name, context.blocked);
  // A font file that does not load leaves its role to the next face: a warning, not a failed build.
  const failedFontFiles = context.fontFiles.filter((face) => fonts.failedFiles.includes(face.family));
  // A family listed by name and not installed leaves its role to the bundled face, the only downloaded one in its stack.
  const used = await usedFaces(page, [...context.families.keys()]);
  const missingFamilies = [...context.families].flatMap(([role, families]) => {
    const face = used.get(role);
    return face?.downloaded ? [{ role, families, used: face.family }] : [];
  });
  return { failedFontFiles, missingFamilies };
}

/** The face each role's text was set in on the page, and where it came from. */
async function printedFaces(page: Page, fontFiles: readonly FontFileFace[], failed: readonly FontFileFace[]): Promise<UsedFace[]> {
  const used = await usedFaces(page, Object.keys(bundledFonts) as FontRole[]);
  return [...used].map(([role, { family, downloaded }]): UsedFace => {
    if (!downloaded) return { role, face: family, source: 'installed' };
    if (bundledFonts[role].includes(family)) return { role, face: family, source: 'bundled' };
    // A downloaded face that is not the bundled one is the role's first font file that loaded.
    const file = fontFiles.find((face) => face.role === role && !failed.includes(face))?.file;
    return { role, face: family, source: 'file', file };
  });
}

/**
 * Lay the open print page out as it prints (see `preparePrintLayout`): a share picture taken
 * without it showed a short series title small and unspread, as the layout sets the masthead.
 */
export function layOutPage(page: Page): Promise<PrintLayoutReport> {
  return page.evaluate(preparePrintLayout, layoutOptions);
}

/** Lay the open print page out and print it. */
async function printPage(page: Page, signal: AbortSignal): Promise<{ raw: Uint8Array; layout: PrintLayoutReport }> {
  const layout = await layOutPage(page);

  const raw = await page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: false,
    timeout: 0,
  });
  // Past its time limit the job has already failed: leave no file behind it.
  signal.throwIfAborted();
  return { raw, layout };
}

/** The roles whose `fonts` entries are all family names, with those names; a role with a file is checked by its loading. */
function familyRoles(fonts: FontStacks = {}): Map<FontRole, readonly string[]> {
  const roles = new Map<FontRole, readonly string[]>();
  for (const [role, entries] of Object.entries(fonts) as [FontRole, FontStacks[FontRole]][]) {
    const names = (entries ?? []).filter((entry) => typeof entry === 'string');
    if (names.length > 0 && names.length === entries?.length) roles.set(role, names);
  }
  return roles;
}

/**
 * Let the page load only data: URLs and files under `roots`. Gives the live list of refused URLs,
 * and `release` to call when the job is done, which stops checking this issue's requests.
 *
 * Every request is paused and checked through a DevTools session of the page's own (`pausing`)
 * rather than puppeteer's request interception: a print page asks for some 80 font slices, and
 * puppeteer's bookkeeping of each paused request cost Node about half a millisecond; answering
 * the protocol's event directly costs a fraction of that.
 */
async function isolate(page: Page, roots: readonly string[], pool: BrowserPool): Promise<{ blocked: string[]; release: () => void }> {
  const blocked: string[] = [];
  const session = await pausing(page);
  const check = ({ requestId, request: { url } }: Protocol.Fetch.RequestPausedEvent) => {
    const file = url.startsWith('file:') ? fileURLToPath(url) : undefined;
    const answer = file === undefined ? undefined : fontPackageAnswer(file);
    // A font file fonts.css names itself (the Kai Quotes face), where jianbao is installed into
    // another project: read from where npm put its package.
    const moved = file === undefined || answer !== undefined ? undefined : relocatedFontFile(file);
    let reply: Promise<unknown>;
    if (answer !== undefined) {
      reply = answerFile(pool, answer).then(
        (stylesheet) => session.send('Fetch.continueRequest', { requestId, url: stylesheet }),
        () => session.send('Fetch.failRequest', { requestId, errorReason: 'Failed' }),
      );
    } else if (moved !== undefined) {
      reply = session.send('Fetch.continueRequest', { requestId, url: pathToFileURL(moved).href });
    } else if (isAllowedUrl(url, roots)) {
      reply = session.send('Fetch.continueRequest', { requestId });
    } else {
      blocked.push(url);
      reply = session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
    }
    // A page navigated away or closed takes its paused requests with it.
    reply.catch(() => {});
  };
  session.on('Fetch.requestPaused', check);
  return { blocked, release: () => session.off('Fetch.requestPaused', check) };
}

/** Each pool page's DevTools session with its requests paused, kept for the page's later jobs. */
const pausingSessions = new WeakMap<Page, Promise<CDPSession>>();

/** The page's session that pauses every request until `isolate` answers it. */
function pausing(page: Page): Promise<CDPSession> {
  let session = pausingSessions.get(page);
  if (!session) {
    session = page.createCDPSession().then(async (created) => {
      // As puppeteer's interception did: a file from Chromium's cache would skip the check (and
      // could be one an earlier issue was allowed, or an older version of the file).
      await page.setCacheEnabled(false);
      await created.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
      // Each attached session's emulation applies to the page: this one's unset media undid the
      // print media `openPrintPage` sets through puppeteer's (measured: the layout pass then ran in
      // screen media and placed table breaks the print did not have).
      await created.send('Emulation.setEmulatedMedia', { media: 'print' });
      return created;
    });
    pausingSessions.set(page, session);
  }
  return session;
}

/**
 * The font package stylesheets the renderer answers, rewritten once per pool into its folder: a
 * page's request for one is sent on to that file, which Chromium reads itself. Answering with the
 * body instead put seven stylesheets of some 100 KB each through the DevTools pipe for every PDF,
 * the largest part of Node's time per PDF.
 */
const answers = new WeakMap<BrowserPool, Map<string, Promise<string>>>();

/** The file:// URL of the answer's stylesheet as the print page gets it. */
function answerFile(pool: BrowserPool, answer: FontPackageAnswer): Promise<string> {
  let written = answers.get(pool);
  if (!written) answers.set(pool, (written = new Map()));
  let url = written.get(answer.file);
  if (!url) {
    const name = `${written.size}-${path.basename(answer.file)}`;
    url = Promise.all([pool.folder(), readFile(answer.file, 'utf8')]).then(async ([folder, css]) => {
      const file = path.join(folder, name);
      await writeFile(file, fontPackageStylesheet(css, answer.file, answer.woffOnly));
      return pathToFileURL(file).href;
    });
    // A failed read is tried again by the next page.
    url.catch(() => written.delete(answer.file));
    written.set(answer.file, url);
  }
  return url;
}

/** The bundled faces' family names, which the print page must declare. */
const bundledFamilies = [...new Set(Object.values(bundledFonts).flat())];

/**
 * Fail rather than print with whatever the machine has: a PDF set in
 * fallback fonts would differ from machine to machine.
 */
function checkFonts(state: { readonly bundled: number; readonly failed: readonly string[] }, name: string, blocked: readonly string[]): void {
  if (state.bundled === 0) {
    throw new PdfError(
      'fonts-missing',
      `${name}: the print page declares none of the bundled fonts (${bundledFamilies.join(', ')}). It must link templates/print/print.css by a file:// URL or a relative path${blocked.length > 0 ? `; refused requests: ${blocked.join(', ')}` : ''}.`,
    );
  }
  if (state.failed.length > 0) {
    const fontRequests = blocked.filter((url) => /\.(woff2?|ttf|otf)(\?|#|$)/i.test(url));
    throw new PdfError(
      'fonts-missing',
      `${name}: fonts failed to load (${state.failed.join(', ')})${fontRequests.length > 0 ? `; refused: ${fontRequests.join(', ')}` : ''}. Run \`npm ci\` so node_modules holds the font packages.`,
    );
  }
}

export async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}
