import { existsSync, mkdirSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import type { DownloadEdition, Issue, OutputFile, RenderedIssue, Series } from '../model.ts';
import type { VFileMessage } from 'vfile-message';
import { type MessageData, restoredWarnings, toMessageData } from '../report/message-data.ts';
import { printedText } from '../report/messages.ts';
import { lineAt } from '../util/text-bytes.ts';
import { readIssueFile } from '../load/read-issue-file.ts';
import { holdsIssueFiles } from '../load/find-issues.ts';
import { BlobStore } from './blob-store.ts';
import { ChangedDuringBuildError } from './changed-during-build.ts';
import { combineHashes, contentHash, fileHash } from './hash.ts';
import {
  blobSize,
  type CachedRender,
  type IssueBlob,
  type IssuePart,
  partOf,
  readPart,
  readParts,
  type RenderStore,
  type StoredRender,
} from './store-render.ts';
import {
  FORMAT,
  type IssueEntry,
  joinManifest,
  type Loaded,
  type Manifest,
  type ManifestHead,
  partBlobs,
  readManifestHead,
  writeManifest,
  type WrittenOutput,
} from './manifest.ts';
import { jianbaoVersion } from './version.ts';
import { type FolderWalk, walkFolders } from '../util/walk-folder.ts';
import { isInside } from '../util/inside.ts';
import { sharedTable } from '../table/table-record.ts';
import { OUTPUT_MARKER } from '../output/output-folder.ts';
import { contentDigests, outputDigest, readStamp, removeStamp, type Stamp, writeStamp } from './up-to-date-stamp.ts';

/**
 * A file in the cache folder while a build may have written blobs that no manifest names yet
 * (see `BuildCache.#markUnsaved`).
 */
const UNSAVED = 'unsaved';

/** What loading an issue file gives besides the file's path and text (load/load-issue.ts). */
type LoadedFields = Omit<Issue, 'source' | 'markdown' | 'previous'>;

/**
 * Issues whose warnings share a blob of `written.allWarnings`: few reads, and no blob so large
 * that its text and what it parses to weigh on memory (a synthetic issue has 33 warnings, 13 kB).
 */
const WARNING_CHUNK = 250;

/**
 * Issues whose renders share a blob of `renders`, on average: a chunk ends after an issue whose
 * name's hash is a multiple of it (content-defined, as rsync cuts files), so adding or removing
 * an issue changes its own chunk only, not every chunk after it.
 */
const RENDER_CHUNK = 250;

/** The output the last build wrote, up to date: what it holds, with the warnings its issues rendered with. */
export interface UpToDate {
  readonly issues: number;
  /** Files made (pages, feed, assets, search index), PDFs and search bundles, as `WrittenOutput` counts them. */
  readonly pages: number;
  readonly pdfs: number;
  readonly searchBundles: number;
  /** The warnings, in WARNING_CHUNK issues' parts, in the issues' order. */
  readonly warnings: readonly WarningChunk[];
}

/** The warnings of some issues, stored together (see `written.allWarnings` in the manifest). */
export interface WarningChunk {
  readonly count: number;
  /**
   * As the CLI prints them (see `printedWarnings`), relative to the working folder, as UTF-8;
   * empty without any. Bytes, not a string: printed without being encoded again. Read from the
   * cache when asked for, one chunk at a time: the text of 10,000 synthetic issues' warnings is
   * 48 MB, which a build held to its end, and the memory it takes grows with the archive.
   */
  printed(): Buffer;
  /** As messages, made when asked for (by `--strict`, or by a caller of `build`). */
  messages(): readonly VFileMessage[];
}

/** The issues' warnings, by issue file, as a complete build reports them (for `recordOutput`). */
export interface IssueWarnings {
  /** The issue's warnings, as messages. */
  of(source: string): readonly VFileMessage[];
  /** Whether they are all warnings its render stored with it (see `storeRender`): none was found outside it. */
  onlyStored(source: string): boolean;
}

type StoredChunk = NonNullable<WrittenOutput['allWarnings']>[number];

/** Where an issue's render is in the chunks of `renders`: the chunk's blob, how many it holds, and which. */
interface RenderPlace {
  readonly blob: string;
  readonly size: number;
  readonly index: number;
}

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
  /**
   * When the build started, in ms since the epoch: files changed less than RACY_MS before are
   * read again by the next build (see `settled`). Tests set a later time to have the files they
   * just wrote count as settled.
   * @default Date.now()
   */
  readonly start?: number;
  /**
   * The output folder the build writes, whose files are compared with the sizes and times the
   * last build wrote them with (see `upToDate`, `keptPage`).
   * @default none
   */
  readonly outDir?: string;
  /**
   * The manifest's size in bytes from which the content and output folders are each walked on
   * another thread (`walkFolders`) as the manifest is read, for the stats a rebuild compares,
   * rather than stat'ed a file at a time on this one; 0 walks them always. A first build, without
   * a manifest, walks when its issue files would make one that size (ENTRY_BYTES an issue). A
   * file changed after its walk is noticed by the next build, which compares it again.
   * @default WALK_FROM
   */
  readonly walkFrom?: number;
  /**
   * The build's settings and folders, for the stamp of an output found up to date (see
   * up-to-date-stamp.ts): with a stamp made with this key whose walks match, the cache is
   * `stamped` and reads no manifest; an up-to-date build with walks leaves such a stamp.
   * @default none: no stamp is read or written
   */
  readonly stampKey?: string;
  /**
   * Take unchanged issues from the cache and write nothing into it: what `check` and `pdf` do,
   * which keep what they render in `scratchDir`. `from` is not read then.
   * @default false
   */
  readonly readOnly?: boolean;
}

/**
 * The size of a manifest (about 2 kB an issue) from which the folders are walked (see
 * `BuildCacheOptions.walkFrom`): about 2,000 issues, whose output and content hold some 4,000
 * files each, where a walk's 80 ms start begins to pay.
 */
const WALK_FROM = 4_000_000;

/** What a manifest holds an issue, in bytes: a first build, without one, walks from WALK_FROM / ENTRY_BYTES issue files. */
const ENTRY_BYTES = 2_000;

/** A folder being walked (see `BuildCacheOptions.walkFrom`): `walk` set once done. */
interface WalkedFolder {
  readonly dir: string;
  walk: FolderWalk | undefined;
  readonly done: Promise<void>;
}

/** The folders a build walks: the content, and the output when it has one. */
interface Walks {
  readonly content: WalkedFolder;
  readonly output: WalkedFolder | undefined;
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
  /** The content folder as given, normalised, with a separator at the end (see `#relative`). */
  readonly #contentPrefix: string;
  readonly #blobs: BlobStore | undefined;
  /**
   * The manifest the build started from, when it is this version's own: the blobs it names and the
   * new one does not are what a complete build deletes (see `#prune`).
   */
  readonly #started: Manifest | undefined;
  /** UNSAVED was there when the build started: a build before it may have left blobs no manifest names. */
  #unclean = false;
  /** This build wrote UNSAVED. */
  #marked = false;
  /** Blobs a render worker stored in the cache without an entry (see `keepIssue`): no manifest names them. */
  readonly #unnamed = new Set<string>();
  /** Where rendered HTML is kept during the build: the blobs, or without them (or read-only) the scratch folder. */
  readonly #kept: BlobStore | undefined;
  /** See `BuildCacheOptions.readOnly`. */
  readonly #readOnly: boolean;
  /** This cache as the last build left it, then the caches given in `from`. */
  readonly #sources: readonly Source[];
  #previous: Manifest;
  #next: Manifest;
  #changed = false;
  /**
   * The hash of each issue file's text, by path as given, hashed once a build (see `#markdownHash`);
   * for a file not read, as its stat showed it unchanged, the getter that reads its text (`unread`).
   */
  readonly #hashes = new Map<string, { readonly markdown?: string; readonly read?: UnreadText; readonly hash: string }>();
  /** Each issue file's `statKey`, taken before it was read, by path as given. */
  readonly #stats = new Map<string, number[]>();
  /** When this build started, before any file was looked at: what `settled` compares with. */
  readonly #start: number;
  /** The hash of the series the issues were loaded with. */
  #series: { readonly series: Series; readonly hash: string } | undefined;
  /** What each issue of this build rendered to, by its entry's name: for the chunks of `renders`. */
  readonly #renders = new Map<string, CachedRender>();
  /**
   * The entries of the issues rendered in this build (see `keepIssue`), whose printed warnings
   * were made in its working folder (see `ISSUE_PARTS`).
   */
  readonly #renderedHere = new Set<string>();
  /** Where the last build's chunks of `renders` hold each issue's render, worked out when first needed. */
  #placed: Map<string, RenderPlace> | undefined;
  /** The chunks of `renders` read, by blob; undefined when damaged. */
  readonly #chunks = new Map<string, CachedRender[] | undefined>();

