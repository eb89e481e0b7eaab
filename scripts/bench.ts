// npm run bench [-- --issues N] [-- --keep]
//
// Builds a synthetic archive of N issues (default 500) shaped like the reference issue and
// reports, from one run: a cold build without PDFs, a cold build with PDFs, a rebuild with
// nothing changed, a rebuild after one issue changed, the builds' peak RSS, and the floor —
// unified + nunjucks alone, and bare page.pdf() — with our/floor ratios. It reports; it never
// asserts. Each build runs in its own process, as `jianbao build` does.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { progressCsv, writeSyntheticArchive } from './synthetic-archive.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'jianbao.js');
const RSS_HOOK = join(ROOT, 'scripts', 'bench', 'max-rss.mjs');
const TEMPLATES = join(ROOT, 'templates');

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '500' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.issues);
if (!Number.isInteger(count) || count < 1) throw new Error(`Expected --issues to be a whole number from 1 up, got ${values.issues}`);

interface BuildRun {
  readonly seconds: number;
  /** Peak RSS of the build's Node process, in MiB. */
  readonly rssMiB: number;
  readonly summary: string;
  readonly phases: ReadonlyMap<string, number>;
}

const tmp = await mkdtemp(join(os.tmpdir(), 'jianbao-bench-'));
const content = join(tmp, 'content');
const out = join(tmp, 'dist');
const cache = join(tmp, 'cache');

async function build(...extra: string[]): Promise<BuildRun> {
  const rssFile = join(tmp, 'rss');
  const started = performance.now();
  const { stdout } = await run(process.execPath, ['--import', RSS_HOOK, BIN, 'build', '--content', content, '--out', out, '--cache', cache, '--timings', ...extra], {
    cwd: tmp,
    env: { ...process.env, CI: 'true', JIANBAO_BENCH_RSS: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = stdout.trim().split('\n');
  const timings = lines.find((line) => / ms( ·|$)/.test(line)) ?? '';
  const phases = new Map([...timings.matchAll(/([a-z][a-z ]*?) (\d+) ms/g)].map((match) => [match[1]!.replace(/^jianbao: /, ''), Number(match[2]) / 1000]));
  return {
    seconds,
    rssMiB: Number(await readFile(rssFile, 'utf8')) / 1024,
    summary: lines.find((line) => / issues? \(/.test(line)) ?? '(no summary line)',
    phases,
  };
}

const f = (value: number, digits = 2) => value.toFixed(digits);
const line = (label: string, text: string) => console.log(`${label.padEnd(34)} ${text}`);

console.log(`jianbao benchmark: ${count} issues, ${os.availableParallelism()} cores, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(`load average before: ${os.loadavg().map((value) => f(value)).join(' ')} (other work on the machine skews every figure)`);
const issues = await writeSyntheticArchive(content, { issues: count });

const help = (await run(process.execPath, [BIN, 'build', '--help'])).stdout;
const pdfStep = help.includes('--no-pdf');
const htmlOnly = pdfStep ? ['--no-pdf'] : [];

// Cold HTML-only: no output, no cache.
const cold = await build(...htmlOnly);
const search = cold.phases.get('search index') ?? 0;
line('cold build, no PDFs', `${f(cold.seconds)} s wall, ${f((cold.seconds * 1000) / count, 2)} ms/issue, peak RSS ${f(cold.rssMiB, 0)} MiB`);
line('  of which search index', `${f(search)} s`);
line('  without the search index', `${f(cold.seconds - search)} s`);
line('  phases', [...cold.phases].map(([phase, s]) => `${phase} ${f(s)} s`).join(' · '));

let full: BuildRun | undefined;
if (pdfStep) {
  await rm(cache, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  full = await build();
  const pdfSeconds = full.phases.get('pdf') ?? full.seconds;
  line('cold build with PDFs', `${f(full.seconds)} s wall, ${f(count / pdfSeconds)} PDFs/s in the PDF step (${f(pdfSeconds)} s), peak RSS ${f(full.rssMiB, 0)} MiB`);
} else {
  line('cold build with PDFs', 'n/a (PDF step not on main)');
}

const same = await build();
line('rebuild, nothing changed', `${f(same.seconds)} s wall, peak RSS ${f(same.rssMiB, 0)} MiB`);
line('  summary', same.summary);

const changed = issues[Math.floor(count / 2)]!;
await writeFile(join(changed.dir, 'progress.csv'), progressCsv(changed.total, 1));
const one = await build();
line('rebuild, one CSV changed', `${f(one.seconds)} s wall, peak RSS ${f(one.rssMiB, 0)} MiB`);
line('  summary', one.summary);
line('  phases', [...one.phases].map(([phase, s]) => `${phase} ${f(s)} s`).join(' · '));

const peak = Math.max(cold.rssMiB, full?.rssMiB ?? 0, same.rssMiB, one.rssMiB);
line('peak RSS of any build', `${f(peak, 0)} MiB (Node process; Chromium's processes are not included)`);

// The floor, in a fresh process too, timed inside it (no start-up, no I/O).
const floor = JSON.parse((await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'floor-render.ts'), content, TEMPLATES], { cwd: ROOT })).stdout) as { ms: number };
const floorSeconds = floor.ms / 1000;
const ours = cold.seconds - search;
line('floor: unified + nunjucks alone', `${f(floorSeconds)} s, ${f(floor.ms / count)} ms/issue (one thread, no tables, no checks, no I/O)`);
line('ours/floor, cold HTML', `${f(ours / floorSeconds)} (cold build without search index, wall, start-up included)`);
const inProcess = ['validate', 'pages', 'write'].reduce((sum, phase) => sum + (cold.phases.get(phase) ?? 0), 0);
line('ours/floor, cold HTML in-process', `${f(inProcess / floorSeconds)} (validate + pages + write phases)`);
if (!pdfStep) line('floor: bare page.pdf()', 'n/a (PDF step not on main)');

console.log(`load average after: ${os.loadavg().map((value) => f(value)).join(' ')}`);
if (values.keep) console.log(`kept ${tmp}`);
else await rm(tmp, { recursive: true, force: true });
