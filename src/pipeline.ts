import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { BuildCache, type UpToDate, type WarningChunk } from './cache/build-cache.ts';
import { defaultCacheDir } from './cache/cache-folder.ts';
import { combineHashes, contentHash, folderHash } from './cache/hash.ts';
import { resolveTemplates } from './site/templates-folder.ts';
import type { ValidateOptions, Validation } from './markdown/render-content.ts';
import type { EditionFile, OutputFile, Series } from './model.ts';
import { ContentError, distinctMessages, printedWarnings, problemsIn } from './report/messages.ts';
import { ChangedDuringBuildError } from './cache/changed-during-build.ts';
import type { ProgressEvent } from './report/progress.ts';
import type { Shard } from './output/shard.ts';
import { onInterrupt } from './util/interrupt.ts';
import { testPause } from './util/test-pause.ts';
import type { UsedFace } from './print/printer.ts';
import type { BrowserPool } from './print/browser-pool.ts';
import { describeBrowser, findBrowser, type FoundBrowser } from './print/find-browser.ts';
import { PhaseTimer, type PhaseTimings } from './report/timings.ts';
import { checkOutputFolder } from './output/output-folder.ts';
import { startWork } from './output/work-folder.ts';
// Light, and the seed starts before the phases are loaded: not among them.
import { openOutput, seedOutput, type OutputSeed } from './output/write-output.ts';
import { dropSpare } from './output/spare-output.ts';
import type { EditionContext } from './output/editions.ts';

export interface BuildOptions {
  /** @default 'content' */
  readonly contentDir?: string;
  /** @default 'dist' */
  readonly outDir?: string;
  /** @default './templates' when it exists, else the templates jianbao ships */
  readonly templatesDir?: string;
  /**
   * Build the Pagefind search index into `<out>/pagefind/`.
   * @default true
   */
  readonly search?: boolean;
  /**
   * The build cache folder, or false to build everything from scratch without one.
   * @default defaultCacheDir(contentDir), under .cache/jianbao/ in the working folder
   */
  readonly cacheDir?: string | false;
  /**
   * Other build caches to take unchanged issues and PDFs from (read-only), such as the caches of
   * a sharded build's jobs: assembling the shards is a build that finds everything there.
   * @default []
   */
  readonly cacheFrom?: readonly string[];
  /** Make only this shard's downloads, PDFs (pages are always all built); see `itemsInShard`. */
  readonly shard?: Shard;
  /**
   * Print every issue to `<out>/<year>/<number>/<year>-<number>.pdf` with Chromium.
   * @default true
   */
  readonly pdf?: boolean;
  /**
   * With the PDFs, make each issue's share picture (`<out>/<year>/<number>/share.png`, the top of
   * its first page, for `og:image`); without, its page names the series' picture
   * (`assets/share.png` of the templates), as in a build without PDFs. The picture is taken from
   * the page its PDF is printed from; one whose PDF comes from the cache loads that page again.
   * @default true
   */
  readonly shareImage?: boolean;
  /**
   * The browser that prints: `system` for an installed Chrome, Edge or Chromium, or a browser
   * program's path (`PUPPETEER_EXECUTABLE_PATH` still comes first). See `findBrowser`.
   * @default the Chromium of the @sparticuz/chromium package where it runs (Linux x64)
   */
  readonly browser?: string | undefined;
  /**
   * Print with this pool's browser (`createBrowserPool`) instead of launching one for the build;
   * `browser` is then not used, and the pool is left open for its owner to close. For a process
   * that builds many times, such as the test suite: a launch costs about 0.4 s of CPU.
   * @default a browser of the build's own, launched by the first file to print
   */
  readonly browserPool?: BrowserPool | undefined;
  /**
   * Stop on warnings as on errors, before anything is written.
   * @default false
   */
  readonly strict?: boolean;
  /** Told about phases and finished issues, for a progress display. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * Return without waiting for the output this build replaced to be removed: an `rm -rf` that
   * outlives the build removes it from `.<out>.jianbao-work/old-…/`, as the CLI's build does
   * (about 2 s of wall time at 10,000 issues, most of it the disk's). A build that starts
   * meanwhile leaves it to that `rm -rf`. Not on Windows. With it, a large output (one the next
   * build walks) that was not seeded gets its spare made by a `cp -al` that outlives the build
   * too (see `OpenOutputOptions.spareInBackground`).
   * @default false
   */
  readonly removeInBackground?: boolean;
  /**
   * The size in bytes of the last build's manifest from which the content and output folders are
   * walked on other threads, and from which an output found up to date is stamped, so that the
   * next build with nothing changed reads no manifest (see `BuildCacheOptions.walkFrom`, and
   * src/cache/up-to-date-stamp.ts); 0 walks and stamps at any size.
   * @default 4,000,000, about 2,000 issues
   */
  readonly walkFrom?: number;
}

