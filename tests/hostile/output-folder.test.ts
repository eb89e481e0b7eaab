/**
 * `--out` must never delete what is not the build's own: the content, the templates, the cache,
 * the current folder, a project (`.git`, `package.json`) or folders beside it named like the
 * build's temporaries. Every refusal comes before any work and leaves the content byte-identical.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/pipeline.ts';
import { checkOutputFolder, checkPdfFile, OUTPUT_MARKER, OutputFolderError } from '../../src/output/output-folder.ts';
import { hashTree } from '../support/hash-tree.ts';
import { runCli } from '../support/run-cli.ts';

let dir: string;
let content: string;
let contentHash: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-hostile-out-'));
  content = join(dir, 'content');
  await cp('content', content, { recursive: true });
  contentHash = await hashTree(content);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const advice = 'Pass --out a new or empty folder of its own, such as dist.';
const refusal = (out: string, reason: string, what = advice) =>
  `${out}: refusing to use this as the output folder: ${reason}, and a build replaces its output folder as a whole. ${what}`;
const folders = () => ({ contentDir: content, templatesDir: 'templates' });

/** Build into `outDir`, expecting a refusal before any work: no progress, no cache, no work folder. */
async function refused(outDir: string, options: BuildOptions = {}): Promise<string> {
  const cacheDir = join(dir, 'cache');
  const events: unknown[] = [];
  const error = await build({ contentDir: content, outDir, pdf: false, search: false, cacheDir, onProgress: (event) => events.push(event), ...options }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutputFolderError);
  expect(events).toEqual([]);
  expect(existsSync(cacheDir)).toBe(false);
  expect((await readdir(dir)).filter((name) => name.includes('jianbao-work'))).toEqual([]);
  expect(await hashTree(content)).toBe(contentHash);
  return (error as Error).message;
}

describe('build --out refuses', () => {
  it('the content folder itself, and says so through the CLI', async () => {
    expect(await refused(content)).toBe(refusal(content, `it is the content folder ${content}`));
    const result = await runCli('build', '--content', content, '--out', content, '--no-pdf', '--no-search', '--cache', join(dir, 'cache'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`jianbao: ${refusal(content, `it is the content folder ${content}`)}\n`);
    expect(await hashTree(content)).toBe(contentHash);
  });

  it('the folder that holds the content (its parent)', async () => {
    expect(await refused(dir)).toBe(refusal(dir, `it holds the content folder ${content}`));
  });

  it('a folder inside the content, existing or not', async () => {
    const inside = join(content, '2021');
    expect(await refused(inside)).toBe(refusal(inside, `it is inside the content folder ${content}`));
    expect(await refused(join(content, 'site'))).toBe(refusal(join(content, 'site'), `it is inside the content folder ${content}`));
    expect(existsSync(join(content, 'site'))).toBe(false);
  });

  it('a symlink to the content folder', async () => {
    const link = join(dir, 'link-to-content');
    await symlink(content, link);
    try {
      expect(await refused(link)).toBe(refusal(link, `it is the content folder ${content}`));
    } finally {
      await rm(link);
    }
  });

  it('the templates folder and the build cache', async () => {
    const templates = join(dir, 'templates');
    await cp('templates', templates, { recursive: true });
    const templatesHash = await hashTree(templates);
    expect(await refused(templates, { templatesDir: templates })).toBe(refusal(templates, `it is the templates folder ${templates}`));
    expect(await hashTree(templates)).toBe(templatesHash);
    await rm(templates, { recursive: true });
    const cacheDir = join(dir, 'cache');
    const message = await build({ contentDir: content, outDir: cacheDir, pdf: false, cacheDir }).catch((error: Error) => error.message);
    expect(message).toBe(refusal(cacheDir, `it is the build cache ${cacheDir}`));
    expect(existsSync(cacheDir)).toBe(false);
  });

  // Checked without building: were the check broken, a build would delete the repository or more.
  it('the current folder, a folder that holds it, the home folder and /', () => {
    const check = (out: string) => {
      try {
        checkOutputFolder(out, folders());
      } catch (error) {
        expect(error).toBeInstanceOf(OutputFolderError);
        return (error as Error).message;
      }
      throw new Error(`${out} was accepted`);
    };
    expect(check('.')).toBe(refusal('.', `it is the current folder ${process.cwd()}`));
    expect(check(process.cwd())).toBe(refusal(process.cwd(), `it is the current folder ${process.cwd()}`));
    expect(check('..')).toBe(refusal('..', `it holds the current folder ${process.cwd()}`));
    expect(check('/')).toBe(refusal('/', 'it is the root folder'));
    expect(check(homedir())).toMatch(new RegExp(`^${homedir()}: refusing to use this as the output folder: it (is|holds) the (home|current) folder `));
  });

  it('a folder that holds a git repository', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, '.git'), { recursive: true });
    await writeFile(join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const before = await hashTree(project);
    expect(await refused(project)).toBe(
      refusal(
        project,
        'it holds files jianbao did not write (.git)',
        `Empty it, or pass --out a new folder; a folder written by jianbao holds ${OUTPUT_MARKER}.`,
      ),
    );
    expect(await hashTree(project)).toBe(before);
  });

  it('a folder that holds a package.json and more, naming the first three', async () => {
    const project = join(dir, 'package');
    await mkdir(project);
    for (const name of ['package.json', 'README.md', 'index.js', 'LICENSE']) await writeFile(join(project, name), name);
    const before = await hashTree(project);
    expect(await refused(project)).toBe(
      refusal(
        project,
        'it holds files jianbao did not write (LICENSE, README.md, index.js and 1 more)',
        `Empty it, or pass --out a new folder; a folder written by jianbao holds ${OUTPUT_MARKER}.`,
      ),
    );
    expect(await hashTree(project)).toBe(before);
  });

  it('a file', async () => {
    const file = join(dir, 'notes.txt');
    await writeFile(file, '笔记');
    expect(await refused(file)).toBe(refusal(file, 'it is a file, not a folder'));
    expect(await refused(join(file, 'site'))).toBe(refusal(join(file, 'site'), 'a folder on its path is a file'));
    expect(await readFile(file, 'utf8')).toBe('笔记');
  });
});

