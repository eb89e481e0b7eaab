import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { asciiJson, asciiText } from '../util/ascii-json.ts';
import type { BlobStore } from './blob-store.ts';
import { contentHash, joinedHash } from './hash.ts';
import { ISSUE_PARTS } from './store-render.ts';

/*
 * The build cache's manifest: its shape, and how it is kept on disk. Most of it is entries kept
 * by file — an issue's render, what loading made of it, an embedded file's stat, a page's hash and
 * inputs, a written file's size — 2 kB an issue, 19 MB at 10,000 synthetic issues. These go into
 * parts by the first folder of their path (an archive's year: `2021/11/index.md`,
 * `2021/11/index.html`), each a blob of the cache's store; `manifest.json` holds the rest and
 * names the parts. A build that changed one issue stores its year's part and the small
 * `manifest.json` again; it wrote the whole manifest, 1 s of a 7 s rebuild of 10,000 issues.
 */

/** Bumped whenever the manifest's shape changes; an older manifest is then ignored. */
export const FORMAT = 13;

const hex = z.string().regex(/^[0-9a-f]{64}$/);

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
      /**
       * Blob holding what the issue rendered to (see `ISSUE_PARTS`): its HTML, its render and the
       * warnings it rendered with (typography, say), shown on every build until fixed. The
       * warnings are kept out of the manifest, which every build reads.
       */
      blob: hex,
      /** The size in bytes of each part of the blob, and the hash of each. */
      sizes: z.array(z.number()).length(ISSUE_PARTS.length),
      hashes: z.array(hex).length(ISSUE_PARTS.length),
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
   * The renders of `issues`' entries again, a chunk of issues a blob (see `renderParts`), as a
   * JSON array: what a rebuild takes unchanged issues from, in a few reads rather than one an
   * issue. `of` is the hash of the chunk's issues and their blobs. Made by a complete
   * build, keeping the chunks of the last build whose issues did not change.
   */
  renders: z.array(z.strictObject({ of: hex, blob: hex })).optional(),
  /**
   * Every issue file loaded without problems, by path relative to the content folder: the hash of
   * its text and what loading made of it, with the series (`series`, its hash) it was loaded with.
   * Not checked field by field: kept only in a manifest proven to be this version's own (see
   * `readManifest`).
   */
  loaded: z
    .strictObject({
      series: hex,
      issues: z.record(
        z.string(),
        z.strictObject({
          markdown: hex,
          fields: z.record(z.string(), z.unknown()),
          /** The file's `statKey` when read, if it had settled then: unchanged, it need not be read again. */
          stat: z.array(z.number()).optional(),
        }),
      ),
    })
    .optional(),
  /**
   * Files embedded by issues (CSV, images) whose hash is known by their `statKey`, as git's index
   * knows files: by path relative to the content folder → the key and the hash of the file's
   * bytes. Only files that had settled when read (see `settled`).
   */
  stats: z.record(z.string(), z.strictObject({ stat: z.array(z.number()), hash: hex })).optional(),
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
       * key): a page made from the same is not made again but kept (see `keptPage`); each copied
       * content file → the hash of its bytes (see `keptCopy`).
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
       * a complete build from the warnings it reports, keeping those of the last build whose
       * issues did not change (an up-to-date build makes again any found damaged). `printed` is
       * the chunk's warnings as the CLI prints them (`printedWarnings`), a blob, with how many
       * there are: printed
       * paths depend on the working folder and the issue paths as given, whose hash is `key`.
       * Every build prints them from there (a complete one as it stores them), and an up-to-date
       * one does without parsing and making 330,000 messages again at 10,000 synthetic issues.
       */
      allWarnings: z.array(z.strictObject({ of: hex, blob: hex, printed: z.strictObject({ key: hex, blob: hex, count: z.number() }).optional() })).optional(),
    })
    .optional(),
  /**
   * Where the entries kept by file (`issues`, `loaded.issues`, `stats`, `pages`, `written.files`
   * and `written.inputs`) are stored, by the first folder of their path (see `writeManifest`) →
   * the blob holding them and its size in bytes. Read, the entries are back in their maps.
   */
  parts: z.record(z.string(), z.tuple([hex, z.number()])).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type IssueEntry = Manifest['issues'][string];
export type Loaded = NonNullable<Manifest['loaded']>;
/** The output folder as the last build left it. */
export type WrittenOutput = NonNullable<Manifest['written']>;

