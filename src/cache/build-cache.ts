import { statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { DownloadEdition, Issue, OutputFile, RenderedIssue, Series } from '../model.ts';
import type { VFileMessage } from 'vfile-message';
import { type MessageData, restoredWarnings } from '../report/message-data.ts';
import { printedWarnings } from '../report/messages.ts';
import { BlobStore } from './blob-store.ts';
import { combineHashes, contentHash, fileHash } from './hash.ts';
import type { CachedRender, RenderStore, StoredRender, StoredText } from './store-render.ts';
import { jianbaoVersion } from './version.ts';

/** Bumped whenever the manifest's shape changes; an older manifest is then ignored. */
const FORMAT = 8;

const hex = z.string().regex(/^[0-9a-f]{64}$/);

/** A text kept in the blob store (an edition's HTML): its blob and its size in bytes. */
const storedText = z.strictObject({ blob: hex, bytes: z.number() });

const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  /** Hash of jianbao's code and the content folder: every entry depends on both. */
  key: hex,
  /** By issue file, relative to the content folder. */
  issues: z.record(
    z.string(),
    z.strictObject({
      markdown: hex,
      /** Each file the issue embeds (CSV, images), relative to the content folder → its hash. */
      dependencies: z.record(z.string(), hex),
      /** Blob holding what was rendered besides the HTML, as JSON (articles, tables, images). */
      rendered: hex,
      /** The HTML of the web page and of the print edition, each a blob of its own. */
      html: storedText,
      printHtml: storedText,
      /**
       * Blob holding the warnings it rendered with (typography, say), shown on every build until
       * fixed, as JSON; none without warnings. Kept out of the manifest, which every build reads whole.
       */
      warnings: hex.optional(),
    }),
  ),
  /**
   * By download edition (`pdf`), then by the key of one of its files (a hash of everything the
   * file is made from) → blob holding the file.
   */
  editions: z.record(z.string(), z.record(hex, hex)),
  /** Every page of the last build, by path in the output folder → hash of its bytes. */
  pages: z.record(z.string(), hex),
  /** Derived outputs made from many pages (the search index): their key and files → blobs. */
  outputs: z.record(z.string(), z.strictObject({ key: hex, files: z.record(z.string(), hex) })),
  /**
   * Every issue file loaded without problems, by path relative to the content folder: the hash of
   * its text and what loading made of it, with the series (`series`, its hash) it was loaded with.
   * Not checked field by field: kept only in a manifest proven to be this version's own (see
   * `readManifest`).
   */
  loaded: z
    .strictObject({
      series: hex,
      issues: z.record(z.string(), z.strictObject({ markdown: hex, fields: z.record(z.string(), z.unknown()) })),
    })
    .optional(),
  /** The output folder the last complete build wrote, to tell the next one it is up to date. */
  written: z
    .strictObject({
      /** Absolute path of the output folder. */
      dir: z.string(),
      /** Hash of the build's settings and every issue's rendered entry. */
      key: hex,
      /** Every file written, by path in the output folder → [size, mtime in ms] just after writing. */
      files: z.record(z.string(), z.tuple([z.number(), z.number()])),
      /**
       * Each page by path → the hash of what it was made from (`SitePage.inputs` with the build's
       * key): a page made from the same is not made again but kept (see `keptPage`).
       */
      inputs: z.record(z.string(), hex),
      /** Of those, the files the build made (pages, feed, assets, search index) and the PDFs. */
      pages: z.number(),
      pdfs: z.number(),
      /** Search bundles written, one a year. */
      searchBundles: z.number(),
      /**
       * Every issue's warnings (those of `issues`' entries, in the build's order), WARNING_CHUNK
       * issues a blob, as JSON: what an up-to-date build reports, read in a few reads rather than
       * one an issue. `of` is the hash of the chunk's issues and their warnings' blobs. Made by
       * an up-to-date build; a complete build keeps the last ones, so that the next up-to-date
       * build makes again only the chunks whose issues changed. `printed` is the chunk's warnings
       * as the CLI prints them (`printedWarnings`), a blob, with how many there are: printed
       * paths depend on the working folder and the issue paths as given, whose hash is `key`.
       * An up-to-date build prints them from there, without parsing and making 330,000 messages
       * again at 10,000 synthetic issues.
       */
      allWarnings: z.array(z.strictObject({ of: hex, blob: hex, printed: z.strictObject({ key: hex, blob: hex, count: z.number() }).optional() })).optional(),
    })
    .optional(),
});

