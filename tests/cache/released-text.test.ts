import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/cache/build-cache.ts';
import { loadContent } from '../../src/load/load-content.ts';
import { renderContent } from '../../src/markdown/render-content.ts';
import type { RenderedIssue } from '../../src/model.ts';
import { syntheticBuild } from '../support/synthetic-build.ts';

let root: string;
let rendered: readonly RenderedIssue[];

beforeAll(async () => {
  const made = await syntheticBuild('jianbao-released-', 2);
  root = made.root;
  const cache = await BuildCache.open({ dir: made.options.cacheDir, contentDir: made.options.contentDir });
  const validation = await renderContent(await loadContent(made.options.contentDir, cache), { cache, workers: 0 });
  expect(validation.errors).toEqual([]);
  rendered = validation.issues;
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('an issue’s text once rendered', () => {
  it('is not held but read again when asked for', async () => {
    expect(rendered).toHaveLength(2);
    for (const { issue } of rendered) {
      expect(Object.getOwnPropertyDescriptor(issue, 'markdown')?.get).toBeTypeOf('function');
    }
    const [first] = rendered;
    expect(first!.issue.markdown).toBe(await readFile(first!.issue.source, 'utf8'));
  });

  it('is an error to read when its file changed since it was loaded', async () => {
    const { issue } = rendered[1]!;
    await writeFile(issue.source, `${await readFile(issue.source, 'utf8')}\n改。\n`);
    expect(() => issue.markdown).toThrow(`${issue.source} changed or was removed during the build; build again, which loads it anew`);
  });
});
