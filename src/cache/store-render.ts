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

/** A text kept in the blob store (an edition's HTML): its blob and its size in bytes. */
export interface StoredText {
  readonly blob: string;
  readonly bytes: number;
}

/** A rendered issue without its model and its HTML: what a build holds of it. */
export type RenderFields = Omit<RenderedIssue, 'issue' | 'html' | 'printHtml'>;

/** What the rendered blob holds: the rendered issue without its model, HTML and dependencies. */
export type CachedRender = Omit<RenderFields, 'dependencies'>;

/**
 * A rendered issue once stored by `storeRender`: its HTML stays in the store, and this is what
 * a render worker sends back instead of it.
 */
export interface StoredRender {
  readonly fields: RenderFields;
  readonly html: StoredText;
  readonly printHtml: StoredText;
  /** The issue's cache entry, in a store with `entries`, unless a file it embeds is gone since it rendered. */
  readonly entry?: StoredEntry | undefined;
}

/** The blobs and input hashes of an issue's cache entry (see the manifest in build-cache.ts). */
export interface StoredEntry {
  /** Hash of the issue's Markdown. */
  readonly markdown: string;
  /** Hashes of `RenderFields.dependencies`, in their order. */
  readonly dependencies: readonly string[];
  /** Blob of the CachedRender, as JSON. */
  readonly rendered: string;
  /** Blob of the warnings, as JSON; none without warnings. */
  readonly warnings?: string;
}

/**
 * Put a freshly rendered issue in `store`: its web and print HTML, and in the cache's store its
 * entry's blobs with the hashes of its inputs. Runs where the issue rendered — on a render
 * worker, so that the main thread creates none of these files.
 */
export async function storeRender(
  store: RenderStore,
  rendered: Omit<RenderedIssue, 'issue'>,
  markdown: string,
  warnings: readonly MessageData[],
): Promise<StoredRender> {
  const { html, printHtml, ...fields } = rendered;
  const keep = async (text: string): Promise<StoredText> => {
    // Encoded once: as a string it would be encoded to hash it and again to write it.
    const bytes = Buffer.from(text);
    return { blob: await store.blobs.write(bytes), bytes: bytes.byteLength };
  };
  const stored = { fields, html: await keep(html), printHtml: await keep(printHtml) };
  if (!store.entries) return stored;
  const dependencies: string[] = [];
  for (const path of fields.dependencies) {
    const hash = fileHash(path);
    // Gone since it was rendered: nothing to key the entry by.
    if (hash === undefined) return stored;
    dependencies.push(hash);
  }
  const { articles, tables, images } = fields;
  const render: CachedRender = { articles, tables, images };
  const entry: StoredEntry = {
    markdown: contentHash(markdown),
    dependencies,
    rendered: await store.blobs.write(Buffer.from(JSON.stringify(render))),
    ...(warnings.length > 0 ? { warnings: await store.blobs.write(Buffer.from(JSON.stringify(warnings))) } : {}),
  };
  return { ...stored, entry };
}
