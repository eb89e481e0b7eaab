import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { contentHash } from './hash.ts';

/**
 * Files named by the SHA-256 of their bytes, in `<dir>/<first two hex digits>/<hash>`. Every
 * read checks the bytes against the name, so a truncated or edited file is a miss, never
 * trusted; it is deleted so that the next write replaces it.
 */
export class BlobStore {
  readonly dir: string;
  /** Folders known to exist. */
  readonly #folders = new Set<string>();
  #beforeFirstWrite: (() => void) | undefined;

  /** `beforeFirstWrite` is called once, before the store's first write. */
  constructor(dir: string, { beforeFirstWrite }: { readonly beforeFirstWrite?: () => void } = {}) {
    this.dir = dir;
    this.#beforeFirstWrite = beforeFirstWrite;
  }

  #path(id: string): string {
    return join(this.dir, id.slice(0, 2), id);
  }

  /**
   * Store `bytes`; resolves to their id. A blob is created, never rewritten, and never shares
   * its bytes with a file outside the store (a hard link would let an edit of one output's PDF
   * change the cache and every other output). One cut short by a crash fails its check on the
   * next read and is deleted then, so the write after replaces it (or at once when its size
   * shows it). Synchronous, as a build stores a thousand small blobs.
   */
  async write(bytes: string | Uint8Array): Promise<string> {
    this.#beforeFirstWrite?.();
    this.#beforeFirstWrite = undefined;
    const id = contentHash(bytes);
    const path = this.#path(id);
    const folder = dirname(path);
    if (!this.#folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
    }
    // One cut short or edited to another size, not read since: replaced now, as the HTML kept
    // for a build's pages is read only after every issue is stored.
    if (!create(path, bytes) && !this.has(id, typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength)) {
      rmSync(path, { force: true });
      create(path, bytes);
    }
    return id;
  }

  /** Store a copy of the file at `path`; resolves to its id. */
  async import(path: string): Promise<string> {
    return this.write(await readFile(path));
  }

  /** The blob's bytes, or undefined when it is missing or does not match its id. */
  async read(id: string): Promise<Buffer | undefined> {
    const path = this.#path(id);
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes === undefined) return undefined;
    if (contentHash(bytes) === id) return bytes;
    await rm(path, { force: true });
    return undefined;
  }

  /**
   * `read`, synchronously: for a page generator that reads each issue's HTML as it renders the
   * issue's page.
   */
  readSync(id: string): Buffer | undefined {
    return this.#checkedSync(
      id,
      (path) => readFileSync(path),
      (bytes) => contentHash(bytes) === id,
    );
  }

  /**
   * Parts of the blob one after another from byte `start`, each given by its length and its own
   * hash (see `ISSUE_PARTS`), read at once without the rest of the blob: each part when every one
   * has its hash; else undefined, and a blob found damaged so is deleted.
   */
  readParts(id: string, start: number, parts: readonly { readonly length: number; readonly hash: string }[]): Buffer[] | undefined {
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    let found: Buffer[] = [];
    const check = (bytes: Buffer) => {
      let at = 0;
      found = parts.map((part) => bytes.subarray(at, (at += part.length)));
      return at === bytes.length && found.every((bytes, index) => contentHash(bytes) === parts[index]!.hash);
    };
    return this.#checkedSync(id, (path) => readRange(path, start, length), check) ? found : undefined;
  }

  /** What `read` gives of the blob `id` when `check` passes; undefined when it cannot be read, or else is damaged and then deleted. */
  #checkedSync(id: string, read: (path: string) => Buffer, check: (bytes: Buffer) => boolean): Buffer | undefined {
    const path = this.#path(id);
    let bytes: Buffer;
    try {
      bytes = read(path);
    } catch {
      return undefined;
    }
    if (check(bytes)) return bytes;
    rmSync(path, { force: true });
    return undefined;
  }

  /**
   * Whether the blob is there with `bytes` bytes: a cheap look that finds a blob missing or cut
   * short without reading it; its hash is checked when it is read.
   */
  has(id: string, bytes: number): boolean {
    return statSync(this.#path(id), { throwIfNoEntry: false })?.size === bytes;
  }

  /** Whether the blob is there, of whatever size: its hash is checked when it is read. */
  exists(id: string): boolean {
    // No stat: a rebuild looks for 10,000 of them, and a Stats object is made with four dates.
    return existsSync(this.#path(id));
  }

  /**
   * Write a copy of the blob at `target` after checking it: the bytes checked are the bytes
   * written. Resolves to false when the blob is missing or corrupt.
   */
  async copyTo(id: string, target: string): Promise<boolean> {
    const bytes = await this.read(id);
    if (bytes === undefined) return false;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    return true;
  }

  /** Delete these blobs, those that are there. */
  async remove(ids: Iterable<string>): Promise<void> {
    await Promise.all([...ids].map((id) => rm(this.#path(id), { force: true })));
  }

  /** Delete every blob whose id is not in `keep`, and stray temporary files. */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    const entries = await readdir(this.dir, { recursive: true, withFileTypes: true }).catch(() => []);
    const stale = entries.filter((entry) => entry.isFile() && !keep.has(entry.name));
    await Promise.all(stale.map((entry) => rm(join(entry.parentPath, entry.name), { force: true })));
    return stale.length;
  }
}

/**
 * Create the file at `path` with `bytes`; false when it exists. Render workers store at once, so
 * another may be writing the same blob, with the same bytes: the one that finds it short
 * replaces it, and one that then finds it made again leaves it to the other.
 */
function create(path: string, bytes: string | Uint8Array): boolean {
  try {
    writeFileSync(path, bytes, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** `length` bytes of the file at `path` from byte `start`, fewer where it ends sooner. */
function readRange(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.allocUnsafe(length);
    return bytes.subarray(0, readSync(fd, bytes, 0, length, start));
  } finally {
    closeSync(fd);
  }
}