  /** The content and output folders being walked, when they are (see `BuildCacheOptions.walkFrom`). */
  readonly #walks: Walks | undefined;
  /**
   * The output the stamp stands for, when the walks matched it (see up-to-date-stamp.ts): the
   * build is up to date, and this cache read no manifest and saves nothing.
   */
  readonly stamped: UpToDate | undefined;
  /** The key of this build's stamp (see `BuildCacheOptions.stampKey`). */
  readonly #stampKey: string | undefined;
  /** The stamp `save` leaves: of the output `upToDate` found up to date, or the one `recordOutput` noted, once walked. */
  #stamped: Stamp | undefined;
  /** The output `recordOutput` noted and a walk of it after the swap, for its stamp (see `#writtenStamp`). */
  #written: { readonly walk: Promise<FolderWalk | undefined>; readonly stamp: (output: string) => Stamp | undefined } | undefined;

  private constructor(
    options: BuildCacheOptions,
    key: string,
    stampKey: string | undefined,
    previous: Manifest | undefined,
    extras: readonly Source[],
    walks?: Walks,
    stamped?: UpToDate,
  ) {
    this.dir = options.dir;
    this.#walks = walks;
    this.stamped = stamped;
    this.#stampKey = stampKey;
    this.#start = options.start ?? Date.now();
    this.#contentDir = resolve(options.contentDir);
    this.#contentPrefix = join(options.contentDir, sep);
    this.#blobs = options.dir === undefined ? undefined : new BlobStore(join(options.dir, 'blobs'), { beforeFirstWrite: () => this.#markUnsaved() });
    this.#readOnly = options.readOnly ?? false;
    const scratch = options.scratchDir === undefined ? undefined : new BlobStore(options.scratchDir);
    this.#kept = this.#readOnly ? scratch : (this.#blobs ?? scratch);
    const empty = (): Manifest => ({ format: FORMAT, key, issues: {}, editions: {}, pages: {}, outputs: {} });
    this.#previous = previous?.key === key ? previous : empty();
    this.#started = previous?.key === key ? previous : undefined;
    this.#next = empty();
    const others = this.#readOnly ? [] : extras.filter((extra) => extra.manifest.key === key);
    this.#sources = this.#blobs ? [{ manifest: this.#previous, blobs: this.#blobs }, ...others] : [];
  }

  static async open(options: BuildCacheOptions): Promise<BuildCache> {
    const key = combineHashes([String(FORMAT), await jianbaoVersion(), resolve(options.contentDir)]);
    if (options.dir === undefined) return new BuildCache(options, key, undefined, undefined, []);
    const problems: string[] = [];
    const stampKey = stampKeyOf(options, key);
    const stamp = stampKey === undefined ? undefined : readStamp(options.dir, stampKey);
    const head = readManifestHead(options.dir);
    const manifestSize = head?.size ?? 0;
    // A first build counts issue files instead, up to as many: it can then stamp its output.
    const walkFrom = options.walkFrom ?? WALK_FROM;
    const large = manifestSize > 0 ? manifestSize >= walkFrom : holdsIssueFiles(options.contentDir, Math.ceil(walkFrom / ENTRY_BYTES));
    // With a stamp, each part of the content is compared as it is walked: nothing else is done
    // until the walks say whether it holds.
    const check = stamp && contentCheck(stamp.content);
    const walks =
      check && options.outDir !== undefined
        ? walk(options.contentDir, options.outDir, check.part)
        : large
          ? walk(options.contentDir, options.outDir)
          : undefined;
    if (stamp && check && walks) {
      const stamped = await stampedOutput(stamp, check.matches(walks.content.done), walks, new BlobStore(join(options.dir, 'blobs')));
      if (stamped) return new BuildCache(options, key, stampKey, undefined, [], walks, stamped);
      removeStamp(options.dir);
    }
    // Their parts read while the content is walked; a manifest of another version's is not used.
    const reading = [options.dir, ...(options.from ?? [])].map((dir, index) => {
      const found = index === 0 ? head : readManifestHead(dir);
      return found && joinedIfOwn(found, key, new BlobStore(join(dir, 'blobs')), problems);
    });
    const [previous, ...extras] = await Promise.all(reading);
    const sources = (options.from ?? []).flatMap((dir, index) => {
      const manifest = extras[index];
      return manifest ? [{ manifest, blobs: new BlobStore(join(dir, 'blobs')) }] : [];
    });
    const cache = new BuildCache(options, key, stampKey, previous, sources, walks);
    cache.problems.push(...problems);
    cache.#unclean = existsSync(join(options.dir, UNSAVED));
    return cache;
  }

  /** The hashes `#fileHash` gave, by name. */
  readonly #fileHashes = new Map<string, string | undefined>();
  /** Paths as given → relative to the content folder (see `#relative`): asked for several times an issue. */
  readonly #names = new Map<string, string>();

  #relative(path: string): string {
    let name = this.#names.get(path);
    if (name === undefined) {
      // A path joined onto the content folder as given (every path a load finds) is cut, not
      // resolved: resolving 20,000 paths against the working folder took 55 ms of a 1.7 s rebuild.
      const inside = path.startsWith(this.#contentPrefix) && normalize(path) === path;
      name = (inside ? path.slice(this.#contentPrefix.length) : relative(this.#contentDir, resolve(path))).split('\\').join('/');
      this.#names.set(path, name);
    }
    return name;
  }

  /** The hash of an issue file's text, as its entries key it: hashed once, when loaded. */
  #markdownHash(source: string, markdown: string): string {
    const known = this.#hashes.get(source);
    if (known?.markdown === markdown) return known.hash;
    const hash = contentHash(markdown);
    this.#hashes.set(source, { markdown, hash });
    return hash;
  }

  /** `#markdownHash` of the issue's text, without reading it when it is the unread text `unread` gave. */
  #issueHash(issue: Issue): string {
    const known = this.#hashes.get(issue.source);
    if (known?.read !== undefined && readers.get(issue) === known.read) return known.hash;
    return this.#markdownHash(issue.source, issue.markdown);
  }

  /**
   * The hash of the file at `path` (embedded by an issue) from its stat when that is the one its
   * hash was stored with, else read and hashed; undefined when it cannot be read.
   */
  #fileHash(path: string, name = this.#relative(path)): string | undefined {
    // Once a build, as an issue file's text is: the entry checked, the copy kept and the stat
    // noted all see the same file.
    if (this.#fileHashes.has(name)) return this.#fileHashes.get(name);
    const hash = this.#statFileHash(path, name);
    this.#fileHashes.set(name, hash);
    return hash;
  }

