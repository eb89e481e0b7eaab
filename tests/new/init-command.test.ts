import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/init.ts';
import { main } from '../../src/cli/main.ts';
import { version } from '../../src/cli/version.ts';
import { build } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';

const temp: string[] = [];
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

async function emptyFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-init-'));
  temp.push(dir);
  return dir;
}

/** Run the CLI in-process, collecting what it prints. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

const settings = ['--title', '测试市工作简报', '--issuer', '测试市住房和城乡建设局', '--url', 'https://example.org/bulletin/', '--date', '2025-03-04'];

describe('jianbao init', () => {
  it('says to copy jianbao’s packed file where the dependency it wrote names it, as npm has no jianbao to install', async () => {
    const dir = await emptyFolder();
    const result = await cli('init', dir, ...settings);
    expect(result.stdout.split('\n').slice(-3)).toEqual([
      `Next: copy jianbao-${version()}.tgz (npm pack in jianbao's folder writes it) into ${dir}/vendor/, then`,
      `  cd ${dir} && npm install && npx jianbao build`,
      '',
    ]);
  });

  it('quotes a folder with spaces in the command it says to run, so that it can be pasted', async () => {
    const dir = join(await emptyFolder(), "县 政府 简报's");
    const result = await cli('init', dir, ...settings);
    expect(result.stdout.split('\n').at(-2)).toBe(`  cd '${dir.replace("'", `'\\''`)}' && npm install && npx jianbao build`);
  });

  it('says only npm install where package.json already names jianbao, as npm install of the packed file leaves it', async () => {
    const dir = await emptyFolder();
    await writeFile(join(dir, 'package.json'), `{ "dependencies": { "jianbao": "file:vendor/jianbao-${version()}.tgz" } }\n`);
    await mkdir(join(dir, 'vendor'));
    await writeFile(join(dir, 'vendor', `jianbao-${version()}.tgz`), '');
    const result = await cli('init', dir, ...settings);
    expect(result.stdout.endsWith(`\nNext: cd ${dir} && npm install && npx jianbao build\n`)).toBe(true);
  });

  it('writes a bulletin that builds right away', async () => {
    const dir = await emptyFolder();
    const result = await cli('init', dir, ...settings);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n').slice(0, 6)).toEqual(
      ['content/bulletin.yaml', 'content/2025/1/index.md', 'content/2025/1/progress.csv', '.github/workflows/publish.yml', 'package.json', '.gitignore'].map(
        (path) => join(dir, path),
      ),
    );
    expect(await readFile(join(dir, 'content/bulletin.yaml'), 'utf8')).toMatch(
      /^title: 测试市工作简报\nissuer: 测试市住房和城乡建设局\nurl: https:\/\/example.org\/bulletin\/\n/,
    );
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      private: true,
      scripts: { build: 'jianbao build', check: 'jianbao check', dev: 'jianbao dev' },
      // The packed file kept in the repository, never a registry range for a name jianbao does not hold there.
      dependencies: { jianbao: `file:vendor/jianbao-${version()}.tgz` },
    });
    // The work folder beside dist/ too, which a build killed outright leaves until the next build.
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('dist/\n.cache/\nnode_modules/\n.*.jianbao-work/\n');
    expect(await readFile(join(dir, '.github/workflows/publish.yml'), 'utf8')).toContain('run: npx jianbao check --content content');

    const built = await build({
      contentDir: join(dir, 'content'),
      outDir: join(dir, 'dist'),
      cacheDir: false,
      templatesDir: BUNDLED_TEMPLATES,
      pdf: false,
      search: false,
    });
    // Only the starter article's placeholders and its starter table (甲县, 乙县), which are to be written over.
    expect(built.warnings.map((warning) => `${warning.line}:${warning.column} ${warning.ruleId}`)).toEqual([
      '10:4 placeholder',
      '10:14 placeholder',
      '12:4 placeholder',
      '16:1 placeholder',
      '20:1 placeholder',
    ]);
    expect(built.warnings.at(-1)?.reason).toBe(
      "Unexpected starter table progress.csv of the new issue, its 甲县 and 乙县 with figures of 0; enter this issue's table in its place, or delete the table and its heading",
    );
    expect(built.counts).toMatchObject({ issues: 1, rendered: 1 });
    const page = await readFile(join(dir, 'dist/2025/1/index.html'), 'utf8');
    expect(page).toContain('测试市工作简报');
    expect(page).toContain('2025年第1期');
  });

  it('starts the next issue with one placeholder article and the table article, its month moved on', async () => {
    const dir = await emptyFolder();
    expect((await cli('init', dir, ...settings)).code).toBe(0);
    expect((await cli('new', '--content', join(dir, 'content'), '--date', '2025-04-02')).code).toBe(0);
    const markdown = await readFile(join(dir, 'content/2025/2/index.md'), 'utf8');
    expect(markdown.match(/^## .*/gm)).toEqual(['## 文章标题第一行 / 文章标题第二行', '## 2025年4月工作进展情况']);
    expect(markdown).toContain('## 2025年4月工作进展情况\n\n::table{src="progress.csv" header-rows="1"}\n');
    expect(await readFile(join(dir, 'content/2025/1/index.md'), 'utf8')).toContain('## 2025年3月工作进展情况\n\n::table{src="progress.csv"');
    // The starter table carried forward is the starter still, said once at each issue's table.
    const checked = await cli('check', '--content', join(dir, 'content'), '--no-cache');
    expect(checked.stderr.split('\n').filter((line) => /starter table|table-unchanged/.test(line))).toEqual(
      ['1', '2'].map(
        (number) =>
          `${relative(process.cwd(), join(dir, 'content/2025', number, 'index.md'))}:20:1: warning: Unexpected starter table progress.csv of the new issue, its 甲县 and 乙县 with figures of 0; enter this issue's table in its place, or delete the table and its heading [placeholder]`,
      ),
    );
  });

  it('starts a series whose 总第N期 goes on from issues published before at the total given', async () => {
    const dir = await emptyFolder();
    expect((await cli('init', dir, ...settings, '--total', '37')).code).toBe(0);
    expect(await readFile(join(dir, 'content/2025/1/index.md'), 'utf8')).toMatch(/^---\n# 2025年第1期 总第37期\nyear: 2025\nnumber: 1\ntotal: 37\n/);
    expect((await cli('new', '--content', join(dir, 'content'), '--date', '2025-04-02')).code).toBe(0);
    expect(await readFile(join(dir, 'content/2025/2/index.md'), 'utf8')).toMatch(/^---\n# 2025年第2期 总第38期\n/);
    const refused = await cli('init', await emptyFolder(), ...settings, '--total', '0');
    expect([refused.code, refused.stderr]).toEqual([1, "jianbao: --total: Expected the first issue's 总第N期 as a whole number from 1, such as 37, got 0\n"]);
  });

  it('completes the package.json and .gitignore that installing jianbao left', async () => {
    const dir = await emptyFolder();
    await writeFile(join(dir, 'package.json'), JSON.stringify({ dependencies: { jianbao: 'file:jianbao-0.1.0.tgz' }, scripts: { build: 'make' } }));
    await writeFile(join(dir, '.gitignore'), 'node_modules');
    expect((await cli('init', dir, ...settings)).code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))).toEqual({
      // Kept off the public registry, as the content may hold licensed font files.
      private: true,
      dependencies: { jianbao: 'file:jianbao-0.1.0.tgz' },
      scripts: { build: 'make', check: 'jianbao check', dev: 'jianbao dev' },
    });
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\ndist/\n.cache/\n.*.jianbao-work/\n');
  });

  it('refuses to overwrite a bulletin, and writes nothing then', async () => {
    const dir = await emptyFolder();
    expect((await cli('init', dir, ...settings)).code).toBe(0);
    await rm(join(dir, 'package.json'));
    const again = await cli('init', dir, ...settings);
    expect(again).toEqual({
      code: 1,
      stdout: '',
      stderr: `jianbao: ${join(dir, 'content/bulletin.yaml')} already exists; \`jianbao init\` never overwrites a file: start the bulletin in an empty folder, or move the file away\n`,
    });
    expect(await readdir(dir)).not.toContain('package.json');
  });

  it('asks its questions in turn on a terminal, each answer pasted at once going to its own', async () => {
    const output = new PassThrough();
    const answers = await ask(['title', 'issuer', 'url'], Readable.from(['平远县农业工作简报\n平远县农业农村局\nhttps://example.org/\n']), output);
    expect(answers).toEqual({ title: '平远县农业工作简报', issuer: '平远县农业农村局', url: 'https://example.org/' });
    expect(String(output.read())).toContain('Site URL');
    const ended = await ask(['title', 'issuer'], Readable.from(['平远县农业工作简报\n']), new PassThrough()).catch((error: Error) => error.message);
    expect(ended).toBe('Expected an answer, found the end of the input (Ctrl+D); nothing was written');
  });

  it('asks for the settings it cannot prompt for, and checks them', async () => {
    const dir = await emptyFolder();
    expect(await cli('init', dir, '--title', 'T')).toMatchObject({ code: 1, stderr: 'jianbao: Expected --issuer, --url when not run on a terminal\n' });
    const bad = await cli('init', dir, '--title', 'T', '--issuer', 'I', '--url', 'ftp://example.org/');
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'jianbao: --url: Expected an http: or https: address such as https://example.org/jianbao/, got ftp://example.org/\n',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('ships jianbao’s own publish workflow, running the installed jianbao', async () => {
    const own = await readFile('.github/workflows/publish.yml', 'utf8');
    const starter = await readFile('starter/publish.yml', 'utf8');
    expect(starter).toBe(own.replaceAll('node bin/jianbao.js', 'npx jianbao').replace('in the README.', 'in jianbao’s README.'));
  });
});

describe('the npm package', () => {
  it('holds what runs and nothing else', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { maxBuffer: 16 * 1024 * 1024 });
    const [pack] = JSON.parse(stdout) as [{ files: Array<{ path: string }> }];
    const tops = new Set(pack.files.map((file) => file.path.replace(/\/.*/, '/')));
    // lib/ is the bundled CLI `prepare` writes (on `npm ci` and `npm pack`).
    expect([...tops].sort()).toEqual(['README.md', 'bin/', 'lib/', 'package.json', 'src/', 'starter/', 'templates/']);
    const paths = pack.files.map((file) => file.path);
    expect(paths).toContain('bin/jianbao.js');
    expect(paths).toContain('lib/cli.mjs');
    expect(paths).toContain('src/cli/main.ts');
    expect(paths).toContain('templates/print.njk');
    expect(paths.filter((path) => /\.test\.ts$|^tests\/|^content\/|^scripts\//.test(path))).toEqual([]);
  }, 60_000);
});
