import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/cache/blob-store.ts';
import { contentHash } from '../../src/cache/hash.ts';
import { storeRender } from '../../src/cache/store-render.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const rendered = (dependencies: string[]) => ({
  html: '<p>梅州</p>',
  printHtml: '<p>梅州</p>',
  articles: [],
  tables: [],
  images: [],
  attachments: [],
  dependencies,
});
const noWarnings = { data: [], printed: '' };

describe('storeRender', () => {
  it('keys the cache entry by the bytes a table was rendered from, not by the file as it is when stored', async () => {
    const csv = join(dir, 'progress.csv');
    const photo = join(dir, 'photo.jpg');
    // Saved again by the editor between the render's read and the store.
    await writeFile(csv, '序号,区县名称\n1,梅江区\n');
    await writeFile(photo, 'jpeg');
    const store = { blobs: new BlobStore(join(dir, 'blobs')), entries: true };
    const read = { [csv]: contentHash('序号,区县名称\n1,梅县区\n') };
    const stored = await storeRender(store, rendered([csv, photo]), '# 第11期', noWarnings, read);
    // The next build finds the file's hash differs from the entry's and renders the issue again.
    expect(stored.entry?.dependencies).toEqual([read[csv], contentHash('jpeg')]);
    const unread = await storeRender(store, rendered([csv]), '# 第11期', noWarnings);
    expect(unread.entry?.dependencies).toEqual([contentHash('序号,区县名称\n1,梅江区\n')]);
  });
});