/** What a build did: the basis of the summary line and of the incremental-build tests. */
export interface BuildCounts {
  /** Issues in the archive. */
  readonly issues: number;
  /** Issues whose Markdown went through the pipeline in this build. */
  readonly rendered: number;
  /** Issues taken unchanged from the cache. */
  readonly skipped: number;
  /** Files written to the output folder (pages, feed, assets, search index…). */
  readonly pages: number;
  /** Of the pages (search index aside), those that differ from the last build's. */
  readonly pagesChanged: number;
  /**
   * Of the site's pages (assets aside), those made in this build: the others were made from what
   * the last build made them from, and its files were kept (see `BuildCache.keptPage`).
   */
  readonly pagesMade: number;
  /** The search index's bundles, one a year: indexed again or taken unchanged from the cache; or none. */
  readonly search: { readonly built: number; readonly unchanged: number } | 'off';
  /** PDFs in the output (this shard's only, with a shard). */
  readonly pdfs: number;
  /** Of those, the PDFs Chromium printed in this build; the others came unchanged from the cache. */
  readonly pdfsRendered: number;
  /** The output folder was already what this build would write, so nothing was written. */
  readonly upToDate: boolean;
}

export interface BuildResult {
  readonly outDir: string;
  /** Problems that did not stop the build; the CLI prints them. */
  readonly warnings: readonly VFileMessage[];
  /**
   * The warnings as the CLI prints them (`formatProblems`' lines relative to the working folder,
   * each ending in a newline), a part at a time: from the text the cache stored, as UTF-8 bytes,
   * without making `warnings`, when it holds them all; else formatted from `warnings`.
   */
  readonly printedWarnings: () => Iterable<string | Uint8Array>;
  readonly counts: BuildCounts;
  readonly timings: PhaseTimings;
  /** Parts of the cache that were unreadable or corrupt and were rebuilt. */
  readonly cacheProblems: readonly string[];
  /**
   * What a first try found changed when it read it again (`ChangedDuringBuildError.change`), when
   * this result is the second try's.
   */
  readonly builtAgain?: string;
  /** The browser the PDFs are printed with (see `describeBrowser`), or undefined without PDFs. */
  readonly browser: string | undefined;
  /** The face each role printed in, in the PDFs this build printed (none when every PDF was unchanged). */
  readonly faces: readonly UsedFace[];
}

/**
 * Run every check a build runs — series file, frontmatter, numbering across the archive, the
 * Markdown pipeline with its tables, links and images — and collect every problem, not only
 * the first. Writes nothing. Messages come file by file, in path order.
 */
export async function validateContent(contentDir: string, options: ValidateOptions = {}): Promise<Validation> {
  const { loadContent, renderContent } = await import('./phases.ts');
  // The cache also remembers how each unchanged issue file loaded.
  return renderContent(await loadContent(contentDir, options.cache), options);
}

/** Options of `withValidation`. */
export interface WithValidationOptions {
  /**
   * The build cache to take unchanged issues from, read-only, or false to render every issue.
   * @default defaultCacheDir(contentDir), the one a build with the default `cacheDir` keeps
   */
  readonly cacheDir?: string | false;
  /** @default os.tmpdir() */
  readonly scratchParent?: string;
}