/** The maps of entries kept by file, as a part holds them (see `mapsOf`). */
const MAPS = ['issues', 'loaded', 'stats', 'pages', 'files', 'inputs'] as const;
type Maps = { [name in (typeof MAPS)[number]]?: Record<string, unknown> };

/** `manifest.json` in `dir` as read, before its parts are: undefined when there is none. */
export interface ManifestHead {
  readonly path: string;
  /** Parsed; undefined when it is not valid JSON or does not have the expected shape (see `joinManifest`). */
  readonly value: Manifest | undefined;
  /** Whether it is as `writeManifest` wrote it, whole (see `withCheck`). */
  readonly checked: boolean;
  /** Its size in bytes with its parts', as their names say. */
  readonly size: number;
  /** Why it cannot be used, when it cannot. */
  readonly problem?: string;
}

/** `manifest.json` in `dir`, read and parsed (it is small: its parts are read by `joinManifest`). */
export function readManifestHead(dir: string): ManifestHead | undefined {
  const path = join(dir, 'manifest.json');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return undefined;
    throw new Error(`Cannot read the build cache ${path} (${code}); delete the folder or pass --no-cache`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(asciiText(bytes));
  } catch (error) {
    return { path, value: undefined, checked: false, size: bytes.length, problem: `${path} is not valid JSON (${(error as Error).message})` };
  }
  // Written by a build whole and unaltered: its shape is the one its version writes, and one of
  // another version has another key and is not used (10,000 issues would take a second to check).
  if (checked(bytes) && (value as { format?: unknown }).format === FORMAT) {
    const { check: _, ...manifest } = value as Manifest & { check: string };
    return { path, value: manifest, checked: true, size: bytes.length + partsSize(manifest) };
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) return { path, value: undefined, checked: false, size: bytes.length, problem: `${path} does not have the expected shape` };
  return { path, value: parsed.data, checked: false, size: bytes.length + partsSize(parsed.data) };
}

/**
 * The manifest `head` begins, with the entries of its parts read from `blobs` and checked (see
 * `BlobStore.read`); undefined when it cannot be used (why noted in `problems`). What loading
 * made of each issue is kept only from a manifest proven to be this version's own (`checked`):
 * it is not checked field by field.
 */
export async function joinManifest(head: ManifestHead, blobs: BlobStore, problems: string[]): Promise<Manifest | undefined> {
  const { path, value } = head;
  if (value === undefined) {
    problems.push(head.problem!);
    return undefined;
  }
  const names = Object.keys(value.parts ?? {});
  // Read at once: 400 reads (10,000 synthetic issues) took 150 ms so, 200–240 ms each a promise.
  const read = names.map((name) => blobs.readSync(value.parts![name]![0]));
  const maps = copiedMaps(mapsOf(value));
  try {
    for (const [index, name] of names.entries()) {
      const bytes = read[index];
      if (bytes === undefined) throw new Error(`its part ${name || '(top)'} is missing or damaged`);
      const part = JSON.parse(asciiText(bytes)) as Maps;
      for (const map of MAPS) if (part[map]) Object.assign((maps[map] ??= {}), part[map]);
    }
  } catch (error) {
    problems.push(`${path} cannot be used: ${(error as Error).message}`);
    return undefined;
  }
  // Frozen: `writeManifest` finds what changed by comparing a build's entries with these.
  for (const map of MAPS) if (maps[map]) Object.freeze(maps[map]);
  const manifest = withMaps(value, maps);
  if (head.checked) return manifest;
  const parsed = manifestSchema.safeParse(manifest);
  // Its entries are not those of its parts: every part is stored again.
  if (parsed.success) return { ...parsed.data, loaded: undefined, parts: undefined };
  problems.push(`${path} does not have the expected shape`);
  return undefined;
}

/**
 * Write `manifest` into `dir`: its entries kept by file in parts (see the top of this file), a
 * part stored in `blobs` unless `stored` (the manifest the cache holds now, as `joinManifest` read
 * it or this wrote it) has it with the same entries, then `manifest.json` (atomically). Gives the
 * manifest with its parts named, which the blobs it names include.
 */
export async function writeManifest(dir: string, manifest: Manifest, stored: Manifest | undefined, blobs: BlobStore): Promise<Manifest> {
  const maps = mapsOf(manifest);
  const changed = stored?.parts && changedParts(maps, mapsOf(stored));
  const parts: NonNullable<Manifest['parts']> = {};
  if (changed) for (const [name, part] of Object.entries(stored.parts!)) if (!changed.has(name)) parts[name] = part;
  for (const [name, entries] of partsOf(maps, changed)) {
    const bytes = asciiJson(JSON.stringify(entries));
    parts[name] = [await blobs.write(bytes), bytes.length];
  }
  const path = join(dir, 'manifest.json');
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, withCheck(withMaps({ ...manifest, parts }, {})));
  await rename(temporary, path);
  return { ...manifest, parts };
}