type Manifest = z.infer<typeof manifestSchema>;
type IssueEntry = Manifest['issues'][string];
type Loaded = NonNullable<Manifest['loaded']>;

/** What loading an issue file gives besides the file's path and text (load/load-issue.ts). */
type LoadedFields = Omit<Issue, 'source' | 'markdown' | 'previous'>;

/**
 * Issues whose warnings share a blob of `written.allWarnings`: few reads, and no blob so large
 * that its text and what it parses to weigh on memory (a synthetic issue has 33 warnings, 13 kB).
 */
const WARNING_CHUNK = 250;

/** The output folder as the last build left it. */
export type WrittenOutput = NonNullable<Manifest['written']>;

/** The output the last build wrote, up to date, with the warnings its issues rendered with. */
export interface UpToDate extends WrittenOutput {
  /** The warnings, in WARNING_CHUNK issues' parts, in the issues' order. */
  readonly warnings: readonly WarningChunk[];
}

/** The warnings of some issues, stored together (see `written.allWarnings` in the manifest). */
export interface WarningChunk {
  readonly count: number;
  /** As the CLI prints them (see `printedWarnings`), relative to the working folder; '' without any. */
  readonly printed: string;
  /** As messages, made when asked for (by `--strict`, or by a caller of `build`). */
  messages(): readonly VFileMessage[];
}

type StoredChunk = NonNullable<WrittenOutput['allWarnings']>[number];

export interface BuildCacheOptions {
  /** The cache folder; undefined turns caching off. */
  readonly dir: string | undefined;
  /** The content folder: issue and dependency paths are stored relative to it. */
  readonly contentDir: string;
  /**
   * Other caches to take entries from, read-only, when this one lacks them: the caches of a
   * sharded build's jobs, so that assembling them renders nothing again.
   * @default []
   */
  readonly from?: readonly string[];
  /**
   * Without a cache folder, a folder of the build's own where rendered HTML waits until the
   * pages and downloads are made from it (see `keepIssue`); without either, it stays in memory.
   */
  readonly scratchDir?: string | undefined;
}

/** A cache on disk as read at the start of the build. */
interface Source {
  readonly manifest: Manifest;
  readonly blobs: BlobStore;
}

/**
 * The incremental build's memory, in a folder the build owns (`.cache/jianbao/` beside the
 * content by default): `manifest.json` says which inputs gave which outputs, `blobs/` holds the
 * outputs by content hash. An entry is used only when the hash of every input matches; anything
 * unreadable — truncated JSON, a missing blob, bytes that do not match their hash — is a miss and
 * is rebuilt. Deleting the folder only costs time.
 */
export class BuildCache {
  readonly dir: string | undefined;
  /** Why (part of) the cache on disk could not be used, for a warning. */
  readonly problems: string[] = [];
  readonly #contentDir: string;
  readonly #blobs: BlobStore | undefined;
  /** Where rendered HTML is kept during the build: the blobs, or without them the scratch folder. */
  readonly #kept: BlobStore | undefined;
  /** This cache as the last build left it, then the caches given in `from`. */
  readonly #sources: readonly Source[];
  #previous: Manifest;
  #next: Manifest;
  #changed = false;
  /** The hash of each issue file's text, by path as given, hashed once a build (see `#markdownHash`). */
  readonly #hashes = new Map<string, { readonly markdown: string; readonly hash: string }>();
  /** The hash of the series the issues were loaded with. */
  #series: { readonly series: Series; readonly hash: string } | undefined;

  private constructor(options: BuildCacheOptions, key: string, previous: Manifest | undefined, extras: readonly Source[]) {
    this.dir = options.dir;
    this.#contentDir = resolve(options.contentDir);
    this.#blobs = options.dir === undefined ? undefined : new BlobStore(join(options.dir, 'blobs'));
    this.#kept = this.#blobs ?? (options.scratchDir === undefined ? undefined : new BlobStore(options.scratchDir));
    const empty = (): Manifest => ({ format: FORMAT, key, issues: {}, editions: {}, pages: {}, outputs: {} });
    this.#previous = previous?.key === key ? previous : empty();
    this.#next = empty();
    this.#sources = this.#blobs ? [{ manifest: this.#previous, blobs: this.#blobs }, ...extras.filter((extra) => extra.manifest.key === key)] : [];
  }