  /** `#fileHash`, worked out. */
  #statFileHash(path: string, name: string): string | undefined {
    const stat = this.#contentStat(path, name);
    if (!stat) return undefined;
    const known = this.#previous.stats?.[name];
    if (known && sameStat(known.stat, stat)) {
      (this.#next.stats ??= {})[name] = known;
      return known.hash;
    }
    // Read after the stat: a change made in between shows in the next build's stat.
    const hash = fileHash(path);
    if (hash !== undefined && settled(stat, this.#start)) {
      (this.#next.stats ??= {})[name] = { stat, hash };
      this.#changed = true;
    }
    return hash;
  }

  /**
   * The stat key (see `statKey`) of the content file at `path`, named `name`: as the content
   * folder's walk found it when that holds it (a plain file), else stat'ed now.
   */
  #contentStat(path: string, name: string): number[] | undefined {
    const walked = this.#walks?.content.walk?.files.get(name);
    if (walked) return [...walked];
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats && statKey(stats);
  }

  /** The content folder as its walk found it, once done; undefined when it is not walked (see `LoadMemo.contentWalk`). */
  async contentWalk(): Promise<FolderWalk | undefined> {
    await this.#walks?.content.done;
    return this.#walks?.content.walk;
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
   * The issue just loaded as the build holds it: a copy whose text is not held but read again
   * when asked for (to render it; a PDF's print warnings are placed in it), which must then be
   * the text loaded, as an unread issue's is (see `unread`). A build held every issue's text to
   * its end (8.5 KB an issue: 17 MB of the 83 MB heap left at the end of a 2,000-issue build),
   * then from loading until the issue rendered: a cold build of 10,000 synthetic issues peaked at
   * 449 MiB, now 352 MiB (3,000: 332–342 MiB, now 292–302 MiB), in the same time. A copy, not the
   * issue with its `markdown` made a getter: V8 turns an object whose data property becomes an
   * accessor into a dictionary (see `heldBackText`).
   */
  withoutText(issue: Issue): Issue {
    const { markdown: _, ...fields } = issue;
    return this.#readWhenAsked(fields, this.#issueHash(issue)) as Issue;
  }

  /**
   * Let go of the text of an issue once rendered or found unchanged: the text its getter read
   * (see `withoutText`, `unread`), or one it holds itself, which is then read again when asked for.
   */
  release(issue: Issue): void {
    const read = readers.get(issue);
    if (read) read.forget();
    else this.#readWhenAsked(issue, this.#issueHash(issue));
  }

  /**
   * The issue file at `source` as the last build loaded it, without reading it, when its stat is
   * the one it was read with then (see `statKey`) and the series is the same. Its text is read
   * when asked for, and must then be the text loaded last time. Else undefined: the caller reads
   * the file (after this stat) and asks `recall`.
   */
  unread(source: string, series: Series): Issue | undefined {
    if (!this.#blobs) return undefined;
    const name = this.#relative(source);
    const stat = this.#contentStat(source, name);
    if (!stat) return undefined;
    this.#stats.set(source, stat);
    const previous = this.#previous.loaded;
    if (previous?.series !== this.#seriesHash(series)) return undefined;
    const entry = previous.issues[name];
    if (!entry?.stat || !sameStat(entry.stat, stat)) return undefined;
    this.#loaded(series).issues[name] = entry;
    return this.#readWhenAsked({ source, ...(entry.fields as unknown as LoadedFields) }, entry.markdown) as Issue;
  }

  /**
   * `issue` with its `markdown` a getter that reads its file when first asked for, which must then
   * hold the text hashed `hash` (see `unreadText`); its hash known without reading it.
   */
  #readWhenAsked<T extends { readonly source: string }>(issue: T, hash: string): T {
    const read = unreadText(issue.source, hash);
    this.#hashes.set(issue.source, { read, hash });
    readers.set(issue, read);
    return Object.defineProperty(issue, 'markdown', { get: heldBackText, enumerable: true });
  }

  /**
   * What loading made of the issue file at `source` last time, when its text and the series are
   * the same: its frontmatter then need not be parsed and checked again. The file was read and
   * hashed, so that any change to its bytes is seen.
   */
  recall(source: string, markdown: string, series: Series): LoadedFields | undefined {
    if (!this.#blobs) return undefined;
    const previous = this.#previous.loaded;
    if (previous?.series !== this.#seriesHash(series)) return undefined;
    const name = this.#relative(source);
    const entry = previous.issues[name];
    const hash = this.#markdownHash(source, markdown);
    if (entry?.markdown !== hash) return undefined;
    const next = this.#withStat(source, entry);
    this.#loaded(series).issues[name] = next;
    if (next !== entry) this.#changed = true;
    return entry.fields as unknown as LoadedFields;
  }

  /** Remember an issue as loaded, for `recall` in the next build. */
  remember(issue: Issue, series: Series): void {
    if (!this.#blobs) return;
    const { source, markdown, previous: _, ...fields } = issue;
    this.#loaded(series).issues[this.#relative(source)] = this.#withStat(source, { markdown: this.#markdownHash(source, markdown), fields: { ...fields } });
    this.#changed = true;
  }

  /**
   * The loaded entry with the stat its file was read with (taken by `unread`), when the file had
   * settled then (see `settled`); `entry` itself when that is what it has.
   */
  #withStat(source: string, entry: Loaded['issues'][string]): Loaded['issues'][string] {
    const found = this.#stats.get(source);
    const stat = found && settled(found, this.#start) ? found : undefined;
    if (stat === entry.stat || (stat && entry.stat && sameStat(stat, entry.stat))) return entry;
    const { stat: _, ...rest } = entry;
    return stat ? { ...rest, stat } : rest;
  }

  /**
   * The issue as last rendered, with the warnings it rendered with, when its Markdown and every
   * file it embeds are unchanged. Its HTML stays in the blob store, read when a page or file is
   * made from it (see `keepIssue`).
   */
  async issue(issue: Issue): Promise<{ rendered: RenderedIssue; warnings: () => readonly MessageData[] } | undefined> {
    const name = this.#relative(issue.source);
    // Hashed only when there is an entry to compare with: a cold build has none.
    let markdownHash: string | undefined;
    for (const { manifest, blobs } of this.#sources) {
      const entry = manifest.issues[name];
      if (!entry || entry.markdown !== (markdownHash ??= this.#issueHash(issue)) || !this.#unchanged(entry.dependencies)) continue;
      const found = await this.#readEntry(entry, blobs, name);
      if (!found) {
        this.problems.push(`the rendered ${name} was missing or corrupt`);
        continue;
      }
      this.#next.issues[name] = entry;
      this.#renders.set(name, found.render);
      const dependencies = Object.keys(entry.dependencies).map((path) => join(this.#contentDir, path));
      const hash = renderedHash(issue, entry.markdown, entry.blob);
      return { rendered: keptRender({ ...found.render, issue, dependencies }, this.#blobs!, entry, hash), warnings: found.warnings };
    }
    return undefined;
  }

  /**
   * An entry's render, from its chunk of `renders` or else from its blob (read and checked), with
   * the blob found in place (its size only: its HTML and warnings are read when asked for, as a
   * partial rebuild prints most issues' warnings from their chunks' stored text). A blob from
   * another cache is copied into this one, whose store the rendered issue then reads.
   */
  async #readEntry(entry: IssueEntry, blobs: BlobStore, name: string): Promise<{ render: CachedRender; warnings: () => readonly MessageData[] } | undefined> {
    if (blobs === this.#blobs) {
      const own = this.#blobs;
      const render = this.#chunkedRender(name) ?? sharedRender(parseRender(readPart(own, entry, 'render')));
      if (!render || !own.has(entry.blob, blobSize(entry))) return undefined;
      return { render, warnings: () => readWarnings(own, entry, name) };
    }
    const bytes = await blobs.read(entry.blob);
    const render = sharedRender(parseRender(bytes && partIn(bytes, entry, 'render')));
    const found = bytes && partIn(bytes, entry, 'warnings');
    // An empty part: no warnings.
    const warnings = found?.length === 0 ? [] : parseWarnings(found);
    if (!bytes || !render || !warnings) return undefined;
    await this.#blobs!.write(bytes);
    this.#changed = true;
    return { render, warnings: () => warnings };
  }

  /**
   * The render of the last build's issue `name` from its chunk of `renders`, which is read once
   * for all its issues; undefined when it is in none, or the chunk is damaged (then reported, and
   * each issue's own blob is read).
   */
  #chunkedRender(name: string): CachedRender | undefined {
    this.#placed ??= placeRenders(this.#previous);
    const place = this.#placed.get(name);
    if (!place) return undefined;
    // Read at once, not through the thread pool: the issues waiting for it would leave this
    // thread idle meanwhile.
    if (!this.#chunks.has(place.blob)) {
      const found = parseRenders(this.#blobs!.readSync(place.blob), place.size);
      if (!found) this.problems.push('the stored renders were missing or corrupt');
      this.#chunks.set(
        place.blob,
        found?.map((render) => sharedRender(render)),
      );
    }
    return this.#chunks.get(place.blob)?.[place.index];
  }

  /**
   * The chunks of `renders` for `issues`, the entries a complete build leaves, when it has what
   * each rendered to: a chunk of the last build for the same issues and renders is kept when
   * read whole or still there, the others are stored anew. Undefined when the build does not
   * have every render (an up-to-date build reads none).
   */
  async #storeRenders(issues: Manifest['issues']): Promise<Manifest['renders']> {
    if (Object.keys(issues).some((name) => !this.#renders.has(name))) return undefined;
    const blobs = this.#blobs!;
    const previous = new Map((this.#previous.renders ?? []).map((chunk) => [chunk.of, chunk.blob]));
    const chunks: NonNullable<Manifest['renders']> = [];
    for (const { names, of } of renderParts(issues)) {
      const kept = previous.get(of);
      // One read this build is kept when it was whole; one not read, when it is still there.
      if (kept !== undefined && (this.#chunks.has(kept) ? this.#chunks.get(kept) !== undefined : blobs.exists(kept))) {
        chunks.push({ of, blob: kept });
        continue;
      }
      const blob = await blobs.write(Buffer.from(JSON.stringify(names.map((name) => this.#renders.get(name)))));
      chunks.push({ of, blob });
      this.#changed = true;
    }
    return chunks;
  }

  /** Whether every file still has the hash it had. */
  #unchanged(files: Readonly<Record<string, string>>): boolean {
    return Object.entries(files).every(([name, hash]) => this.#fileHash(join(this.#contentDir, name), name) === hash);
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
      if (entry?.markdown !== this.#issueHash(issue)) return undefined;
      entries.push([name, entry]);
    }
    // The embedded files first: a changed one (the usual change) is found by their stats alone.
    if (!this.#unchanged(Object.assign({}, ...entries.map(([, entry]) => entry.dependencies)))) return undefined;
    if (writtenKey(key, entries) !== written.key) return undefined;
    await this.outputWalked();
    if (!Object.entries(written.files).every(([path, stat]) => this.#intact(written.dir, path, stat))) return undefined;
    const order = reportOrder(issues);
    const all = await this.#allWarnings(
      written,
      order.map((index) => entries[index]!),
      order.map((index) => issues[index]!),
    );
    if (!all) return undefined;
    // What this build loaded is what the last one did: its text hashes and the series are the same.
    this.#next = {
      ...this.#previous,
      ...(this.#next.loaded && { loaded: this.#next.loaded }),
      ...(this.#next.stats && { stats: this.#next.stats }),
      written: { ...written, allWarnings: all.chunks.map((chunk) => chunk.stored) },
    };
    if (all.made) this.#changed = true;
    const found = { issues: issues.length, pages: written.pages, pdfs: written.pdfs, searchBundles: written.searchBundles };
    const content = this.#stampedContent(entries);
    const output = this.#walks?.output?.walk;
    if (content && output) this.#stamped = this.#stamp({ content, output: outputDigest(output) }, found, all.chunks);
    return { ...found, warnings: all.warnings };
  }

  /**
   * The digest of the content folder's walk for a stamp of this build's output (see
   * up-to-date-stamp.ts), when the walk can stand for what the build read: the content walked,
   * without symbolic links (whose targets a walk does not see), every file of it settled before
   * the build started (see `settled`), every embedded file in it, and the cache folder outside it
   * (the stamp would change the walk it names). A file changed after the walk is a miss next time.
   */
  #stampedContent(entries: readonly (readonly [string, IssueEntry | undefined])[]): Stamp['content'] | undefined {
    const content = this.#walks?.content.walk;
    if (this.#stampKey === undefined || this.dir === undefined || !content || content.links.length > 0) return undefined;
    if (isInside(this.#contentDir, resolve(this.dir))) return undefined;
    if (entries.some(([, entry]) => Object.keys(entry?.dependencies ?? {}).some((name) => name.startsWith('../') || isAbsolute(name)))) return undefined;
    for (const stat of content.files.values()) if (!settled(stat, this.#start)) return undefined;
    return contentDigests(content);
  }

  /** The stamp of an output, its content's digest (`#stampedContent`) and its walk's, when its warnings' chunks are all printed. */
  #stamp(
    digests: { readonly content: Stamp['content']; readonly output: string },
    found: Omit<UpToDate, 'warnings'>,
    chunks: readonly { readonly stored: StoredChunk; readonly sources: readonly string[] }[],
  ): Stamp | undefined {
    const warnings: Stamp['warnings'] = [];
    for (const { stored, sources } of chunks) {
      if (!stored.printed) return undefined;
      warnings.push({ printed: stored.printed.blob, count: stored.printed.count, data: stored.blob, sources: [...sources] });
    }
    return { format: 1, key: this.#stampKey!, ...digests, ...found, warnings };
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
  ): Promise<{ warnings: WarningChunk[]; chunks: { stored: StoredChunk; sources: readonly string[] }[]; made: boolean } | undefined> {
    const blobs = this.#blobs!;
    const stored = storedChunks(written);
    const warnings: WarningChunk[] = [];
    const chunks: { stored: StoredChunk; sources: readonly string[] }[] = [];
    let made = false;
    for (const { part, sources, of, key } of warningParts(entries, issues)) {
      const chunk = stored.get(of);
      // Read, and checked, at once: a build with nothing to write holds nothing else, and stores damaged text again.
      const printed = chunk?.printed?.key === key ? blobs.readSync(chunk.printed.blob) : undefined;
      if (chunk?.printed && printed) {
        const blob = chunk.blob;
        warnings.push({ count: chunk.printed.count, printed: () => printed, messages: () => chunkMessages(blobs, blob, part, sources) });
        chunks.push({ stored: chunk, sources });
        continue;
      }
      let data = chunk && parseChunk(blobs.readSync(chunk.blob), part.length);
      if (chunk && (!data || chunk.printed?.key === key)) this.problems.push('the stored warnings were missing or corrupt');
      let blob = chunk?.blob;
      if (!data || blob === undefined) {
        const read: MessageData[][] = [];
        for (const [, entry] of part) {
          const found = blobWarnings(blobs, entry);
          if (!found) return undefined;
          read.push(found);
        }
        data = read;
        blob = await blobs.write(Buffer.from(JSON.stringify(read)));
      }
      const messages = restoredWarnings(sources.map((source, index) => ({ source, warnings: data[index]! })));
      const printedEntry = await storePrinted(blobs, messages, key);
      const dataBlob = blob;
      const restored = () => chunkMessages(blobs, dataBlob, part, sources);
      warnings.push({ count: messages.length, printed: storedText(blobs, printedEntry, restored), messages: restored });
      chunks.push({ stored: { of, blob, printed: printedEntry }, sources });
      made = true;
    }
    return { warnings, chunks, made };
  }

  /**
   * Note what a complete build wrote into `outDir`, for `upToDate`, with the warnings its issues
   * rendered with (`warnings`, asked for only for a chunk not kept from the last build) stored in
   * chunks as `upToDate` reads them: the first up-to-date build then prints them from their
   * stored text too. Gives the chunks, whose text the build can print (see `WarningChunk`).
   * Nothing is noted when an issue is not in the cache (it had errors).
   */
  async recordOutput(
    issues: readonly Issue[],
    warnings: IssueWarnings,
    key: string,
    outDir: string,
    info: {
      readonly files: readonly string[];
      /**
       * Of those, the files linked from the last build's output as `keptPage` or `keptCopy` gave
       * them: their size and time are those it noted (and checked when it gave them).
       */
      readonly kept?: ReadonlySet<string>;
      /** Each page's inputs, for `keptPage`. */
      readonly inputs: ReadonlyMap<string, string>;
      readonly pages: number;
      readonly pdfs: number;
      readonly searchBundles: number;
      /**
       * Whether the next build would take this output as up to date with nothing changed (see
       * `upToDate`): loading found no problem, which every build shows. Then, with the content
       * walked, the output is walked after the swap for a stamp (see up-to-date-stamp.ts).
       * @default false
       */
      readonly stamp?: boolean;
    },
  ): Promise<readonly WarningChunk[] | undefined> {
    if (!this.#blobs) return undefined;
    const entries = issues.map((issue): [string, IssueEntry | undefined] => {
      const name = this.#relative(issue.source);
      return [name, this.#next.issues[name]];
    });
    if (entries.some(([, entry]) => entry === undefined)) return undefined;
    const dir = resolve(outDir);
    const files: WrittenOutput['files'] = {};
    const last = this.#previous.written?.dir === dir ? this.#previous.written.files : {};
    for (const path of info.files) {
      const known = info.kept?.has(path) ? last[path] : undefined;
      if (known) {
        files[path] = known;
        continue;
      }
      const { size, mtimeMs } = statSync(join(dir, path));
      files[path] = [size, mtimeMs];
    }
    // The embedded files' stats, so that the next build need not read them (hashed after the
    // stat: one changed since it was rendered is rendered again then).
    for (const [, entry] of entries) for (const name of Object.keys(entry!.dependencies)) this.#fileHash(join(this.#contentDir, name), name);
    const order = reportOrder(issues);
    const chunks = await this.#storeWarnings(
      order.map((index) => entries[index] as [string, IssueEntry]),
      order.map((index) => issues[index]!),
      warnings,
    );
    this.#next.written = {
      dir,
      key: writtenKey(key, entries as [string, IssueEntry][]),
      files,
      inputs: Object.fromEntries(info.inputs),
      pages: info.pages,
      pdfs: info.pdfs,
      searchBundles: info.searchBundles,
      allWarnings: chunks.map((chunk) => chunk.stored),
    };
    this.#changed = true;
    const content = info.stamp ? this.#stampedContent(entries) : undefined;
    if (content) {
      const found = { issues: issues.length, pages: info.pages, pdfs: info.pdfs, searchBundles: info.searchBundles };
      this.#written = { walk: walkFolders([dir])[0]!, stamp: (output) => this.#stamp({ content, output }, found, chunks) };
    }
    return chunks.map((chunk) => chunk.warnings);
  }

  /**
   * The chunks of `written.allWarnings` for a complete build's issues (`issues`, whose entries
   * are `entries`, in the order it reports them), made from the warnings it has: a chunk the last
   * build stored for the same issues, warnings and printing is kept, read only for its text (its
   * issues' warnings are not asked for);
   * another is stored anew, its text formatted once, for this build to print too.
   */
  async #storeWarnings(
    entries: readonly (readonly [string, IssueEntry])[],
    issues: readonly Issue[],
    all: IssueWarnings,
  ): Promise<{ stored: StoredChunk; warnings: WarningChunk; sources: readonly string[] }[]> {
    const blobs = this.#blobs!;
    const previous = storedChunks(this.#previous.written);
    const chunks: { stored: StoredChunk; warnings: WarningChunk; sources: readonly string[] }[] = [];
    for (const { part, sources, of, key } of warningParts(entries, issues)) {
      // The same issues with the same warnings' blobs (`of`): the same warnings, made into messages when asked for.
      const chunk = previous.get(of);
      if (chunk?.printed?.key === key && blobs.exists(chunk.printed.blob)) {
        const messages = () => sources.flatMap((source) => all.of(source));
        chunks.push({ stored: chunk, warnings: { count: chunk.printed.count, printed: storedText(blobs, chunk.printed, messages), messages }, sources });
        continue;
      }
      const each = part.map(([name, entry], index) => this.#issueWarnings(name, entry, sources[index]!, all));
      const blob = await blobs.write(
        Buffer.concat([Buffer.from('['), ...each.flatMap(({ data }, index) => (index === 0 ? [data] : [COMMA, data])), Buffer.from(']')]),
      );
      const count = each.reduce((sum, found) => sum + found.count, 0);
      const text = await blobs.write(Buffer.concat(each.map(({ printed }) => printed)));
      const messages = () => chunkMessages(blobs, blob, part, sources);
      chunks.push({
        stored: { of, blob, printed: { key, blob: text, count } },
        warnings: { count, printed: storedText(blobs, { blob: text, count }, messages), messages },
        sources,
      });
    }
    return chunks;
  }

  /**
   * One issue's warnings for its chunk (see `#storeWarnings`): its data as JSON, its printed text
   * and how many there are. An issue rendered in this build, which has no others, gives the parts
   * its render worker stored (see `ISSUE_PARTS`) as they are; another, its messages formatted here.
   */
  #issueWarnings(name: string, entry: IssueEntry, source: string, all: IssueWarnings): { data: Buffer; printed: Buffer; count: number } {
    if (this.#renderedHere.has(name) && all.onlyStored(source)) {
      const [data, printed] = readParts(this.#blobs!, entry, ['warnings', 'printed']) ?? [];
      if (!data || !printed) throw new ChangedDuringBuildError(`the warnings of ${name} kept in ${this.#blobs!.dir}`, 'renders it anew');
      // An empty part holds no warnings; the printed text a line a warning, each ending in a newline.
      return { data: data.length === 0 ? Buffer.from('[]') : data, printed, count: lineAt(printed, printed.length) - 1 };
    }
    const messages = all.of(source);
    return {
      data: Buffer.from(JSON.stringify(messages.map(toMessageData))),
      printed: Buffer.from(printedText(messages)),
      count: messages.length,
    };
  }

  /**
   * Where rendered issues are stored, by `storeRender` on the thread that rendered them; given
   * to `keepIssue` then. Undefined keeps them in memory (no cache and no scratch folder).
   */
  get renderStore(): RenderStore | undefined {
    const intoCache = this.#blobs !== undefined && !this.#readOnly;
    // The render workers write into the cache's store with stores of their own.
    if (intoCache) this.#markUnsaved();
    return this.#kept && { blobs: this.#kept, entries: intoCache };
  }

  /**
   * Note in the cache folder (UNSAVED), before any blob is written, that blobs may be there that
   * no manifest names until this build saves one, so that the next build looks for them if this
   * one does not finish.
   */
  #markUnsaved(): void {
    if (this.#marked || this.dir === undefined) return;
    mkdirSync(this.dir, { recursive: true });
    // A blob written may replace one the stamp names (see `BlobStore.write`).
    removeStamp(this.dir);
    writeFileSync(join(this.dir, UNSAVED), '');
    this.#marked = true;
  }

  /**
   * Remember a freshly rendered issue, stored in `renderStore` with the warnings it rendered
   * with. Gives the issue to hold from here on, whose HTML (`html`, `printHtml`) stays in the
   * blob store — the scratch folder without a cache — and is read each time it is asked for: a
   * build holds no issue's HTML longer than it takes to make one page or file from it.
   */
  keepIssue(issue: Issue, stored: StoredRender): RenderedIssue {
    const found = stored.entry;
    const fields = sharedRender(stored.fields);
    const kept = keptRender({ ...fields, issue }, this.#kept!, stored.stored, found && renderedHash(issue, found.markdown, stored.stored.blob));
    if (!this.#blobs || this.#readOnly) return kept;
    if (!found) {
      this.#unnamed.add(stored.stored.blob);
      return kept;
    }
    const dependencies: Record<string, string> = {};
    for (const [index, path] of stored.fields.dependencies.entries()) dependencies[this.#relative(path)] = found.dependencies[index]!;
    const { blob, sizes, hashes } = stored.stored;
    const entry: IssueEntry = { markdown: found.markdown, dependencies, blob, sizes: [...sizes], hashes: [...hashes] };
    const name = this.#relative(issue.source);
    this.#next.issues[name] = entry;
    const { articles, tables, images, attachments } = fields;
    this.#renders.set(name, { articles, tables, images, attachments });
    this.#renderedHere.add(name);
    this.#changed = true;
    return kept;
  }

  /**
   * The warnings a render worker stored with a fresh issue's cache entry (see `storeRender`),
   * read when asked for; undefined when it has no entry, whose warnings the worker sent.
   */
  storedWarnings(issue: Issue, stored: StoredRender): (() => readonly MessageData[]) | undefined {
    if (!this.#blobs || !stored.entry) return undefined;
    const blobs = this.#blobs;
    // The blob alone: the whole of `stored` would keep the render as the worker sent it.
    const blob = stored.stored;
    return () => readWarnings(blobs, blob, this.#relative(issue.source));
  }

  /**
   * The page at `path` as the last build wrote it into `outDir`, when it was made from the same
   * `inputs` and its file is still there untouched (the size and time it was written with): the
   * file, to keep, and the hash of its bytes. Undefined when the page is to be made.
   */
  keptPage(path: string, inputs: string, outDir: string): { readonly source: string; readonly hash: string } | undefined {
    const hash = this.#previous.pages[path];
    if (hash === undefined) return undefined;
    const source = this.#lastWritten(path, inputs, outDir);
    return source === undefined ? undefined : { source, hash };
  }

  /**
   * The content file `source` (a CSV, a picture) copied to `path` in the output: the hash of its
   * bytes, to note among the build's `inputs`, known from its stat when that is unchanged; and
   * the last build's copy in `outDir` when made from the same bytes and still there untouched,
   * to keep rather than compare byte for byte. Undefined without a cache.
   */
  keptCopy(path: string, source: string, outDir: string): { readonly hash: string; readonly kept: string | undefined } | undefined {
    if (!this.#blobs) return undefined;
    const hash = this.#fileHash(source);
    if (hash === undefined) return undefined;
    return { hash, kept: this.#lastWritten(path, hash, outDir) };
  }

  /**
   * The file at `path` that the last build wrote into `outDir`, when it made it from the same
   * `inputs` and the file is still there untouched (the size and time it was written with).
   */
  #lastWritten(path: string, inputs: string, outDir: string): string | undefined {
    const written = this.#previous.written;
    const stat = written?.files[path];
    if (written?.inputs[path] !== inputs || stat === undefined || written.dir !== resolve(outDir)) return undefined;
    return this.#intact(written.dir, path, stat) ? join(written.dir, path) : undefined;
  }

  /**
   * Whether the file at `path` in `dir` has the size and modification time it was written with:
   * as the walk of the output found it, when `dir` was walked and the walk is done.
   */
  #intact(dir: string, path: string, [size, mtime]: readonly [number, number]): boolean {
    const output = this.#walks?.output;
    const walked = output?.dir === dir ? output.walk : undefined;
    if (walked) {
      const found = walked.files.get(path);
      return found !== undefined && found[0] === size && found[1] === mtime;
    }
    const found = statSync(join(dir, path), { throwIfNoEntry: false });
    return found !== undefined && found.size === size && found.mtimeMs === mtime;
  }

  /**
   * The walk of `outDir` (its files with their stats, and its symbolic links), when it is walked
   * and is the output the last build wrote (see `seedOutput`); undefined at once when not, or once
   * the walk failed.
   */
  outputWalk(outDir: string): Promise<FolderWalk | undefined> | undefined {
    const output = this.#walks?.output;
    if (output?.dir !== resolve(outDir) || this.#previous.written?.dir !== output.dir) return undefined;
    return output.done.then(() => output.walk);
  }

  /**
   * Whether this build walks the output folder (see `BuildCacheOptions.walkFrom`): a large
   * archive's, whose next build will walk it too, and so can start from a spare of it (see
   * spare-output.ts).
   */
  get walksOutput(): boolean {
    return this.#walks?.output !== undefined;
  }

  /** Resolves once the output folder's walk is done, or at once when it is not walked (see `BuildCacheOptions.walkFrom`). */
  async outputWalked(): Promise<void> {
    await this.#walks?.output?.done;
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
    if (this.dir === undefined || !this.#blobs || this.stamped || this.#readOnly) return;
    if (complete) {
      const renders = await this.#storeRenders(this.#next.issues);
      if (renders) this.#next.renders = renders;
    }
    // An edition this build did not make (`--no-pdf`, and `jianbao dev`, which prints none) keeps
    // the files the last build made: the next build with PDFs prints only what changed since.
    if (complete) this.#next.editions = { ...unmade(this.#previous.editions, this.#next.editions), ...this.#next.editions };
    const dropped =
      Object.keys(this.#previous.issues).length !== Object.keys(this.#next.issues).length ||
      editionFiles(this.#previous).length !== editionFiles(this.#next).length;
    if (!this.#changed && !(complete && dropped) && this.problems.length === 0) {
      // Unchanged, a build that wrote no blob has none to delete, unless one before it left some.
      if (complete && (this.#marked || this.#unclean)) await this.#prune(this.#previous);
      if (this.#stamped) await writeStamp(this.dir, this.#stamped);
      return;
    }
    const manifest: Manifest = complete
      ? this.#next
      : {
          ...this.#next,
          issues: { ...this.#previous.issues, ...this.#next.issues },
          renders: this.#previous.renders,
          loaded: this.#next.loaded ?? this.#previous.loaded,
          stats: { ...this.#previous.stats, ...this.#next.stats },
          editions: mergeEditions(this.#previous.editions, this.#next.editions),
          pages: this.#previous.pages,
          written: this.#previous.written,
          outputs: { ...this.#previous.outputs, ...this.#next.outputs },
        };
    await mkdir(this.dir, { recursive: true });
    removeStamp(this.dir);
    const saved = await writeManifest(this.dir, manifest, this.#previous, this.#blobs);
    this.#previous = saved;
    if (complete) await this.#prune(saved);
    const stamp = this.#stamped ?? (complete ? await this.#writtenStamp() : undefined);
    if (stamp) await writeStamp(this.dir, stamp);
  }

  /**
   * The stamp of the output `recordOutput` noted, when its walk after the swap found exactly the
   * files it noted, with the sizes and times noted, and the output's marker: so a file changed
   * between the swap and the walk is a miss next time, as it is for `upToDate`.
   */
  async #writtenStamp(): Promise<Stamp | undefined> {
    const walk = await this.#written?.walk;
    const files = this.#next.written?.files;
    if (!walk || !files || walk.links.length > 0 || walk.files.size !== Object.keys(files).length + 1 || !walk.files.has(OUTPUT_MARKER)) return undefined;
    for (const [path, [size, mtime]] of Object.entries(files)) {
      const found = walk.files.get(path);
      if (found?.[0] !== size || found[1] !== mtime) return undefined;
    }
    return this.#written!.stamp(outputDigest(walk));
  }

  /**
   * After a complete build saved `manifest`, delete the blobs it does not name: those the
   * manifest the build started from named, or every other file of the store when that manifest
   * was not this version's or a build before this one did not finish (UNSAVED): listing the store
   * took 0.2 s of a rebuild at 10,000 issues. Then UNSAVED goes.
   */
  async #prune(manifest: Manifest): Promise<void> {
    const keep = manifestBlobs(manifest);
    if (this.#unclean || !this.#started) await this.#blobs!.prune(keep);
    else await this.#blobs!.remove([...manifestBlobs(this.#started), ...this.#unnamed].filter((id) => !keep.has(id)));
    if (this.#marked || this.#unclean) rmSync(join(this.dir!, UNSAVED), { force: true });
    this.#marked = false;
    this.#unclean = false;
  }
}

/**
 * The issues' indexes in the order a complete build reports their warnings: by issue file path
 * (see find-issues.ts), not newest first as the issues are listed.
 */
function reportOrder(issues: readonly Issue[]): number[] {
  return issues.map((_, index) => index).sort((a, b) => (issues[a]!.source < issues[b]!.source ? -1 : 1));
}

/** The chunks of `written.allWarnings` by `of`. */
function storedChunks(written: WrittenOutput | undefined): Map<string, StoredChunk> {
  return new Map((written?.allWarnings ?? []).map((chunk) => [chunk.of, chunk]));
}

/**
 * The issues (in `reportOrder`, with their entries) WARNING_CHUNK at a time, each part with its
 * chunk's `of` and the `key` of its printed text (see `written.allWarnings`).
 */
function* warningParts(
  entries: readonly (readonly [string, IssueEntry])[],
  issues: readonly Issue[],
): Generator<{ part: readonly (readonly [string, IssueEntry])[]; sources: string[]; of: string; key: string }> {
  const cwd = process.cwd();
  for (let start = 0; start < entries.length; start += WARNING_CHUNK) {
    const part = entries.slice(start, start + WARNING_CHUNK);
    const sources = issues.slice(start, start + WARNING_CHUNK).map((issue) => issue.source);
    const of = combineHashes(part.flatMap(([name, entry]) => [name, partOf(entry, 'warnings').hash]));
    yield { part, sources, of, key: combineHashes([of, cwd, ...sources]) };
  }
}

/**
 * The issues of `issues` by name, cut into the chunks of `renders`: each chunk's names, and
 * `of`, the hash of its names and rendered blobs.
 */
function* renderParts(issues: Manifest['issues']): Generator<{ names: string[]; of: string }> {
  let names: string[] = [];
  const part = () => ({ names, of: combineHashes(names.flatMap((name) => [name, issues[name]!.blob])) });
  for (const name of Object.keys(issues).sort()) {
    names.push(name);
    if (Number.parseInt(contentHash(name).slice(0, 8), 16) % RENDER_CHUNK === 0) {
      yield part();
      names = [];
    }
  }
  if (names.length > 0) yield part();
}

/** Where the chunks of `manifest.renders` hold each issue's render, by the issue's name. */
function placeRenders(manifest: Manifest): Map<string, RenderPlace> {
  const stored = new Map((manifest.renders ?? []).map((chunk) => [chunk.of, chunk.blob]));
  const placed = new Map<string, RenderPlace>();
  for (const { names, of } of renderParts(manifest.issues)) {
    const blob = stored.get(of);
    if (blob !== undefined) for (const [index, name] of names.entries()) placed.set(name, { blob, size: names.length, index });
  }
  return placed;
}

/** What says a file is unchanged without reading it, as git's index does: size, mtime, ctime, inode. */
function statKey(stats: Stats): number[] {
  return [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino];
}

function sameStat(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Time the file system's clock may lag the build's and the slack of coarse timestamps (whole
 * seconds, two on FAT): a file changed this close to the build's start is "racy" in git's terms.
 */
const RACY_MS = 2000;

/**
 * Whether a file with this `statKey`, taken at the start of a build (`start`), had settled: last
 * changed (mtime or ctime) before RACY_MS before then. Only such a stat is stored: an edit of a
 * file changed moments before it was read could keep its size and timestamps, so a racy file is
 * read and hashed again by the next build (git's "racily clean" rule).
 */
function settled(stat: readonly number[], start: number): boolean {
  return Math.max(stat[1]!, stat[2]!) < start - RACY_MS;
}

/** The getter of an issue's text not held, which holds it once read until told to `forget` it. */
type UnreadText = (() => string) & { readonly forget: () => void };

/** Each issue's `UnreadText`, by the issue whose text it reads (see `BuildCache.#readWhenAsked`). */
const readers = new WeakMap<object, UnreadText>();

/**
 * The `markdown` getter of every issue whose text is not held: one function for them all, as V8
 * keeps an accessor in the shape objects share, and an issue with a getter of its own (its
 * `UnreadText`) was made a dictionary, 830 bytes more an issue.
 */
function heldBackText(this: object): string {
  return readers.get(this)!();
}

/**
 * The getter of an issue's text not held (see `BuildCache.unread`, `BuildCache.release`): read at
 * the first call, and checked to be the text loaded (hash `hash`); one changed since is an error.
 * The text read is kept for the calls after, until `forget`: a render reads it several times, and
 * is then done with it.
 */
function unreadText(source: string, hash: string): UnreadText {
  let text: string | undefined;
  const forget = () => {
    text = undefined;
  };
  return Object.assign(
    () => {
      if (text !== undefined) return text;
      const file = readIssueFile(source);
      const read = String(file.value);
      if (file.messages.length > 0 || contentHash(read) !== hash) {
        throw new ChangedDuringBuildError(source, 'loads it anew');
      }
      text = read;
      return text;
    },
    { forget },
  );
}

/** Every blob `manifest` names. */
function manifestBlobs(manifest: Manifest): Set<string> {
  const outputs = Object.values(manifest.outputs).flatMap((output) => Object.values(output.files));
  const warnings = (manifest.written?.allWarnings ?? []).flatMap((chunk) => [chunk.blob, ...(chunk.printed ? [chunk.printed.blob] : [])]);
  const renders = (manifest.renders ?? []).map((chunk) => chunk.blob);
  return new Set([
    ...Object.values(manifest.issues).map((entry) => entry.blob),
    ...editionFiles(manifest),
    ...outputs,
    ...warnings,
    ...renders,
    ...partBlobs(manifest),
  ]);
}

/** The blobs of every edition's files. */
function editionFiles(manifest: Manifest): string[] {
  return Object.values(manifest.editions).flatMap((files) => Object.values(files));
}

/** The editions of `older` that `newer` has no entry of at all: those a build did not make. */
function unmade(older: Manifest['editions'], newer: Manifest['editions']): Manifest['editions'] {
  return Object.fromEntries(Object.entries(older).filter(([name]) => newer[name] === undefined));
}

/** The entries of both, edition by edition; `newer`'s win. */
function mergeEditions(older: Manifest['editions'], newer: Manifest['editions']): Manifest['editions'] {
  const merged: Manifest['editions'] = {};
  for (const name of new Set([...Object.keys(older), ...Object.keys(newer)])) merged[name] = { ...older[name], ...newer[name] };
  return merged;
}

/** The key of an output: the build's own key, then each issue with its inputs and rendering. */
function writtenKey(key: string, entries: readonly (readonly [string, IssueEntry])[]): string {
  const parts = [key];
  for (const [name, entry] of entries) {
    parts.push(name, entry.blob);
    for (const [path, hash] of Object.entries(entry.dependencies)) parts.push(path, hash);
  }
  return combineHashes(parts);
}

/**
 * Start the walks of the content folder, then the output folder (see `BuildCacheOptions.walkFrom`),
 * on a worker thread, telling `onContentPart` each part of the content as it is walked (see
 * `WalkOptions.onPart`).
 */
function walk(contentDir: string, outDir: string | undefined, onContentPart?: (name: string, walk: FolderWalk | undefined) => void): Walks {
  const dirs = outDir === undefined ? [contentDir] : [contentDir, outDir];
  const onPart = onContentPart && ((dir: number, name: string, part: FolderWalk | undefined) => dir === 0 && onContentPart(name, part));
  const walked = walkFolders(dirs, { onPart });
  const [content, output] = walked.map((walked, index): WalkedFolder => {
    const folder: WalkedFolder = { dir: resolve(dirs[index]!), walk: undefined, done: walked.then((found) => void (folder.walk = found)) };
    return folder;
  });
  return { content: content!, output };
}

/** The key of the build's stamp (see `BuildCacheOptions.stampKey`): none for a build that also takes entries from other caches. */
function stampKeyOf(options: BuildCacheOptions, key: string): string | undefined {
  return options.stampKey === undefined || (options.from ?? []).length > 0 ? undefined : combineHashes([key, options.stampKey]);
}

/**
 * The comparison of the content's walk with the stamp's digests (`expected`), part by part as
 * they are walked (`part`): `matches` resolves false at the first part that differs, true once
 * the walk is `done` with every part the same. A change in the newest year, walked first, is
 * seen at once rather than after the 0.4 s the walk of 10,000 issues takes.
 */
function contentCheck(expected: Stamp['content']): {
  part(name: string, walk: FolderWalk | undefined): void;
  matches(done: Promise<void>): Promise<boolean>;
} {
  const unseen = new Set(Object.keys(expected));
  let differs: (value: false) => void = () => {};
  const differed = new Promise<false>((resolve) => {
    differs = resolve;
  });
  return {
    part(name, walk) {
      if (walk === undefined || contentDigests(walk)[name] !== expected[name]) differs(false);
      unseen.delete(name);
    },
    matches: (done) => Promise.race([differed, done.then(() => unseen.size === 0)]),
  };
}

/**
 * The output `stamp` stands for when the walks match it, with its warnings' printed text read;
 * else undefined. The content folder is compared first (`contentMatches`, see `contentCheck`):
 * it is where a build's changes are.
 */
async function stampedOutput(stamp: Stamp, contentMatches: Promise<boolean>, walks: Walks, blobs: BlobStore): Promise<UpToDate | undefined> {
  if (!(await contentMatches)) return undefined;
  // Read while the output is walked (52 MB at 10,000 synthetic issues, 0.4 s with their check).
  const warnings: WarningChunk[] = [];
  for (const chunk of stamp.warnings) {
    const printed = blobs.readSync(chunk.printed);
    if (!printed) return undefined;
    warnings.push({ count: chunk.count, printed: () => printed, messages: () => stampedMessages(blobs, chunk) });
  }
  await walks.output?.done;
  if (!walks.output?.walk || outputDigest(walks.output.walk) !== stamp.output) return undefined;
  const { issues, pages, pdfs, searchBundles } = stamp;
  return { issues, pages, pdfs, searchBundles, warnings };
}

/** The messages of a stamp's chunk of warnings, from its data (see `chunkMessages`). */
function stampedMessages(blobs: BlobStore, chunk: Stamp['warnings'][number]): readonly VFileMessage[] {
  const data = parseChunk(blobs.readSync(chunk.data), chunk.sources.length);
  if (!data) {
    removeStamp(dirname(blobs.dir));
    throw new ChangedDuringBuildError(`the warnings kept in ${blobs.dir}`, 'checks the output against the manifest');
  }
  return restoredWarnings(chunk.sources.map((source, index) => ({ source, warnings: data[index]! })));
}

/**
 * The manifest `head` begins, whole (see `joinManifest`), when it is of this version and content
 * folder (`key`): another's is not used, and its parts are not read.
 */
async function joinedIfOwn(head: ManifestHead, key: string, blobs: BlobStore, problems: string[]): Promise<Manifest | undefined> {
  if (head.value !== undefined && head.value.key !== key) return head.value;
  return joinManifest(head, blobs, problems);
}

/**
 * A rendered issue's `hash`: its file, the hash of its text and the issue before it (what loading
 * made it from, with the series), and the blob of what it rendered to.
 */
function renderedHash(issue: Issue, markdown: string, blob: string): string {
  return combineHashes([issue.source, markdown, issue.previous ?? '', blob]);
}

/** Where each kept render's HTML is (see `keptRender`), by the rendered issue. */
const keptHtml = new WeakMap<object, { readonly store: BlobStore; readonly stored: IssueBlob; readonly source: string }>();

/** The part of a kept render's blob, read and checked; one changed since it was stored is an error. */
function readKept(rendered: object, part: 'html' | 'printHtml'): string {
  const { store, stored, source } = keptHtml.get(rendered)!;
  const bytes = readPart(store, stored, part);
  if (bytes === undefined) throw new ChangedDuringBuildError(`the HTML of ${source} kept in ${store.dir}`, 'renders it anew');
  return bytes.toString('utf8');
}

/** The getters of every kept render: one pair for them all, for the reason `heldBackText` gives. */
const KEPT_HTML: PropertyDescriptorMap = {
  html: {
    get(this: object) {
      return readKept(this, 'html');
    },
    enumerable: true,
  },
  printHtml: {
    get(this: object) {
      return readKept(this, 'printHtml');
    },
    enumerable: true,
  },
};

/**
 * The rendered issue whose HTML is kept in `store` (see `BuildCache.keepIssue`): each read of
 * `html` or `printHtml` reads its blob and checks it. A blob changed since it was stored is an
 * error (the read deleted it, so the next build renders the issue again).
 */
function keptRender(fields: Omit<RenderedIssue, 'html' | 'printHtml'>, store: BlobStore, stored: IssueBlob, hash: string | undefined): RenderedIssue {
  const rendered = { ...fields, hash };
  keptHtml.set(rendered, { store, stored, source: fields.issue.source });
  // Getters, not fields: a copy made by spreading reads the HTML rather than losing it.
  return Object.defineProperties(rendered, KEPT_HTML) as RenderedIssue;
}

/** The part `part` of an issue blob's bytes, read whole (and checked). */
function partIn(bytes: Buffer, stored: IssueBlob, part: IssuePart): Buffer {
  const { start, length } = partOf(stored, part);
  return bytes.subarray(start, start + length);
}

/** A blob's JSON, or undefined when it is missing or not JSON. */
function parseBlob(bytes: Buffer | undefined): unknown {
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The render with its tables shared with the issues' before it (see `sharedTable`). */
function sharedRender<T extends CachedRender | undefined>(render: T): T {
  return render && { ...render, tables: render.tables.map(sharedTable) };
}

function parseRender(bytes: Buffer | undefined): CachedRender | undefined {
  const value = parseBlob(bytes);
  return isRender(value) ? value : undefined;
}

function isRender(value: unknown): value is CachedRender {
  return value !== null && typeof value === 'object' && Array.isArray((value as { articles?: unknown }).articles);
}

/** A chunk of `renders`, when it holds `size` renders. */
function parseRenders(bytes: Buffer | undefined, size: number): CachedRender[] | undefined {
  const value = parseBlob(bytes);
  return Array.isArray(value) && value.length === size && value.every(isRender) ? value : undefined;
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
  const data = parseChunk(blobs.readSync(blob), part.length) ?? part.map(([name, entry]) => readWarnings(blobs, entry, name));
  return restoredWarnings(sources.map((source, index) => ({ source, warnings: data[index]! })));
}

/**
 * A chunk's warnings as the CLI prints them for `key` (see `WarningChunk.printed`), stored: its
 * entry in the manifest. The chunk's messages are not kept with it but made again from its data
 * when asked for (`chunkMessages`): a build holds one chunk's at a time.
 */
async function storePrinted(blobs: BlobStore, messages: readonly VFileMessage[], key: string): Promise<NonNullable<StoredChunk['printed']>> {
  return { key, blob: await blobs.write(Buffer.from(printedText(messages))), count: messages.length };
}

/**
 * `WarningChunk.printed` from the blob holding it; formatted from the chunk's messages when the
 * blob is found damaged or gone by then (it is read, and its hash checked, only when printed).
 * With the cache removed meanwhile (by hand, or by another build's clean-up), those cannot be
 * read either: a line says so in their place, as the build itself is complete.
 */
function storedText(
  blobs: BlobStore,
  { blob, count }: { readonly blob: string; readonly count: number },
  messages: () => readonly VFileMessage[],
): () => Buffer {
  return () => {
    const stored = blobs.readSync(blob);
    if (stored) return stored;
    try {
      return Buffer.from(printedText(messages()));
    } catch {
      return Buffer.from(
        `jianbao: ${count} warning${count === 1 ? '' : 's'} could not be read back from the cache (${blobs.dir}), changed since the build; build again to see them\n`,
      );
    }
  };
}

const COMMA = Buffer.from(',');

/** The warnings of an issue's blob in `blobs`, read only when it has some; undefined when it is missing or damaged. */
function blobWarnings(blobs: BlobStore, stored: IssueBlob): MessageData[] | undefined {
  return partOf(stored, 'warnings').length === 0 ? [] : parseWarnings(readPart(blobs, stored, 'warnings'));
}

/** The warnings of the issue `name`, whose blob must be there: one changed or removed during the build is an error. */
function readWarnings(blobs: BlobStore, stored: IssueBlob, name: string): MessageData[] {
  const found = blobWarnings(blobs, stored);
  if (!found) throw new ChangedDuringBuildError(`the warnings of ${name} kept in ${blobs.dir}`, 'renders it anew');
  return found;
}

/**
 * The warnings a blob holds. Their shape is not checked field by field as the manifest's is: the
 * blob's bytes were checked against its name, so they are what a build of this version wrote,
 * and an up-to-date build of 10,000 issues would spend a second checking 330,000 of them.
 */
function parseWarnings(bytes: Buffer | undefined): MessageData[] | undefined {
  const value = parseBlob(bytes);
  return Array.isArray(value) ? (value as MessageData[]) : undefined;
}