/** The blobs holding the manifest's parts. */
export function partBlobs(manifest: Manifest): string[] {
  return Object.values(manifest.parts ?? {}).map(([blob]) => blob);
}

/** The size in bytes of the parts the manifest names. */
function partsSize(manifest: Manifest): number {
  return Object.values(manifest.parts ?? {}).reduce((sum, [, size]) => sum + size, 0);
}

/** The manifest's maps of entries kept by file, by their names in a part. */
function mapsOf(manifest: Manifest): Maps {
  return {
    issues: manifest.issues,
    loaded: manifest.loaded?.issues,
    stats: manifest.stats,
    pages: manifest.pages,
    files: manifest.written?.files,
    inputs: manifest.written?.inputs,
  };
}

/** Copies of the maps there are, to add entries to. */
function copiedMaps(maps: Maps): Maps {
  const copies: Maps = {};
  for (const name of MAPS) if (maps[name]) copies[name] = { ...maps[name] };
  return copies;
}

/** The manifest with these maps of entries (empty for those not given), where it has their places. */
function withMaps(manifest: Manifest, maps: Maps): Manifest {
  return {
    ...manifest,
    issues: (maps.issues ?? {}) as Manifest['issues'],
    pages: (maps.pages ?? {}) as Manifest['pages'],
    ...(manifest.loaded && { loaded: { ...manifest.loaded, issues: (maps.loaded ?? {}) as Loaded['issues'] } }),
    ...(manifest.stats && { stats: (maps.stats ?? {}) as NonNullable<Manifest['stats']> }),
    ...(manifest.written && {
      written: { ...manifest.written, files: (maps.files ?? {}) as WrittenOutput['files'], inputs: (maps.inputs ?? {}) as WrittenOutput['inputs'] },
    }),
  };
}

/** The part an entry is kept in: the first folder of its path, or `''` for a path at the top. */
function partOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The entries of `maps` by part (see `partOf`), of the parts in `only` when given. */
function partsOf(maps: Maps, only?: ReadonlySet<string>): Map<string, Maps> {
  const parts = new Map<string, Maps>();
  for (const name of MAPS) {
    const map = maps[name];
    if (!map) continue;
    for (const path in map) {
      const part = partOf(path);
      if (only && !only.has(part)) continue;
      let found = parts.get(part);
      if (!found) parts.set(part, (found = {}));
      (found[name] ??= {})[path] = map[path];
    }
  }
  return parts;
}

/**
 * The parts whose entries differ between `maps` and `before`: an entry added, removed or not the
 * same object (a build keeps an unchanged entry as it was read; comparing entries field by field
 * would cost what storing them does).
 */
function changedParts(maps: Maps, before: Maps): Set<string> {
  const changed = new Set<string>();
  for (const name of MAPS) {
    const map = maps[name] ?? {};
    const old = before[name] ?? {};
    if (map === old) continue;
    let same = 0;
    for (const path in map) {
      if (map[path] === old[path]) same++;
      else changed.add(partOf(path));
    }
    if (same !== Object.keys(old).length) for (const path in old) if (!(path in map)) changed.add(partOf(path));
  }
  return changed;
}

/** Where the manifest's text starts with a hash of the rest: `{"check":"<hash>",`. */
const CHECK = /^\{"check":"([0-9a-f]{64})",/;

/**
 * The manifest as JSON with a `check` field first: the hash of the JSON the manifest is without
 * it, which shows that the file is the whole of what a build wrote.
 */
function withCheck(manifest: Manifest): Buffer[] {
  // ASCII, which the next build reads without decoding UTF-8 (see `asciiJson`).
  const json = asciiJson(JSON.stringify(manifest));
  return [Buffer.from(`{"check":"${contentHash(json)}",`), json.subarray(1)];
}

/** Whether the manifest's bytes are as `withCheck` wrote them. */
function checked(bytes: Buffer): boolean {
  // The field is ASCII: its characters are its bytes.
  const found = CHECK.exec(bytes.subarray(0, 80).toString('latin1'));
  return found !== null && joinedHash(['{', bytes.subarray(found[0].length)]) === found[1];
}