  static async open(options: BuildCacheOptions): Promise<BuildCache> {
    const key = combineHashes(String(FORMAT), await jianbaoVersion(), resolve(options.contentDir));
    if (options.dir === undefined) return new BuildCache(options, key, undefined, []);
    const problems: string[] = [];
    const [previous, ...extras] = await Promise.all([options.dir, ...(options.from ?? [])].map((dir) => readManifest(dir, problems)));
    const sources = (options.from ?? []).flatMap((dir, index) => {
      const manifest = extras[index];
      return manifest ? [{ manifest, blobs: new BlobStore(join(dir, 'blobs')) }] : [];
    });
    const cache = new BuildCache(options, key, previous, sources);
    cache.problems.push(...problems);
    return cache;
  }

  #relative(path: string): string {
    return relative(this.#contentDir, resolve(path)).split('\\').join('/');
  }

  /** The hash of an issue file's text, as its entries key it: hashed once, when loaded. */
  #markdownHash(source: string, markdown: string): string {
    const known = this.#hashes.get(source);
    if (known?.markdown === markdown) return known.hash;
    const hash = contentHash(markdown);
    this.#hashes.set(source, { markdown, hash });
    return hash;
  }

  #seriesHash(series: Series): string {
    if (this.#series?.series !== series) this.#series = { series, hash: contentHash(JSON.stringify(series)) };
    return this.#series.hash;
  }

  #loaded(series: Series): Loaded {
    this.#next.loaded ??= { series: this.#seriesHash(series), issues: {} };
    return this.#next.loaded;
  }

  /**
   * What loading made of the issue file at `source` last time, when its text and the series are
   * the same: its frontmatter then need not be parsed and checked again. The file is still read
   * and hashed, so that any change to its bytes is seen.
   */
  recall(source: string, markdown: string, series: Series): LoadedFields | undefined {
    if (!this.#blobs) return undefined;
    const previous = this.#previous.loaded;
    if (previous?.series !== this.#seriesHash(series)) return undefined;
    const name = this.#relative(source);
    const entry = previous.issues[name];
    if (entry?.markdown !== this.#markdownHash(source, markdown)) return undefined;
    this.#loaded(series).issues[name] = entry;
    return entry.fields as unknown as LoadedFields;
  }

  /** Remember an issue as loaded, for `recall` in the next build. */
  remember(issue: Issue, series: Series): void {
    if (!this.#blobs) return;
    const { source, markdown, previous: _, ...fields } = issue;
    this.#loaded(series).issues[this.#relative(source)] = { markdown: this.#markdownHash(source, markdown), fields: { ...fields } };
    this.#changed = true;
  }

  /**
   * The issue as last rendered, with the warnings it rendered with, when its Markdown and every
   * file it embeds are unchanged. Its HTML stays in the blob store, read when a page or file is
   * made from it (see `keepIssue`).
   */
  async issue(issue: Issue): Promise<{ rendered: RenderedIssue; warnings: readonly MessageData[] } | undefined> {
    const name = this.#relative(issue.source);
    // Hashed only when there is an entry to compare with: a cold build has none.
    let markdownHash: string | undefined;
    for (const { manifest, blobs } of this.#sources) {
      const entry = manifest.issues[name];
      if (!entry || entry.markdown !== (markdownHash ??= this.#markdownHash(issue.source, issue.markdown)) || !this.#unchanged(entry.dependencies)) continue;
      const found = await this.#readEntry(entry, blobs);
      if (!found) {
        this.problems.push(`the rendered ${name} was missing or corrupt`);
        continue;
      }
      this.#next.issues[name] = entry;
      const dependencies = Object.keys(entry.dependencies).map((path) => join(this.#contentDir, path));
      const hash = renderedHash(issue, entry.markdown, entry.rendered, entry);
      return { rendered: keptRender({ ...found.render, issue, dependencies }, this.#blobs!, entry, hash), warnings: found.warnings };
    }
    return undefined;
  }

  /**
   * An entry's rendered blob and warnings, read and checked, and its HTML found in place (the
   * size only: its hash is checked when it is read). Blobs from another cache are copied into
   * this one, whose store the rendered issue then reads.
   */
  async #readEntry(entry: IssueEntry, blobs: BlobStore): Promise<{ render: CachedRender; warnings: readonly MessageData[] } | undefined> {
    const bytes = await blobs.read(entry.rendered);
    const render = bytes && parseRender(bytes);
    const warningBytes = entry.warnings === undefined ? undefined : await blobs.read(entry.warnings);
    const warnings = entry.warnings === undefined ? [] : warningBytes && parseWarnings(warningBytes);
    if (!render || !warnings) return undefined;
    if (blobs === this.#blobs)
      return this.#blobs.has(entry.html.blob, entry.html.bytes) && this.#blobs.has(entry.printHtml.blob, entry.printHtml.bytes)
        ? { render, warnings }
        : undefined;
    for (const id of [entry.html.blob, entry.printHtml.blob]) {
      const copied = await blobs.read(id);
      if (copied === undefined) return undefined;
      await this.#blobs!.write(copied);
    }
    await this.#blobs!.write(bytes);
    if (warningBytes) await this.#blobs!.write(warningBytes);
    this.#changed = true;
    return { render, warnings };
  }

  /** Whether every file still has the hash it had. */
  #unchanged(files: Readonly<Record<string, string>>): boolean {
    return Object.entries(files).every(([path, hash]) => fileHash(join(this.#contentDir, path)) === hash);
  }

  /**
   * The output the last build wrote into `outDir`, when it is still there untouched (every file
   * with the size and time it was written with) and would be written again the same: the same
   * `key` (the build's settings, templates and series) and every issue unchanged — its Markdown
   * and the files it embeds — with the warnings the issues rendered with, read from their blobs.
   * Nothing else is read from the blobs; the cache then carries over as it is.
   */
  async upToDate(issues: readonly Issue[], key: string, outDir: string): Promise<UpToDate | undefined> {
    const written = this.#previous.written;
    if (!this.#blobs || written?.dir !== resolve(outDir) || issues.length !== Object.keys(this.#previous.issues).length) return undefined;
    const entries: [string, IssueEntry][] = [];
    for (const issue of issues) {
      const name = this.#relative(issue.source);
      const entry = this.#previous.issues[name];
      if (entry?.markdown !== this.#markdownHash(issue.source, issue.markdown)) return undefined;
      entries.push([name, entry]);
    }
    if (writtenKey(key, entries) !== written.key) return undefined;
    if (!this.#unchanged(Object.assign({}, ...entries.map(([, entry]) => entry.dependencies)))) return undefined;
    if (!intact(written)) return undefined;
    // In the order a complete build reports them: by issue file path (see find-issues.ts), not
    // newest first as the issues are listed.
    const order = issues.map((_, index) => index).sort((a, b) => (issues[a]!.source < issues[b]!.source ? -1 : 1));
    const all = await this.#allWarnings(
      written,
      order.map((index) => entries[index]!),
      order.map((index) => issues[index]!),
    );
    if (!all) return undefined;
    // What this build loaded is what the last one did: its text hashes and the series are the same.
    this.#next = { ...this.#previous, ...(this.#next.loaded && { loaded: this.#next.loaded }), written: { ...written, allWarnings: all.chunks } };
    if (all.made) this.#changed = true;
    return { ...written, warnings: all.warnings };
  }

  /**
   * The warnings of every issue of the written output (`issues`, whose entries are `entries`), in
   * its order, and the chunks holding them (`written.allWarnings`): each printed from its chunk's
   * stored text when the chunk's issues, their warnings and how they print are the same; else
   * read from the chunk's data, or from each issue's blob, and then stored (`made`).
   */
  async #allWarnings(
    written: WrittenOutput,
    entries: readonly (readonly [string, IssueEntry])[],
    issues: readonly Issue[],
  ): Promise<{ warnings: WarningChunk[]; chunks: StoredChunk[]; made: boolean } | undefined> {
    const blobs = this.#blobs!;
    const stored = new Map((written.allWarnings ?? []).map((chunk) => [chunk.of, chunk]));
    const cwd = process.cwd();
    const warnings: WarningChunk[] = [];
    const chunks: StoredChunk[] = [];
    let made = false;
    for (let start = 0; start < entries.length; start += WARNING_CHUNK) {
      const part = entries.slice(start, start + WARNING_CHUNK);
      const sources = issues.slice(start, start + WARNING_CHUNK).map((issue) => issue.source);
      const of = combineHashes(...part.flatMap(([name, entry]) => [name, entry.warnings ?? '']));
      const key = combineHashes(of, cwd, ...sources);
      const chunk = stored.get(of);
      const printed = chunk?.printed?.key === key ? blobs.readSync(chunk.printed.blob) : undefined;
      if (chunk?.printed && printed) {
        const blob = chunk.blob;
        warnings.push({ count: chunk.printed.count, printed: printed.toString('utf8'), messages: () => chunkMessages(blobs, blob, part, sources) });
        chunks.push(chunk);
        continue;
      }
      let data = chunk && parseChunk(blobs.readSync(chunk.blob), part.length);
      if (chunk && (!data || chunk.printed?.key === key)) this.problems.push('the stored warnings were missing or corrupt');
      let blob = chunk?.blob;
      if (!data || blob === undefined) {
        const read: MessageData[][] = [];
        for (const [, entry] of part) {
          const found = entry.warnings === undefined ? [] : parseWarnings(blobs.readSync(entry.warnings));
          if (!found) return undefined;
          read.push(found);
        }
        data = read;
        blob = await blobs.write(Buffer.from(JSON.stringify(read)));
      }
      const messages = restoredWarnings(sources.map((source, index) => ({ source, warnings: data[index]! })));
      const text = [...printedWarnings(messages, cwd)].join('');
      warnings.push({ count: messages.length, printed: text, messages: () => messages });
      chunks.push({ of, blob, printed: { key, blob: await blobs.write(Buffer.from(text)), count: messages.length } });
      made = true;
    }
    return { warnings, chunks, made };
  }

  /**
   * Note what a complete build wrote into `outDir`, for `upToDate`. Left out when an issue is
   * not in the cache (it had errors).
   */
  recordOutput(
    issues: readonly Issue[],
    key: string,
    outDir: string,
    info: {
      readonly files: readonly string[];
      /** Each page's inputs, for `keptPage`. */
      readonly inputs: ReadonlyMap<string, string>;
      readonly pages: number;
      readonly pdfs: number;
      readonly searchBundles: number;
    },
  ): void {
    if (!this.#blobs) return;
    const entries = issues.map((issue): [string, IssueEntry | undefined] => {
      const name = this.#relative(issue.source);
      return [name, this.#next.issues[name]];
    });
    if (entries.some(([, entry]) => entry === undefined)) return;
    const dir = resolve(outDir);
    const files: WrittenOutput['files'] = {};
    for (const path of info.files) {
      const { size, mtimeMs } = statSync(join(dir, path));
      files[path] = [size, mtimeMs];
    }
    this.#next.written = {
      dir,
      key: writtenKey(key, entries as [string, IssueEntry][]),
      files,
      inputs: Object.fromEntries(info.inputs),
      pages: info.pages,
      pdfs: info.pdfs,
      searchBundles: info.searchBundles,
      // The chunks of unchanged issues stay good: kept for the next up-to-date build.
      ...(this.#previous.written?.allWarnings && { allWarnings: this.#previous.written.allWarnings }),
    };
    this.#changed = true;
  }

  /**
   * Where rendered issues are stored, by `storeRender` on the thread that rendered them; given
   * to `keepIssue` then. Undefined keeps them in memory (no cache and no scratch folder).
   */
  get renderStore(): RenderStore | undefined {
    return this.#kept && { blobs: this.#kept, entries: this.#blobs !== undefined };
  }

  /**
   * Remember a freshly rendered issue, stored in `renderStore` with the warnings it rendered
   * with. Gives the issue to hold from here on, whose HTML (`html`, `printHtml`) stays in the
   * blob store — the scratch folder without a cache — and is read each time it is asked for: a
   * build holds no issue's HTML longer than it takes to make one page or file from it.
   */
  keepIssue(issue: Issue, stored: StoredRender): RenderedIssue {
    const found = stored.entry;
    const kept = keptRender({ ...stored.fields, issue }, this.#kept!, stored, found && renderedHash(issue, found.markdown, found.rendered, stored));
    if (!this.#blobs || !found) return kept;
    const dependencies: Record<string, string> = {};
    for (const [index, path] of stored.fields.dependencies.entries()) dependencies[this.#relative(path)] = found.dependencies[index]!;
    const entry: IssueEntry = {
      markdown: found.markdown,
      dependencies,
      rendered: found.rendered,
      html: stored.html,
      printHtml: stored.printHtml,
      // Through JSON: no undefined fields.
      ...(found.warnings === undefined ? {} : { warnings: found.warnings }),
    };
    this.#next.issues[this.#relative(issue.source)] = entry;
    this.#changed = true;
    return kept;
  }

  /**
   * The page at `path` as the last build wrote it into `outDir`, when it was made from the same
   * `inputs` and its file is still there untouched (the size and time it was written with): the
   * file, to keep, and the hash of its bytes. Undefined when the page is to be made.
   */
  keptPage(path: string, inputs: string, outDir: string): { readonly source: string; readonly hash: string } | undefined {
    const written = this.#previous.written;
    const hash = this.#previous.pages[path];
    const stat = written?.files[path];
    if (written?.inputs[path] !== inputs || hash === undefined || stat === undefined || written.dir !== resolve(outDir)) return undefined;
    return fileIntact(written.dir, path, stat) ? { source: join(written.dir, path), hash } : undefined;
  }

  /** Note the pages this build writes, by path → hash of their bytes; gives how many differ from the last build's. */
  recordPages(pages: ReadonlyMap<string, string>): number {
    let changed = 0;
    for (const [path, hash] of pages) {
      if (this.#previous.pages[path] !== hash) changed++;
      this.#next.pages[path] = hash;
    }
    if (changed > 0 || pages.size !== Object.keys(this.#previous.pages).length) this.#changed = true;
    return changed;
  }

  /**
   * The files `make` gives for `key`, from the cache when the last build stored them under the
   * same key and every one is intact; `name` is the slot (one key per name is kept).
   */
  async output(name: string, key: string, make: () => Promise<OutputFile[]>): Promise<{ files: OutputFile[]; cached: boolean }> {
    const entry = this.#previous.outputs[name];
    if (this.#blobs && entry?.key === key) {
      const blobs = this.#blobs;
      const files = await Promise.all(Object.entries(entry.files).map(async ([path, id]) => ({ path, contents: await blobs.read(id) })));
      if (files.every((file) => file.contents !== undefined)) {
        this.#next.outputs[name] = entry;
        return { files: files as OutputFile[], cached: true };
      }
      this.problems.push(`a stored file of the ${name} was missing or corrupt`);
    }
    const files = await make();
    if (this.#blobs) {
      const blobs = this.#blobs;
      const stored: Record<string, string> = {};
      await Promise.all(files.map(async (file) => (stored[file.path] = await blobs.write(file.contents))));
      this.#next.outputs[name] = { key, files: stored };
      this.#changed = true;
    }
    return { files, cached: false };
  }

  /**
   * Put the file of `edition` stored under `key` at `target`; false when there is none or it is
   * corrupt.
   */
  async restoreEdition(edition: Pick<DownloadEdition, 'name' | 'label'>, key: string, target: string): Promise<boolean> {
    for (const { manifest, blobs } of this.#sources) {
      const blob = manifest.editions[edition.name]?.[key];
      if (blob === undefined) continue;
      if (blobs !== this.#blobs) {
        const bytes = await blobs.read(blob);
        if (bytes === undefined) continue;
        await this.#blobs!.write(bytes);
        this.#changed = true;
      }
      if (!(await this.#blobs!.copyTo(blob, target))) {
        this.problems.push(`a cached ${edition.label} was missing or corrupt`);
        continue;
      }
      (this.#next.editions[edition.name] ??= {})[key] = blob;
      return true;
    }
    return false;
  }

  /** Remember the file of `edition` just written at `path` under `key`. */
  async storeEdition(edition: Pick<DownloadEdition, 'name'>, key: string, path: string): Promise<void> {
    if (!this.#blobs) return;
    const blob = await this.#blobs.import(path);
    (this.#next.editions[edition.name] ??= {})[key] = blob;
    this.#changed = true;
  }

  /**
   * Write the manifest (atomically) when anything changed. After a `complete` build the
   * manifest holds exactly what this build used and unused blobs are deleted; after a failed
   * one the previous entries are kept too, so fixing one issue does not cost the others.
   */
  async save({ complete }: { readonly complete: boolean }): Promise<void> {
    if (this.dir === undefined || !this.#blobs) return;
    const dropped =
      Object.keys(this.#previous.issues).length !== Object.keys(this.#next.issues).length ||
      editionFiles(this.#previous).length !== editionFiles(this.#next).length;
    if (!this.#changed && !(complete && dropped) && this.problems.length === 0) return;
    const manifest: Manifest = complete
      ? this.#next
      : {
          ...this.#next,
          issues: { ...this.#previous.issues, ...this.#next.issues },
          loaded: this.#next.loaded ?? this.#previous.loaded,
          editions: mergeEditions(this.#previous.editions, this.#next.editions),
          pages: this.#previous.pages,
          written: this.#previous.written,
          outputs: { ...this.#previous.outputs, ...this.#next.outputs },
        };
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, 'manifest.json');
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, withCheck(manifest));
    await rename(temporary, path);
    this.#previous = manifest;
    if (complete) {
      const outputs = Object.values(manifest.outputs).flatMap((output) => Object.values(output.files));
      const warnings = (manifest.written?.allWarnings ?? []).flatMap((chunk) => [chunk.blob, ...(chunk.printed ? [chunk.printed.blob] : [])]);
      await this.#blobs.prune(new Set([...Object.values(manifest.issues).flatMap(issueBlobs), ...editionFiles(manifest), ...outputs, ...warnings]));
    }
  }
}

/** The blobs an issue's entry names. */
function issueBlobs(entry: IssueEntry): string[] {
  return [entry.rendered, entry.html.blob, entry.printHtml.blob, ...(entry.warnings === undefined ? [] : [entry.warnings])];
}

/** The blobs of every edition's files. */
function editionFiles(manifest: Manifest): string[] {
  return Object.values(manifest.editions).flatMap((files) => Object.values(files));
}

/** The entries of both, edition by edition; `newer`'s win. */
function mergeEditions(older: Manifest['editions'], newer: Manifest['editions']): Manifest['editions'] {
  const merged: Manifest['editions'] = {};
  for (const name of new Set([...Object.keys(older), ...Object.keys(newer)])) merged[name] = { ...older[name], ...newer[name] };
  return merged;
}

/** The key of an output: the build's own key, then each issue with its inputs and rendering. */
function writtenKey(key: string, entries: readonly (readonly [string, IssueEntry])[]): string {
  return combineHashes(key, ...entries.flatMap(([name, entry]) => [name, ...issueBlobs(entry), ...Object.entries(entry.dependencies).flat()]));
}

/**
 * Whether every file is still there with the size and modification time it was written with.
 * Synchronous, as thousands of small stats are cheaper than their round trips to the thread pool.
 */
function intact(written: WrittenOutput): boolean {
  return Object.entries(written.files).every(([path, stat]) => fileIntact(written.dir, path, stat));
}

/** Whether the file at `path` in `dir` has the size and modification time it was written with. */
function fileIntact(dir: string, path: string, [size, mtime]: readonly [number, number]): boolean {
  const found = statSync(join(dir, path), { throwIfNoEntry: false });
  return found !== undefined && found.size === size && found.mtimeMs === mtime;
}

/** The manifest in `dir`, or undefined when there is none or it is damaged (noted in `problems`). */
async function readManifest(dir: string, problems: string[]): Promise<Manifest | undefined> {
  const path = join(dir, 'manifest.json');
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new Error(`Cannot read the build cache ${path} (${error.code}); delete the folder or pass --no-cache`, { cause: error });
  });
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    // Written by a build whole and unaltered: its shape is the one its version writes, and one of
    // another version has another key and is not used (10,000 issues would take a second to check).
    if (checked(text) && (value as { format?: unknown }).format === FORMAT) {
      const { check: _, ...manifest } = value as Manifest & { check: string };
      return manifest;
    }
    const parsed = manifestSchema.safeParse(value);
    // What loading made of each issue is not checked: dropped unless proven this version's.
    if (parsed.success) return { ...parsed.data, loaded: undefined };
    problems.push(`${path} does not have the expected shape`);
  } catch (error) {
    problems.push(`${path} is not valid JSON (${(error as Error).message})`);
  }
  return undefined;
}

/** Where the manifest's text starts with a hash of the rest: `{"check":"<hash>",`. */
const CHECK = /^\{"check":"([0-9a-f]{64})",/;

/**
 * The manifest as JSON with a `check` field first: the hash of the JSON the manifest is without
 * it, which shows that the file is the whole of what a build wrote.
 */
function withCheck(manifest: Manifest): string {
  const text = JSON.stringify(manifest);
  return `{"check":"${contentHash(text)}",${text.slice(1)}`;
}

/** Whether the manifest's text is as `withCheck` wrote it. */
function checked(text: string): boolean {
  const found = CHECK.exec(text);
  return found !== null && contentHash(`{${text.slice(found[0].length)}`) === found[1];
}

/**
 * A rendered issue's `hash`: its file, the hash of its text and the issue before it (what loading
 * made it from, with the series), and the blobs of what it rendered to.
 */
function renderedHash(issue: Issue, markdown: string, rendered: string, stored: { readonly html: StoredText; readonly printHtml: StoredText }): string {
  return combineHashes(issue.source, markdown, issue.previous ?? '', rendered, stored.html.blob, stored.printHtml.blob);
}

/**
 * The rendered issue whose HTML is kept in `store` (see `BuildCache.keepIssue`): each read of
 * `html` or `printHtml` reads its blob and checks it. A blob changed since it was stored is an
 * error (the read deleted it, so the next build renders the issue again).
 */
function keptRender(
  fields: Omit<RenderedIssue, 'html' | 'printHtml'>,
  store: BlobStore,
  stored: { readonly html: StoredText; readonly printHtml: StoredText },
  hash: string | undefined,
): RenderedIssue {
  const read = (text: StoredText) => {
    const bytes = store.readSync(text.blob);
    if (bytes === undefined) {
      throw new Error(`The HTML of ${fields.issue.source} kept in ${store.dir} was changed or removed during the build; build again, which renders it anew`);
    }
    return bytes.toString('utf8');
  };
  // Getters, not fields: a copy made by spreading reads the HTML rather than losing it.
  return {
    ...fields,
    hash,
    get html() {
      return read(stored.html);
    },
    get printHtml() {
      return read(stored.printHtml);
    },
  };
}

function parseRender(bytes: Buffer): CachedRender | undefined {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as unknown;
    return value && typeof value === 'object' && Array.isArray((value as { articles?: unknown }).articles) ? (value as CachedRender) : undefined;
  } catch {
    return undefined;
  }
}

/** A chunk's warnings (see `written.allWarnings`), issue by issue, when they are there for `issues` issues. */
function parseChunk(bytes: Buffer | undefined, issues: number): MessageData[][] | undefined {
  const found = parseWarnings(bytes);
  return found?.length === issues && found.every(Array.isArray) ? (found as unknown as MessageData[][]) : undefined;
}

/**
 * The messages of a chunk printed from its stored text, made when asked for: from the chunk's
 * data, or when that is damaged from each issue's warnings (`part`, the chunk's issue entries).
 */
function chunkMessages(blobs: BlobStore, blob: string, part: readonly (readonly [string, IssueEntry])[], sources: readonly string[]): readonly VFileMessage[] {
  const data =
    parseChunk(blobs.readSync(blob), part.length) ??
    part.map(([name, entry]) => {
      const found = entry.warnings === undefined ? [] : parseWarnings(blobs.readSync(entry.warnings));
      if (!found) throw new Error(`The warnings of ${name} kept in ${blobs.dir} were changed or removed during the build; build again`);
      return found;
    });
  return restoredWarnings(sources.map((source, index) => ({ source, warnings: data[index]! })));
}

/**
 * The warnings a blob holds. Their shape is not checked field by field as the manifest's is: the
 * blob's bytes were checked against its name, so they are what a build of this version wrote,
 * and an up-to-date build of 10,000 issues would spend a second checking 330,000 of them.
 */
function parseWarnings(bytes: Buffer | undefined): MessageData[] | undefined {
  if (bytes === undefined) return undefined;
  try {
    const value = JSON.parse(bytes.toString('utf8')) as unknown;
    return Array.isArray(value) ? (value as MessageData[]) : undefined;
  } catch {
    return undefined;
  }
}
