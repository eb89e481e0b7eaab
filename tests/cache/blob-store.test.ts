import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/cache/blob-store.ts';
import { contentHash } from '../../src/cache/hash.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-blobs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('a part of a blob', () => {
  const parts = ['<p>网页</p>', '<p>印刷</p>', '{"articles":[]}'];
  const bytes = Buffer.from(parts.join(''));
  const readPart = (store: BlobStore, id: string, start: number, length: number, hash: string) => store.readParts(id, start, [{ length, hash }])?.[0];
  const place = (index: number) => {
    const start = parts.slice(0, index).reduce((sum, part) => sum + Buffer.byteLength(part), 0);
    return { start, length: Buffer.byteLength(parts[index]!), hash: contentHash(parts[index]!) };
  };

  it('is read alone and checked against its own hash', async () => {
    const store = new BlobStore(dir);
    const id = await store.write(bytes);
    for (const [index, part] of parts.entries()) {
      const { start, length, hash } = place(index);
      expect(readPart(store, id, start, length, hash)?.toString()).toBe(part);
    }
    expect(readPart(store, id, 0, 0, contentHash(''))?.length).toBe(0);
  });

  it('is not trusted when its bytes changed, and the blob is deleted so that the next write replaces it', async () => {
    const store = new BlobStore(dir);
    const id = await store.write(bytes);
    const path = join(dir, id.slice(0, 2), id);
    const damaged = await readFile(path);
    damaged[place(1).start]! ^= 1;
    await writeFile(path, damaged);
    const { start, length, hash } = place(1);
    // Another part, untouched, still reads.
    expect(readPart(store, id, place(2).start, place(2).length, place(2).hash)?.toString()).toBe(parts[2]);
    expect(readPart(store, id, start, length, hash)).toBeUndefined();
    expect(existsSync(path)).toBe(false);
    expect(readPart(store, id, start, length, hash)).toBeUndefined();
    await store.write(bytes);
    expect(readPart(store, id, start, length, hash)?.toString()).toBe(parts[1]);
  });

  it('is read with the parts after it at once, each checked against its own hash', async () => {
    const store = new BlobStore(dir);
    const id = await store.write(bytes);
    expect(store.readParts(id, place(1).start, [place(1), place(2)])?.map(String)).toEqual(parts.slice(1));
    // One of them changed: none is given, and the blob goes.
    const path = join(dir, id.slice(0, 2), id);
    const damaged = await readFile(path);
    damaged[place(2).start]! ^= 1;
    await writeFile(path, damaged);
    expect(store.readParts(id, place(1).start, [place(1), place(2)])).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });

  it('is not read past the end of a blob cut short', async () => {
    const store = new BlobStore(dir);
    const id = await store.write(bytes);
    await writeFile(join(dir, id.slice(0, 2), id), bytes.subarray(0, place(2).start + 3));
    const { start, length, hash } = place(2);
    expect(readPart(store, id, start, length, hash)).toBeUndefined();
  });
});
