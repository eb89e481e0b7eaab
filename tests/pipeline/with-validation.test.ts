import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateContent, withValidation } from '../../src/pipeline.ts';

/*
 * `check` and `pdf` validate the whole archive and make no site: the rendered HTML waits in a
 * scratch folder of their own rather than in memory, and the folder goes once they are done.
 */

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'jianbao-validation-'));
});
afterEach(() => rm(parent, { recursive: true, force: true }));

describe('a validation for a command that makes no site', () => {
  it('reads the issues’ HTML from a scratch folder, the same HTML, and removes the folder after', async () => {
    const html = await withValidation(
      'content',
      async ({ issues }) => {
        const [scratch, ...others] = await readdir(parent);
        expect(others).toEqual([]);
        // One blob a rendered issue, in folders by the first characters of its hash.
        expect((await readdir(join(parent, scratch!), { recursive: true })).filter((name) => /[0-9a-f]{64}$/.test(name))).toHaveLength(issues.length);
        return issues.map((rendered) => rendered.html);
      },
      parent,
    );
    expect(html).toEqual((await validateContent('content', { workers: 0 })).issues.map((rendered) => rendered.html));
    expect(html).toHaveLength(3);
    expect(await readdir(parent)).toEqual([]);
  });

  it('removes the folder when the command fails', async () => {
    const failing = withValidation(
      'content',
      async () => {
        throw new Error('the printer failed');
      },
      parent,
    );
    await expect(failing).rejects.toThrow('the printer failed');
    expect(await readdir(parent)).toEqual([]);
  });
});
