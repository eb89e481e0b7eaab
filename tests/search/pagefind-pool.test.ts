import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/model.ts';
import { closeSearch, SearchIndexError, searchBundle } from '../../src/search/pagefind.ts';
import { pagefindPool } from '../../src/search/pagefind-pool.ts';

/** A year's small issue pages, enough of them that the pool starts a worker for the bundle. */
function year(year: number): OutputFile[] {
  return Array.from({ length: 16 }, (_, index) => ({
    path: `${year}/${index + 1}/index.html`,
    contents: `<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1>${year}年第${index + 1}期</h1><p>梅县区老旧小区改造第${index + 1}项，涉及户数${year + index}户。</p><figure class="chart">图表${year}</figure></article></body></html>`,
  }));
}

const sorted = (files: readonly OutputFile[]) => [...files].sort((a, b) => (a.path < b.path ? -1 : 1));

describe('the Pagefind pool', () => {
  it('indexes bundles side by side, on a worker too, into the files one process makes', async () => {
    const years = [year(2020), year(2021), year(2022)];
    const pool = pagefindPool(2);
    let pooled: OutputFile[][];
    try {
      pooled = await Promise.all(years.map((pages) => pool.index(pages)));
      expect(pool.workers).toBe(1);
    } finally {
      await pool.close();
    }
    const alone: OutputFile[][] = [];
    try {
      for (const pages of years) alone.push(await searchBundle(pages));
    } finally {
      await closeSearch();
    }
    expect(pooled.map((files) => files.length)).toEqual(alone.map((files) => files.length));
    for (const [index, files] of pooled.entries()) {
      expect(files.some((file) => file.path === 'pagefind-entry.json')).toBe(true);
      expect(sorted(files).map((file) => [file.path, Buffer.from(file.contents).toString('base64')])).toEqual(
        sorted(alone[index]!).map((file) => [file.path, Buffer.from(file.contents).toString('base64')]),
      );
    }
  });

  it('rejects with a SearchIndexError when Pagefind cannot start, on this thread and on a worker', async () => {
    // As in pagefind-failure.test.ts: Pagefind reads this each time it starts its process, and a
    // worker thread starts with a copy of this thread's environment.
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = '/no-such-pagefind';
    const pool = pagefindPool(2);
    try {
      const results = await Promise.allSettled([pool.index(year(2020)), pool.index(year(2021))]);
      expect(pool.workers).toBe(1);
      for (const result of results) {
        expect(result.status).toBe('rejected');
        expect((result as PromiseRejectedResult).reason).toBeInstanceOf(SearchIndexError);
      }
    } finally {
      delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
      await pool.close();
    }
  });

  it('starts no worker for small bundles: they wait for this thread’s process', async () => {
    const pool = pagefindPool(2);
    try {
      const files = await Promise.all([pool.index(year(2020).slice(0, 2)), pool.index(year(2021).slice(0, 2))]);
      expect(files.every((bundle) => bundle.some((file) => file.path === 'pagefind-entry.json'))).toBe(true);
      expect(pool.workers).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