/**
 * `validateContent` for a command that makes no site (`check`, `pdf`), handed to `use`. Unchanged
 * issues come from the build's cache, as a build takes them, without writing to it; what renders
 * waits in a scratch folder, as a build's HTML does, rather than in memory (10,000 synthetic
 * issues held 1.1 GB of it), removed once `use` is done, or on Ctrl-C.
 */
export async function withValidation<T>(contentDir: string, use: (validation: Validation) => Promise<T>, options: WithValidationOptions = {}): Promise<T> {
  const scratchDir = await mkdtemp(join(options.scratchParent ?? tmpdir(), 'jianbao-check-'));
  const remove = () => rm(scratchDir, { recursive: true, force: true, maxRetries: 10 });
  const forget = onInterrupt(remove);
  const dir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(contentDir));
  const validate = async () => validateContent(contentDir, { cache: await BuildCache.open({ dir, contentDir, scratchDir, readOnly: true }) });
  try {
    // An issue saved, or a cache file changed by a build, while it was read: once more, as a build does.
    const validation = await validate().catch((error: unknown) => {
      if (error instanceof ChangedDuringBuildError) return validate();
      throw error;
    });
    await testPause('check', scratchDir);
    return await use(validation);
  } finally {
    forget();
    await remove();
  }
}

