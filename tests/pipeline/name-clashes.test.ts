import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { ContentError } from '../../src/report/messages.ts';

// An issue linking a file named as its PDF (2021-1.pdf) and showing one named as its share picture
// (share.png): the build's own files would replace them (see src/output/name-clashes.ts).
const content = 'tests/fixtures/check/attachment-name';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-name-clashes-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('stops a build, without PDFs too, at each link to a file named as one an edition writes, and writes nothing', async () => {
  const outDir = join(dir, 'dist');
  const error = await build({ contentDir: content, outDir, cacheDir: false, pdf: false, search: false }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ContentError);
  expect((error as ContentError).messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
    '10:15 attachment-name',
    '12:7 attachment-name',
  ]);
  expect(existsSync(outDir)).toBe(false);
});