describe('build --out accepts', () => {
  let site: string;
  beforeEach(async () => {
    site = await mkdtemp(join(dir, 'site-'));
  });

  it('an existing empty folder, and the folder it wrote on the next build', async () => {
    await build({ contentDir: content, outDir: site, pdf: false, search: false, cacheDir: false });
    expect(await readFile(join(site, OUTPUT_MARKER), 'utf8')).toMatch(/^This folder was written by jianbao build/);
    expect(existsSync(join(site, '2021/11/index.html'))).toBe(true);
    await writeFile(join(site, 'stray.html'), 'a file the build did not write');
    await build({ contentDir: content, outDir: site, pdf: false, search: false, cacheDir: false });
    expect(existsSync(join(site, 'stray.html'))).toBe(false);
    expect(existsSync(join(site, OUTPUT_MARKER))).toBe(true);
    expect(await hashTree(content)).toBe(contentHash);
  });

  it('a new folder, leaving folders beside it named like temporaries untouched', async () => {
    const out = join(site, 'dist');
    const neighbours = ['dist.old-backup', 'dist.tmp-notes', 'dist.pdf-1-x', 'dist.lock', '.dist.jianbao-work-notes'];
    for (const name of neighbours) {
      await mkdir(join(site, name, '2021'), { recursive: true });
      await writeFile(join(site, name, '2021', 'keep.txt'), name);
    }
    const before = await Promise.all(neighbours.map((name) => hashTree(join(site, name))));
    // The first build finds no dist/: a folder once named like the swap's leftovers was put there.
    await build({ contentDir: content, outDir: out, pdf: false, search: false, cacheDir: false });
    await build({ contentDir: content, outDir: out, pdf: false, search: false, cacheDir: false });
    expect(await Promise.all(neighbours.map((name) => hashTree(join(site, name))))).toEqual(before);
    expect((await readdir(site)).sort()).toEqual(['dist', ...neighbours].sort());
    expect(existsSync(join(out, '2021/keep.txt'))).toBe(false);
  });
});

describe('pdf --out refuses', () => {
  const pdfRefusal = (file: string, reason: string, what: string) => `${file}: refusing to write the PDF here: ${reason}. ${what}`;
  const check = (file: string) => {
    try {
      checkPdfFile(file, folders());
      return 'accepted';
    } catch (error) {
      expect(error).toBeInstanceOf(OutputFolderError);
      return (error as Error).message;
    }
  };

  it('a content file, before any work, through the CLI', async () => {
    const target = join(content, '2021/11/index.md');
    const result = await runCli('pdf', target, '--content', content, '--out', target);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      `jianbao: ${pdfRefusal(target, `it is inside the content folder ${content}`, 'Pass --out a path outside it, such as 2021-11.pdf.')}\n`,
    );
    expect(await hashTree(content)).toBe(contentHash);
  });

  it('a file that is not a PDF, and a folder; a PDF or a new name is fine', async () => {
    const notes = join(dir, 'notes.md');
    await writeFile(notes, '# 笔记\n');
    expect(check(notes)).toBe(
      pdfRefusal(notes, 'the file there is not a PDF and would be replaced', 'Pass --out a new file name, or the name of a PDF to replace.'),
    );
    expect(check(dir)).toBe(pdfRefusal(dir, 'it is a folder', 'Pass --out a file name, such as 2021-11.pdf.'));
    const pdf = join(dir, 'old.pdf');
    await writeFile(pdf, '%PDF-1.7\n');
    expect(check(pdf)).toBe('accepted');
    expect(check(join(dir, 'new.pdf'))).toBe('accepted');
    expect(await readFile(notes, 'utf8')).toBe('# 笔记\n');
  });
});
