import type { RenderedIssue } from '../model.ts';
import type { MessageData } from '../report/message-data.ts';
import type { BlobStore } from './blob-store.ts';
import { contentHash, fileHash } from './hash.ts';

/**
 * Where a build keeps what it renders (see `BuildCache.keepIssue`): the cache's blob store, or
 * without a cache the build's scratch folder.
 */
export interface RenderStore {
  readonly blobs: BlobStore;
  /** The store is the cache's: each issue's cache entry (its render, warnings and input hashes) is stored too. */
  readonly entries: boolean;
}

/** A rendered issue without its model and its HTML: what a build holds of it. */
export type RenderFields = Omit<RenderedIssue, 'issue' | 'html' | 'printHtml'>;

/** What the rendered blob holds: the rendered issue without its model, HTML and dependencies. */
export type CachedRender = Omit<RenderFields, 'dependencies'>;

/**
 * What an issue's blob holds, one after another: the HTML of the web page and of the print
 * edition, and in the cache's store its render (a `CachedRender`) and its warnings (an array of
 * `MessageData`; empty without any), as JSON, and the same warnings as the CLI prints them
 * (`printedWarnings`, relative to the working folder of the build that rendered it; empty without
 * any). That build stores them in its warning chunks as they are, rather than making 330,000
 * messages at 10,000 synthetic issues on the main thread to print them (see
 * `BuildCache.recordOutput`); a later build, whose working folder may be another, prints them
 * from the warnings. One blob, not one a part: a build creates a file
 * an issue rather than four, and creating a file cost 0.3–0.5 ms of a render worker's time here
 * (strace: 5,235 created in a 1,000-issue build, median 0.30 ms), a fifth of it. Each part has a
 * hash of its own, so that a page reads and checks its issue's HTML without the rest.
 */
export const ISSUE_PARTS = ['html', 'printHtml', 'render', 'warnings', 'printed'] as const;
export type IssuePart = (typeof ISSUE_PARTS)[number];

/** An issue's blob (see `ISSUE_PARTS`), with the size in bytes and the hash of each of its parts, in their order. */
export interface IssueBlob {
  readonly blob: string;
  readonly sizes: readonly number[];
  readonly hashes: readonly string[];
}

/** Where `part` is in an issue's blob: its first byte, its length and its hash. */
export function partOf(stored: IssueBlob, part: IssuePart): { readonly start: number; readonly length: number; readonly hash: string } {
  const index = ISSUE_PARTS.indexOf(part);
  let start = 0;
  for (let before = 0; before < index; before++) start += stored.sizes[before]!;
  return { start, length: stored.sizes[index]!, hash: stored.hashes[index]! };
}

/** The part `part` of the issue blob `stored`, read from `blobs` and checked; undefined when it is missing or damaged. */
export function readPart(blobs: BlobStore, stored: IssueBlob, part: IssuePart): Buffer | undefined {
  return readParts(blobs, stored, [part])?.[0];
}

/**
 * Parts of the issue blob `stored` that follow one another in it (as `ISSUE_PARTS` orders them),
 * read from `blobs` at once and each checked; undefined when any is missing or damaged.
 */
export function readParts(blobs: BlobStore, stored: IssueBlob, parts: readonly IssuePart[]): Buffer[] | undefined {
  const places = parts.map((part) => partOf(stored, part));
  if (places.some((place, index) => index > 0 && place.start !== places[index - 1]!.start + places[index - 1]!.length)) {
    throw new Error(`Expected parts that follow one another in an issue blob, got ${parts.join(', ')}`);
  }
  return blobs.readParts(stored.blob, places[0]!.start, places);
}

/** The size in bytes of the whole blob. */
export function blobSize(stored: IssueBlob): number {
  return stored.sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * A rendered issue once stored by `storeRender`: its HTML stays in the store, and this is what
 * a render worker sends back instead of it.
 */
export interface StoredRender {
  readonly fields: RenderFields;
  readonly stored: IssueBlob;
  /** The issue's cache entry, in a store with `entries`, unless a file it embeds is gone since it rendered. */
  readonly entry?: StoredEntry | undefined;
}

/** The input hashes of an issue's cache entry (see the manifest in build-cache.ts). */
export interface StoredEntry {
  /** Hash of the issue's Markdown. */
  readonly markdown: string;
  /** Hashes of `RenderFields.dependencies`, in their order. */
  readonly dependencies: readonly string[];
}

/** An issue's warnings as `storeRender` stores them: as data, and as the CLI prints them. */
export interface RenderWarnings {
  readonly data: readonly MessageData[];
  /** Each warning a line ending in a newline, relative to the working folder (see `printedWarnings`). */
  readonly printed: string;
}

/**
 * Put a freshly rendered issue in `store`, as one blob (see `ISSUE_PARTS`): its web and print
 * HTML, and in the cache's store its render and warnings, with the hashes of its inputs: of a
 * dependency, the hash of the bytes it was rendered from when `read` has it (a table source),
 * else of the file now (a photo, which rendering only measures). Runs where the issue rendered —
 * on a render worker, so that the main thread creates none of these files and formats none of
 * these warnings.
 */
export async function storeRender(
  store: RenderStore,
  rendered: Omit<RenderedIssue, 'issue'>,
  markdown: string,
  warnings: RenderWarnings,
  read: Readonly<Record<string, string>> = {},
): Promise<StoredRender> {
  const { html, printHtml, ...fields } = rendered;
  const { articles, tables, images, attachments } = fields;
  const render: CachedRender = { articles, tables, images, attachments };
  const dependencies: string[] = [];
  for (const path of store.entries ? fields.dependencies : []) {
    const hash = read[path] ?? fileHash(path);
    // Gone since it was rendered: nothing to key the entry by.
    if (hash === undefined) break;
    dependencies.push(hash);
  }
  const entries = store.entries && dependencies.length === fields.dependencies.length;
  // Encoded once: as strings they would be encoded to hash them and again to write them.
  const texts = [
    html,
    printHtml,
    ...(entries ? [JSON.stringify(render), warnings.data.length > 0 ? JSON.stringify(warnings.data) : '', warnings.printed] : ['', '', '']),
  ];
  const parts = texts.map((text) => Buffer.from(text));
  const stored: IssueBlob = {
    blob: await store.blobs.write(Buffer.concat(parts)),
    sizes: parts.map((part) => part.byteLength),
    hashes: parts.map((part) => contentHash(part)),
  };
  if (!entries) return { fields, stored };
  const entry: StoredEntry = { markdown: contentHash(markdown), dependencies };
  return { fields, stored, entry };
}
