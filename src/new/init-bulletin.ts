import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { seriesSchema } from '../load/schema.ts';
import { nextIssue } from './next-issue.ts';
import { STARTER_TABLE } from '../table/starter-table.ts';
import { issueSkeleton, PROGRESS_CSV } from './skeleton.ts';

/** What a new bulletin starts from: the series file's three required settings. */
export interface BulletinSettings {
  /** The series title, such as `梅州市城镇老旧小区改造工作简报`. */
  readonly title: string;
  /** The issuing office, such as `梅州市住房和城乡建设局`. */
  readonly issuer: string;
  /** Where the archive is published, such as `https://example.org/jianbao/`. */
  readonly url: string;
  /** The first issue's date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The first issue's 总第N期, for a series whose count goes on from issues before it. @default 1 */
  readonly total?: number;
}

/** The scripts a bulletin's package.json runs jianbao with. */
const SCRIPTS = { build: 'jianbao build', check: 'jianbao check', dev: 'jianbao dev' } as const;
/** What a build writes beside the content: `.dist.jianbao-work/` is left behind by a build killed outright (kill -9) until the next one. */
const IGNORED = ['dist/', '.cache/', 'node_modules/', '.*.jianbao-work/'] as const;
/** The publishing workflow, jianbao's own with `npx jianbao` for `node bin/jianbao.js`. */
const WORKFLOW = new URL('../../starter/publish.yml', import.meta.url);

/**
 * Start a bulletin in `dir`: `content/bulletin.yaml`, a first issue (第1期 总第1期, or the
 * total given) with its
 * starter table, the scripts in `package.json`, `.gitignore` and the GitHub Pages workflow.
 * A package.json or .gitignore already there (as `npm install jianbao` leaves one) gets what it
 * lacks; any other file already there stops it before anything is written. Resolves to the
 * paths written, relative to `dir`.
 */
export async function initBulletin(dir: string, settings: BulletinSettings, jianbaoVersion: string): Promise<string[]> {
  const series = seriesSchema.safeParse({ title: settings.title, issuer: settings.issuer, url: settings.url });
  if (!series.success) {
    const issue = series.error.issues[0]!;
    throw new Error(`--${issue.path.join('.')}: ${issue.message}`);
  }
  const first = { ...nextIssue([], settings.date), total: settings.total ?? 1 };
  const issueDir = join('content', String(first.year), String(first.number));
  const created: Array<[string, string]> = [
    [join('content', 'bulletin.yaml'), seriesFile(settings)],
    [join(issueDir, 'index.md'), issueSkeleton(first)],
    [join(issueDir, PROGRESS_CSV), STARTER_TABLE],
    [join('.github', 'workflows', 'publish.yml'), await readFile(WORKFLOW, 'utf8')],
  ];
  for (const [path] of created) {
    if (await exists(join(dir, path))) {
      throw new Error(
        `${join(dir, path)} already exists; \`jianbao init\` never overwrites a file: start the bulletin in an empty folder, or move the file away`,
      );
    }
  }
  const updated: Array<[string, string]> = [
    ['package.json', packageJson(await readText(join(dir, 'package.json')), basename(resolve(dir)), jianbaoVersion)],
    ['.gitignore', gitignore(await readText(join(dir, '.gitignore')))],
  ];
  for (const [path, contents] of [...created, ...updated]) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    // `wx` fails rather than overwrite a file that appeared since the check.
    await writeFile(join(dir, path), contents, { flag: created.some(([name]) => name === path) ? 'wx' : 'w' });
  }
  return [...created, ...updated].map(([path]) => path);
}

function seriesFile(settings: BulletinSettings): string {
  return `${stringify({ title: settings.title, issuer: settings.issuer, url: settings.url })}# Who receives the bulletin, printed in its 版记 (each issue may give its own):
# distribution:
#   报送: 市委、市政府领导
#   发送: 各县（市、区）人民政府
#   抄送: 市直有关单位
`;
}

/** The given package.json with the scripts, the jianbao dependency and `private` it lacks, or a new one. */
function packageJson(existing: string | undefined, folder: string, version: string): string {
  const manifest = existing === undefined ? { name: packageName(folder), private: true } : (JSON.parse(existing) as Record<string, unknown>);
  const scripts = (manifest.scripts ?? {}) as Record<string, string>;
  const dependencies = (manifest.dependencies ?? {}) as Record<string, string>;
  const devDependencies = (manifest.devDependencies ?? {}) as Record<string, string>;
  const withJianbao = 'jianbao' in dependencies || 'jianbao' in devDependencies ? dependencies : { ...dependencies, jianbao: packedDependency(version) };
  // Private unless it says otherwise: `npm publish` would put the bulletin, and the licensed font
  // files its content folder may hold, on the public registry.
  return `${JSON.stringify({ private: true, ...manifest, scripts: { ...SCRIPTS, ...scripts }, dependencies: withJianbao }, null, 2)}\n`;
}

/**
 * jianbao as a bulletin depends on it: the packed file kept in its repository (README, Start your
 * own bulletin), as `npm install ./vendor/jianbao-0.1.0.tgz` records it. Never a registry range:
 * jianbao is not on the npm registry, and a package published there under its name by anyone
 * would be installed in its place.
 */
export function packedDependency(version: string): string {
  return `file:vendor/jianbao-${version}.tgz`;
}

/** A folder name as an npm package name: `Meizhou Bulletin` → `meizhou-bulletin`. */
function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name || 'bulletin';
}

function gitignore(existing: string | undefined): string {
  const lines = existing?.split('\n').map((line) => line.trim()) ?? [];
  const missing = IGNORED.filter((entry) => !lines.includes(entry) && !lines.includes(entry.replace(/\/$/, '')));
  const start = existing === undefined || existing === '' ? '' : existing.endsWith('\n') ? existing : `${existing}\n`;
  return `${start}${missing.map((entry) => `${entry}\n`).join('')}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}
