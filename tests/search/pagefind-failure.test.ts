import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/output/output-folder.ts';
import { SearchIndexError } from '../../src/search/pagefind.ts';

// Pagefind that cannot start, as when its platform binary is missing.
vi.mock('pagefind', () => ({
  createIndex: async () => ({ errors: ['binary not found'], index: undefined }),
  close: async () => null,
}));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-search-fail-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a failed search index', () => {
  it('stops the build and leaves the previous output as it was', async () => {
    const out = join(dir, 'dist');
    await mkdir(out);
    await writeFile(join(out, 'index.html'), 'previous build');
    await writeFile(join(out, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    const building = build({ contentDir: 'content', outDir: out, templatesDir: BUNDLED_TEMPLATES, cacheDir: false, pdf: false });
    await expect(building).rejects.toThrow(SearchIndexError);
    await expect(building).rejects.toThrow('Could not build the search index: binary not found');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('previous build');
  });
});