/**
 * validate (the checks `jianbao check` runs) → render → write. Throws ContentError listing
 * every error found, with the warnings; the output folder is then left as it was. Issues whose
 * inputs are unchanged since the last build come from the cache. Before any of it, an output
 * folder that is not the build's to replace is refused (OutputFolderError, see
 * `checkOutputFolder`) and the output folder is locked (OutputLockedError, see `startWork`).
 * A build that finds a file it read changed when it reads it again (ChangedDuringBuildError: an
 * issue saved meanwhile, a cached file damaged on disk) leaves the output as it was and is made
 * again, once, from what is there then (`BuildResult.builtAgain`).
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  try {
    return await buildOnce(options);
  } catch (error) {
    if (!(error instanceof ChangedDuringBuildError)) throw error;
    return { ...(await buildOnce(options)), builtAgain: error.change };
  }
}

async function buildOnce(options: BuildOptions): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = options.outDir ?? 'dist';
  const templatesDir = resolveTemplates(options.templatesDir);
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(contentDir));
  const progress = options.onProgress ?? (() => {});
  const timer = new PhaseTimer();
  const phase = async <T>(name: string, run: () => Promise<T> | T) => {
    progress({ kind: 'phase', phase: name });
    await testPause(name, work.dir);
    return timer.time(name, run);
  };
  // Refused before anything is read or written, as a build replaces its output folder as a whole.
  checkOutputFolder(outDir, { contentDir, templatesDir, cacheDirs: [...(cacheDir === undefined ? [] : [cacheDir]), ...(options.cacheFrom ?? [])] });
  // The lock comes first, so that a second build into the same folder stops before any work.
  const work = await startWork(outDir);
  // An interrupt removes this build's folder once the writing stopped (or the swap completed):
  // the output's own cleanup, registered later, runs first.
  const forgetWork = onInterrupt(() => work.finish());
  const finishWork = async () => {
    forgetWork();
    await work.finish();
  };

  const pool = options.browserPool;
  const started = async () => {
    // Chosen before the cache is opened, as PDFs printed by another browser are out of date.
    const browser = options.pdf === false ? undefined : await phase('browser', () => pool?.found() ?? findBrowser({ browser: options.browser }));
    const settings = outputSettings(templatesDir, options, browser);
    const cache = await phase('cache', () =>
      BuildCache.open({
        dir: cacheDir,
        contentDir,
        from: options.cacheFrom ?? [],
        scratchDir: join(work.dir, 'rendered'),
        outDir,
        walkFrom: options.walkFrom,
        // The settings, and the folders as given, which the paths printed with the warnings depend on.
        stampKey: combineHashes([settings.settings, settings.templates, contentDir, resolve(outDir), process.cwd()]),
      }),
    );
    return { browser, settings, cache };
  };
  const { browser, settings, cache } = await started().catch(async (error: unknown) => {
    await finishWork();
    throw error;
  });
  let complete = false;
  // The output being replaced, linked into the new output meanwhile (see `seedOutput`): the
  // output's to remove once opened, else discarded.
  let seed: OutputSeed | undefined;
  let seedTaken = false;
  // The new output's closing (see `OutputWriter.close`), awaited once the cache is saved: the
  // output it replaced is removed meanwhile.
  let closing: Promise<void> | undefined;
  try {
    // Up to date: nothing to render or write. Problems in loading are shown on every build, so never then.
    const upToDate = (written: UpToDate): BuildResult => {
      // The warnings the issues rendered with, stored with them: printed from their stored text,
      // made into messages only when asked for.
      const chunks = written.warnings;
      let warnings: readonly VFileMessage[] | undefined;
      const messages = () => (warnings ??= chunks.flatMap((chunk) => chunk.messages()));
      if (options.strict && chunks.some((chunk) => chunk.count > 0)) throw new ContentError([], messages());
      complete = true;
      const count = written.issues;
      return {
        outDir,
        get warnings() {
          return messages();
        },
        printedWarnings: () => printedChunks(chunks),
        counts: {
          issues: count,
          rendered: 0,
          skipped: count,
          pages: written.pages,
          pagesChanged: 0,
          pagesMade: 0,
          search: options.search === false ? 'off' : { built: 0, unchanged: written.searchBundles },
          pdfs: written.pdfs,
          pdfsRendered: 0,
          upToDate: true,
        },
        timings: timer.entries,
        cacheProblems: cache.problems,
        browser: browser && describeBrowser(browser),
        faces: [],
      };
    };
    // The stamp of an output found up to date held (see up-to-date-stamp.ts): nothing was loaded.
    if (cache.stamped) return upToDate(cache.stamped);
    const outputWalk = cache.outputWalk(outDir);
    seed = outputWalk && seedOutput(outDir, work.dir, outputWalk);
    // The spare output a build does not start from is left from an earlier one: stale.
    if (!seed) dropSpare(work.dir);
    // Loaded only now, once there is something to build: see phases.ts.
    const phases = await import('./phases.ts');
    const { loadContent, renderContent, checkTemplates, createNunjucksEngine, imageFiles, createPrinter, makeEdition, nameClashes, ISSUE_EDITIONS } = phases;
    const { readAssets, renderPages, pageFile, SearchInput, searchIndex, issueAttachments } = phases;
    const loaded = await phase('load', () => loadContent(contentDir, cache));
    const { site } = loaded;
    const key = outputKey(site.series, settings);
    const clean = loaded.errors.length === 0 && loaded.warnings.length === 0;
    const written = clean ? await phase('up-to-date check', () => cache.upToDate(site.issues, key, outDir)) : undefined;
    if (written) return upToDate(written);

    const engine = createNunjucksEngine(templatesDir);
    const onIssue = (done: number, total: number) => progress({ kind: 'issue', done, total });
    const { validation, errors } = await phase('validate', async () => {
      const templates = problemsIn(await checkTemplates(templatesDir, engine));
      const content = await renderContent(loaded, { cache, onIssue });
      return { validation: content, errors: [...content.errors, ...nameClashes(content.issues), ...templates.errors] };
    });
    const { issues } = validation;
    if (errors.length > 0 || (options.strict && validation.warnings.length > 0)) throw new ContentError(errors, validation.warnings);

    const images = await phase('images', () => imageFiles(issues, { cache }));
    const editionsDir = join(work.dir, 'editions');
    // One browser for every edition it makes, started by the first file to print.
    const printer = browser && createPrinter(pool ? { browser, pool } : { browser, profileDir: join(work.dir, 'chromium') });
    const context: EditionContext = {
      engine,
      series: site.series!,
      templatesDir,
      workDir: editionsDir,
      printer,
      images,
      shareImage: options.shareImage ?? true,
    };
    const downloads: EditionFile[] = [];
    // Making an edition acquires nothing (a browser starts with the first PDF to print).
    const editions = ISSUE_EDITIONS.flatMap((edition) => edition.download?.(context) ?? []);
    try {
      for (const edition of editions) {
        downloads.push(
          ...(await phase(edition.name, () =>
            makeEdition(edition, issues, {
              workDir: join(editionsDir, edition.name),
              cache,
              shard: options.shard,
              onFile: (done, total) => progress({ kind: 'download', label: edition.label, done, total }),
            }),
          )),
        );
      }
    } finally {
      await printer?.close();
    }
    // What making the downloads reported (a file the print page could not show), with the content's.
    const downloadWarnings = distinctMessages(downloads.flatMap((file) => file.warnings));
    // Made when asked for (see `Validation.warnings`).
    let all: readonly VFileMessage[] | undefined;
    const allWarnings = () => (all ??= [...validation.warnings, ...downloadWarnings]);
    if (options.strict && downloadWarnings.length > 0) throw new ContentError([], allWarnings());
    const pdfs = downloads.filter((file) => file.edition === 'pdf');
    // Each page is written as it is made, so no more than one page is held at a time.
    seedTaken = true;
    const output = await openOutput(outDir, work.dir, {
      removeInBackground: options.removeInBackground,
      seed,
      spareInBackground: options.removeInBackground === true && cache.walksOutput,
    });
    let made: number;
    let pagesChanged: number;
    let pagesMade = 0;
    let search: BuildCounts['search'] = 'off';
    // The issues' warnings as the cache stored them, with their printed text.
    let stored: readonly WarningChunk[] | undefined;
    try {
      const hashes = new Map<string, string>();
      const inputs = new Map<string, string>();
      // The files linked from the last build's output as it wrote them (see `BuildCache.keptPage`).
      const keptFiles = new Set<string>();
      const searchInput = (options.search ?? true) ? new SearchInput() : undefined;
      await phase('pages', async () => {
        // Done long since, but then kept pages are always compared with what the walk found.
        await cache.outputWalked();
        const assets = await readAssets(templatesDir);
        // Every issue's folder, made while the pages are. After the assets are read: the thread
        // pool is then busy with the folders, and a read would wait for them.
        output.prepare(issues.map((rendered) => rendered.issue.path));
        const shareImage = assets.find((file) => file.path === SHARE_IMAGE_ASSET);
        const add = (file: OutputFile, hash: string) => {
          hashes.set(file.path, hash);
          searchInput?.add(file, hash);
        };
        for (const page of renderPages(engine, site.series!, issues, downloads, { shareImage })) {
          // A page made from what the last build made it from is kept as that build wrote it.
          // Without a cache, no build keeps a page, and its inputs are not worked out.
          const made = cache.dir === undefined ? undefined : combineHashes([key, page.inputs()]);
          if (made !== undefined) inputs.set(page.path, made);
          const kept = made === undefined ? undefined : cache.keptPage(page.path, made, outDir);
          if (kept) {
            if (output.copy({ path: page.path, source: kept.source, link: true })) keptFiles.add(page.path);
            // Read only for the search index, which notes the pages it indexes.
            add({ path: page.path, contents: searchInput ? readFileSync(kept.source) : '' }, kept.hash);
          } else {
            const file = pageFile(page);
            add(file, contentHash(output.write(file)));
            pagesMade++;
          }
          await output.pause();
        }
        for (const file of assets) {
          add(file, contentHash(output.write(file)));
          await output.pause();
        }
      });
      pagesChanged = cache.recordPages(hashes);
      const files = [...hashes.keys()];
      if (searchInput) {
        const index = await phase('search index', () =>
          searchIndex(searchInput, { siteDir: output.dir, workDir: join(work.dir, 'search'), cache, write: (file) => output.write(file) }),
        );
        files.push(...index.files);
        search = { built: index.built, unchanged: index.unchanged };
      }
      // The photos' resized copies: made files like the pages, but neither indexed nor hashed.
      for (const image of [...images.values()].flat()) {
        output.write(image);
        files.push(image.path);
        await output.pause();
      }
      made = files.length;
      const copies = [...issues.flatMap(issueAttachments), ...downloads];
      const issueFiles = new Map(validation.issueFiles.map((file) => [file.path, file]));
      await phase('write', async () => {
        for (const file of copies) {
          // A content file copied from the same bytes last time is kept as that build wrote it.
          const kept = file.link ? undefined : cache.keptCopy(file.path, file.source, outDir);
          if (kept) inputs.set(file.path, kept.hash);
          const linked = output.copy(kept?.kept === undefined ? file : { path: file.path, source: kept.kept, link: true });
          if (linked && kept?.kept !== undefined) keptFiles.add(file.path);
          await output.pause();
        }
        await output.commit();
        stored = await cache.recordOutput(
          issues.map((rendered) => rendered.issue),
          {
            of: (source) => {
              const file = issueFiles.get(source);
              return file ? validation.warningsOf(file) : [];
            },
            onlyStored: (source) => {
              const file = issueFiles.get(source);
              return file !== undefined && validation.onlyStored(file);
            },
          },
          key,
          outDir,
          {
            files: [...files, ...copies.map((file) => file.path)],
            kept: keptFiles,
            inputs,
            pages: made,
            pdfs: pdfs.length,
            searchBundles: search === 'off' ? 0 : search.built + search.unchanged,
            stamp: clean,
          },
        );
      });
    } finally {
      closing = output.close();
      // Handled when awaited below; a failure meanwhile is not an unhandled rejection.
      closing.catch(() => undefined);
    }
    complete = true;
    // The stored chunks hold every issue's warnings in the order a build reports them: when there
    // are no others, they are all there are.
    const onlyChunks = stored && validation.otherWarnings === 0 && downloadWarnings.length === 0 ? stored : undefined;
    return {
      outDir,
      get warnings() {
        return allWarnings();
      },
      // From the text the cache stored when it holds exactly these warnings: formatted once.
      printedWarnings: () => (onlyChunks ? printedChunks(onlyChunks) : printedWarnings(allWarnings())),
      counts: {
        issues: issues.length,
        rendered: validation.rendered,
        skipped: validation.skipped,
        pages: made,
        pagesChanged,
        pagesMade,
        search,
        pdfs: pdfs.length,
        pdfsRendered: pdfs.filter((pdf) => pdf.made).length,
        upToDate: false,
      },
      timings: timer.entries,
      cacheProblems: cache.problems,
      browser: browser && describeBrowser(browser),
      faces: printer?.faces ?? [],
    };
  } finally {
    try {
      await timer.time('save cache', () => cache.save({ complete }));
    } finally {
      try {
        await closing;
        if (!seedTaken) await seed?.discard();
      } finally {
        await finishWork();
      }
    }
  }
}

/** The series' share picture among the templates' assets, for pages without their own. */
const SHARE_IMAGE_ASSET = 'assets/share.png';

/** The chunks' stored text, a chunk a part, as UTF-8 bytes read as each is printed (see `BuildResult.printedWarnings`). */
function* printedChunks(chunks: readonly WarningChunk[]): Generator<Uint8Array> {
  for (const chunk of chunks) if (chunk.count > 0) yield chunk.printed();
}

/**
 * What the whole output depends on besides the content: the settings that shape it and the
 * browser that prints, as JSON, and the hash of the templates (print stylesheets and assets included).
 */
function outputSettings(templatesDir: string, options: BuildOptions, browser: FoundBrowser | undefined): { settings: string; templates: string } {
  const settings = { pdf: browser?.version ?? false, search: options.search ?? true, shard: options.shard ?? null, shareImage: options.shareImage ?? true };
  return { settings: JSON.stringify(settings), templates: folderHash(resolve(templatesDir)) };
}

/** What the whole output depends on besides the issues: `outputSettings` and the series file. */
function outputKey(series: Series | undefined, { settings, templates }: { settings: string; templates: string }): string {
  return combineHashes(['output', settings, JSON.stringify(series ?? null), templates]);
}
