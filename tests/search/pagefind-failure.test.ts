import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/output/output-folder.ts';
import { SearchIndexError } from '../../src/search/pagefind.ts';

// Pagefind's binary missing, as on a platform without its @pagefind/<platform> package: Pagefind
// reads this variable each time it starts its process, which every build stops at its end.
const BINARY = 'PAGEFIND_EXTENDED_BINARY_PATH';

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
    process.env[BINARY] = join(dir, 'no-such-pagefind');
    try {
      const error = await build({ contentDir: 'content', outDir: out, templatesDir: BUNDLED_TEMPLATES, cacheDir: false, pdf: false }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(SearchIndexError);
      expect((error as Error).message).toMatch(/^Could not build the search index: .+\. Check that the pagefind package and its @pagefind\/<platform> binary/);
    } finally {
      delete process.env[BINARY];
    }
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('previous build');
  });
});
