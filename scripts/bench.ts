// npm run bench [-- --issues N] [--pdf-issues P] [--cold-runs R] [--xlsx] [--keep]
// npm run bench -- --scale [--sizes 1000,5000,10000] [--search]
//
// Builds a synthetic archive of N issues (default 500) shaped like the reference issue and
// reports, from one run: a cold build without PDFs, a cold build with PDFs, a rebuild with
// nothing changed, a rebuild after one issue changed, the builds' peak RSS, and the floor —
// unified + nunjucks alone, and bare page.pdf() — with our/floor ratios. It reports; it never
// asserts. Each build runs in its own process, as `jianbao build` does. Printing takes about a
// second per PDF per core, so --pdf-issues P runs the PDF lines on a separate archive of P issues
// (default: N). The cold build without the search index is timed R times (default 3), each on
// fresh output and cache folders, and reported as the median with every run: on a virtual machine
// one run can take a third longer than the next for reasons outside the build. Each cold build
// with the search index is compared with the build without it plus Pagefind alone (its CLI) over
// the pages that build wrote, and with Eleventy + Pagefind: the same issues as a plain Eleventy
// site (scripts/bench/eleventy-site.ts), built by Eleventy's CLI and indexed by Pagefind's.
// --xlsx also times the cold build of the same archive with each table as an Excel workbook
// (merged header, SUM formulas) in place of its CSV, R times, against the CSV archive's.
//
// --scale builds archives of each size in --sizes, cold, without PDFs or search index, then
// rebuilds each with nothing changed (twice; from about 2,000 issues each finds the stamp the
// build before it left) and with one issue's CSV changed (with
// --search, also with it and against Pagefind alone), and prints a table of wall time, the
// phases and peak RSS, then the slope of time and memory against issues: how much each further
// 1,000 issues cost, which is flat when every phase is linear; then the rebuilds' times.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs, promisify } from 'node:util';
import { writeEleventySite } from './bench/eleventy-site.ts';
import { addSyntheticIssue, progressCsv, type SyntheticArchiveOptions, type SyntheticIssue, writeSyntheticArchive } from './synthetic-archive.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'jianbao.js');
const RSS_HOOK = join(ROOT, 'scripts', 'bench', 'max-rss.mjs');
const TEMPLATES = join(ROOT, 'templates');

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '500' },
    'pdf-issues': { type: 'string' },
    'cold-runs': { type: 'string', default: '3' },
    xlsx: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,5000,10000' },
    search: { type: 'boolean', default: false },
  },
});
const count = Number(values.issues);
if (!Number.isInteger(count) || count < 1) throw new Error(`Expected --issues to be a whole number from 1 up, got ${values.issues}`);
const pdfCount = Number(values['pdf-issues'] ?? count);
if (!Number.isInteger(pdfCount) || pdfCount < 1) throw new Error(`Expected --pdf-issues to be a whole number from 1 up, got ${values['pdf-issues']}`);
const coldRuns = Number(values['cold-runs']);
if (!Number.isInteger(coldRuns) || coldRuns < 1) throw new Error(`Expected --cold-runs to be a whole number from 1 up, got ${values['cold-runs']}`);

interface BuildRun {
  readonly seconds: number;
  /** Peak RSS of the build's Node process, in MiB. */
  readonly rssMiB: number;
  readonly summary: string;
  readonly phases: ReadonlyMap<string, number>;
}

const tmp = await mkdtemp(join(os.tmpdir(), 'jianbao-bench-'));

/** An archive with its own output and cache folders. */
interface Site {
  readonly content: string;
  readonly out: string;
  readonly cache: string;
}
const site = (name: string, content = join(tmp, name, 'content')): Site => ({ content, out: join(tmp, name, 'dist'), cache: join(tmp, name, 'cache') });

async function build({ content, out, cache }: Site, ...extra: string[]): Promise<BuildRun> {
  const rssFile = join(tmp, 'rss');
  await settle();
  const started = performance.now();
  const stdout = await jianbao(['--import', RSS_HOOK, BIN, 'build', '--content', content, '--out', out, '--cache', cache, '--timings', ...extra], {
    ...process.env,
    CI: 'true',
    JIANBAO_BENCH_RSS: rssFile,
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = stdout.trim().split('\n');
  const timings = lines.find((line) => / ms( ·|$)/.test(line)) ?? '';
  const phases = new Map([...timings.matchAll(/([a-z][a-z -]*?) (\d+) ms/g)].map((match) => [match[1]!.replace(/^jianbao: /, ''), Number(match[2]) / 1000]));
  return {
    seconds,
    rssMiB: Number(await readFile(rssFile, 'utf8')) / 1024,
    summary: lines.find((line) => / issues? \(/.test(line)) ?? '(no summary line)',
    phases,
  };
}

/**
 * `node args`, with its stderr written to a file, as a CI job's log is, rather than read into
 * this process: a synthetic issue has 33 typography warnings, so 10,000 issues print 43 MB of
 * them on every build, which this process would decode and hold while the build waited on the
 * pipe. Resolves to its stdout; rejects with the end of its stderr when it fails.
 */
async function jianbao(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const logPath = join(tmp, 'stderr.log');
  const log = await open(logPath, 'w');
  try {
    const child = spawn(process.execPath, args, { cwd: tmp, env, stdio: ['ignore', 'pipe', log.fd] });
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
    if (code !== 0) throw new Error(`jianbao exited with ${code}: ${(await readFile(logPath, 'utf8')).slice(-4000)}`);
    return stdout;
  } finally {
    await log.close();
  }
}

/**
 * A synthetic archive in `contentDir`, left to settle before it is built, as an office's archive
 * written long before is: a file changed less than 2 s before a build starts is "racy" (see
 * `settled` in src/cache/build-cache.ts) and read and hashed again by the next build, so the
 * rebuild after the cold build would read the files written last (10,000 issues, nothing
 * changed: 3.1-3.8 s against 1.7-1.9 s once settled).
 */
async function settledArchive(contentDir: string, options: SyntheticArchiveOptions): Promise<SyntheticIssue[]> {
  const issues = await writeSyntheticArchive(contentDir, options);
  await delay(2_100);
  return issues;
}

/**
 * Let the disk write back what the benchmark wrote before (the synthetic archive, the last
 * build), so that a build is not timed while the kernel flushes the files of another.
 */
async function settle(): Promise<void> {
  if (process.platform !== 'win32') await run('sync').catch(() => {});
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Pagefind's own CLI over the HTML pages of `out`, into a folder of its own, as a site built by another tool would be indexed. */
async function pagefindAlone(out: string): Promise<number> {
  const started = performance.now();
  await run(
    join(ROOT, 'node_modules', '.bin', 'pagefind'),
    ['--site', out, '--output-path', join(tmp, `pagefind-alone-${Date.now()}`), '--exclude-selectors', '.chart'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return (performance.now() - started) / 1000;
}

/**
 * The same issues as a plain Eleventy site (scripts/bench/eleventy-site.ts): Eleventy's CLI in
 * a fresh process, then Pagefind's CLI over what it wrote, each timed from outside.
 */
async function eleventyPagefind(content: string): Promise<{ eleventy: number; pagefind: number }> {
  const dir = join(tmp, 'eleventy');
  await writeEleventySite(content, dir);
  await settle();
  const started = performance.now();
  await run(join(ROOT, 'node_modules', '.bin', 'eleventy'), ['--config=eleventy.config.mjs', '--quiet'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const eleventy = (performance.now() - started) / 1000;
  await settle();
  return { eleventy, pagefind: await pagefindAlone(join(dir, '_site')) };
}

const f = (value: number, digits = 2) => value.toFixed(digits);
/** Up to date from the stamp of the build before (see src/cache/up-to-date-stamp.ts): it loaded nothing. */
const stamped = (run: BuildRun) => run.summary.includes('already up to date') && !run.phases.has('load');
const phaseList = (run: BuildRun) => [...run.phases].map(([phase, seconds]) => `${phase} ${f(seconds)} s`).join(' · ');
const line = (label: string, text: string) => console.log(`${label.padEnd(34)} ${text}`);

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => f(value))
    .join(' ');

/** Change one issue's CSV (a row and its 合计) to its `bump`th version, as an editor would. */
async function changeOne(list: readonly { dir: string; total: number }[], bump = 1): Promise<void> {
  const changed = list[Math.floor(list.length / 2)]!;
  await writeFile(join(changed.dir, 'progress.csv'), progressCsv(changed.total, bump));
}

/** Of the runs, the one of median time. */
const medianRun = (runs: readonly BuildRun[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;

if (values.scale) {
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`Expected --sizes to list whole numbers from 1 up, got ${values.sizes}`);
  console.log(`jianbao scale benchmark: ${sizes.join(', ')} issues, cold, no PDFs; ${os.availableParallelism()} cores, Node ${process.version}`);
  console.log(`load average before: ${loadAverage()} (other work on the machine skews every time; peak RSS does not depend on it)`);
  const PHASES = ['load', 'validate', 'pages', 'write'] as const;
  const rows: {
    issues: number;
    run: BuildRun;
    same: BuildRun;
    again: BuildRun;
    ones: BuildRun[];
    next: BuildRun[];
    search?: { run: BuildRun; alone: number };
  }[] = [];
  for (const size of sizes) {
    const archive = site(`scale-${size}`);
    const written = await settledArchive(archive.content, { issues: size });
    const cold = await build(archive, '--no-pdf', '--no-search');
    const same = await build(archive, '--no-pdf', '--no-search');
    const again = await build(archive, '--no-pdf', '--no-search');
    // Three times, the same CSV changed again each time: one run is at the mercy of the machine.
    const ones: BuildRun[] = [];
    for (const bump of [1, 2, 3]) {
      await changeOne(written, bump);
      ones.push(await build(archive, '--no-pdf', '--no-search'));
    }
    // An editor's usual change: the next issue, whose table reports a month none did before. At
    // these sizes (multiples of 100 months) that month starts a series page and the series pages
    // number anew, which happens once in 100 months; so the issue after it too.
    const next: BuildRun[] = [];
    for (const added of [0, 1]) {
      await addSyntheticIssue(archive.content, { issues: size + added });
      next.push(await build(archive, '--no-pdf', '--no-search'));
    }
    let search: { run: BuildRun; alone: number } | undefined;
    if (values.search) {
      const withSearch = await build(site(`scale-${size}-search`, archive.content), '--no-pdf');
      search = { run: withSearch, alone: await pagefindAlone(archive.out) };
    }
    rows.push({ issues: size, run: cold, same, again, ones, next, search });
    await rm(join(tmp, `scale-${size}`), { recursive: true, force: true });
    await rm(join(tmp, `scale-${size}-search`), { recursive: true, force: true });
  }
  const seconds = (value: number | undefined) => (value === undefined ? '' : `${f(value)} s`);
  console.log('');
  console.log(
    `| issues | wall | load | validate | pages | write | peak RSS |${values.search ? ' with search | Pagefind alone | with search / (without + Pagefind alone) |' : ''}`,
  );
  console.log(`| --- | --- | --- | --- | --- | --- | --- |${values.search ? ' --- | --- | --- |' : ''}`);
  for (const { issues: size, run: cold, search } of rows) {
    const cells = [size.toLocaleString('en'), seconds(cold.seconds), ...PHASES.map((phase) => seconds(cold.phases.get(phase))), `${f(cold.rssMiB, 0)} MiB`];
    if (search) cells.push(seconds(search.run.seconds), seconds(search.alone), f(search.run.seconds / (cold.seconds + search.alone)));
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log('');
  // Per 1,000 issues between consecutive sizes: flat when time and memory grow linearly.
  for (const [index, row] of rows.entries()) {
    const before = rows[index - 1];
    if (!before) continue;
    const per = (a: number, b: number) => ((b - a) / (row.issues - before.issues)) * 1000;
    const phases = PHASES.map((phase) => `${phase} ${f(per(before.run.phases.get(phase) ?? 0, row.run.phases.get(phase) ?? 0))} s`).join(', ');
    line(
      `slope ${before.issues}→${row.issues}`,
      `${f(per(before.run.seconds, row.run.seconds))} s and ${f(per(before.run.rssMiB, row.run.rssMiB), 0)} MiB per 1,000 issues (${phases})`,
    );
  }
  for (const row of rows) line(`time per issue at ${row.issues}`, `${f((row.run.seconds * 1000) / row.issues)} ms wall`);
  console.log('');
  console.log(
    '| issues | rebuild, nothing changed | peak RSS | again | peak RSS | rebuild, one CSV changed (median of 3) | peak RSS | its phases | the next issue added | the one after it | its phases |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { issues: size, same, again, ones, next } of rows) {
    const mark = (run: BuildRun) => `${seconds(run.seconds)}${stamped(run) ? '' : ' (not stamped)'}`;
    const cells = [size.toLocaleString('en'), mark(same), `${f(same.rssMiB, 0)} MiB`, mark(again), `${f(again.rssMiB, 0)} MiB`];
    const one = medianRun(ones);
    cells.push(`${seconds(one.seconds)} (${ones.map((run) => f(run.seconds)).join(', ')})`, `${f(one.rssMiB, 0)} MiB`, phaseList(one));
    cells.push(...next.map((run) => seconds(run.seconds)), phaseList(next.at(-1)!));
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log(`load average after: ${loadAverage()}`);
  if (values.keep) console.log(`kept ${tmp}`);
  else await rm(tmp, { recursive: true, force: true });
  process.exit(0);
}

console.log(`jianbao benchmark: ${count} issues, ${os.availableParallelism()} cores, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(
  `load average before: ${os
    .loadavg()
    .map((value) => f(value))
    .join(' ')} (other work on the machine skews every figure)`,
);
const html = site('html');
const issues = await settledArchive(html.content, { issues: count });

const help = (await run(process.execPath, [BIN, 'build', '--help'])).stdout;
const pdfStep = help.includes('--no-pdf');
const noPdf = pdfStep ? ['--no-pdf'] : [];

// The cold build the target is about — no output, no cache, no PDFs, no search index — timed
// --cold-runs times, each into new folders.
const colds: BuildRun[] = [];
for (let index = 0; index < coldRuns; index++) colds.push(await build(site(`cold-${index}`, html.content), ...noPdf, '--no-search'));
const coldSeconds = median(colds.map((run) => run.seconds));
line(
  'cold build, no PDFs, no search',
  `${f(coldSeconds)} s wall, ${f((coldSeconds * 1000) / count, 2)} ms/issue (median of ${colds.length}: ${colds.map((run) => f(run.seconds)).join(', ')} s)`,
);
// Where a slow run lost its time: on a virtual machine, the disk (write) or the CPU (validate).
for (const [index, run] of colds.entries()) line(`  run ${index + 1}`, `${phaseList(run)} · peak RSS ${f(run.rssMiB, 0)} MiB`);

// The same archive with .xlsx tables, cold the same way.
if (values.xlsx) {
  const workbooks = site('xlsx');
  await settledArchive(workbooks.content, { issues: count, tables: 'xlsx' });
  const runs: BuildRun[] = [];
  for (let index = 0; index < coldRuns; index++) runs.push(await build(site(`xlsx-${index}`, workbooks.content), ...noPdf, '--no-search'));
  const seconds = median(runs.map((run) => run.seconds));
  line(
    'cold build, .xlsx tables',
    `${f(seconds)} s wall, ${f(seconds / coldSeconds)}× the CSV archive (median of ${runs.length}: ${runs.map((run) => f(run.seconds)).join(', ')} s)`,
  );
  for (const [index, run] of runs.entries()) line(`  run ${index + 1}`, `${phaseList(run)} · peak RSS ${f(run.rssMiB, 0)} MiB`);
}

// Then with the search index, the build the rebuilds below start from: nothing changed, one CSV changed.
const cold = await build(html, ...noPdf);
line(
  'cold build, no PDFs, with search',
  `${f(cold.seconds)} s wall, of which search index ${f(cold.phases.get('search index') ?? 0)} s; peak RSS ${f(cold.rssMiB, 0)} MiB`,
);
line('  phases', phaseList(cold));
const alone = await pagefindAlone(html.out);
line(
  '  vs Pagefind alone',
  `${f(alone)} s for Pagefind's CLI over the same pages; with search / (without + Pagefind alone) = ${f(cold.seconds / (coldSeconds + alone))}`,
);
const eleventy = await eleventyPagefind(html.content);
line(
  '  vs Eleventy + Pagefind',
  `${f(eleventy.eleventy)} s for Eleventy + ${f(eleventy.pagefind)} s for Pagefind's CLI on the same issues; with search / (Eleventy + Pagefind) = ${f(cold.seconds / (eleventy.eleventy + eleventy.pagefind))}, without search / Eleventy = ${f(coldSeconds / eleventy.eleventy)}`,
);
const same = await build(html, ...noPdf);
line(
  'rebuild, nothing changed',
  `${f(same.seconds)} s wall, peak RSS ${f(same.rssMiB, 0)} MiB${stamped(same) ? ', from the stamp the build before left' : ''}`,
);
line('  summary', same.summary);
const again = await build(html, ...noPdf);
line('  again', `${f(again.seconds)} s wall, ${stamped(again) ? 'from the stamp the build before left' : 'not stamped (below the size walked from)'}`);
await changeOne(issues);
const one = await build(html, ...noPdf);
line('rebuild, one CSV changed', `${f(one.seconds)} s wall, peak RSS ${f(one.rssMiB, 0)} MiB`);
line('  summary', one.summary);
line('  phases', phaseList(one));

/** Bare puppeteer `page.pdf()` on the archive's print pages, in a process of its own. */
async function barePdf(content: string): Promise<BarePdf> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'floor-pdf.ts'), content, TEMPLATES], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as BarePdf;
}
interface BarePdf {
  readonly pdfs: number;
  readonly ms: number;
  readonly concurrency: number;
}
const pdfsPerSecond = (floor: { readonly pdfs: number; readonly ms: number }) => floor.pdfs / (floor.ms / 1000);

// With PDFs, on an archive of their own.
const runs = [...colds, cold, same, one];
let pdfRate: number | undefined;
let bare: { before: BarePdf; after: BarePdf } | undefined;
if (pdfStep) {
  const pdf = site('pdf');
  const pdfIssues = await settledArchive(pdf.content, { issues: pdfCount });
  // The floor is printed just before and just after the PDF step, on the same pages, and
  // averaged: a virtual machine's speed drifts by a tenth over minutes.
  const before = await barePdf(pdf.content);
  const full = await build(pdf, '--no-search');
  bare = { before, after: await barePdf(pdf.content) };
  const pdfSeconds = full.phases.get('pdf') ?? full.seconds;
  pdfRate = pdfCount / pdfSeconds;
  line(
    `cold build with PDFs (${pdfCount} issues)`,
    `${f(full.seconds)} s wall, ${f(pdfRate)} PDFs/s in the PDF step (${f(pdfSeconds)} s), peak RSS ${f(full.rssMiB, 0)} MiB`,
  );
  const pdfSame = await build(pdf, '--no-search');
  line('  rebuild, nothing changed', `${f(pdfSame.seconds)} s wall; ${pdfSame.summary.replace(/^jianbao: /, '')}`);
  await changeOne(pdfIssues);
  const pdfOne = await build(pdf, '--no-search');
  line('  rebuild, one CSV changed', `${f(pdfOne.seconds)} s wall; ${pdfOne.summary.replace(/^jianbao: /, '')}`);
  runs.push(full, pdfSame, pdfOne);
} else {
  line('cold build with PDFs', 'n/a (PDF step not on main)');
}

const peak = Math.max(...runs.map((build) => build.rssMiB));
line('peak RSS of any build', `${f(peak, 0)} MiB (Node process; Chromium's processes are not included)`);

// The floor, in a fresh process too, timed inside it (no start-up, no I/O).
const floor = JSON.parse(
  (await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'floor-render.ts'), html.content, TEMPLATES], { cwd: ROOT })).stdout,
) as { ms: number };
const floorSeconds = floor.ms / 1000;
const ours = coldSeconds;
line('floor: unified + nunjucks alone', `${f(floorSeconds)} s, ${f(floor.ms / count)} ms/issue (one thread, no tables, no checks, no I/O)`);
line('ours/floor, cold HTML', `${f(ours / floorSeconds)} (cold build without search index, wall, start-up included)`);
const inProcess = median(colds.map((run) => ['load', 'validate', 'pages', 'write'].reduce((sum, phase) => sum + (run.phases.get(phase) ?? 0), 0)));
line('ours/floor, cold HTML in-process', `${f(inProcess / floorSeconds)} (load + validate + pages + write phases)`);
if (pdfRate === undefined || bare === undefined) {
  line('floor: bare page.pdf()', 'n/a (PDF step not on main)');
} else {
  const { before, after } = bare;
  const bareRate = pdfsPerSecond({ pdfs: before.pdfs, ms: (before.ms + after.ms) / 2 });
  line(
    'floor: bare page.pdf()',
    `${f(bareRate)} PDFs/s (before and after ours: ${f(pdfsPerSecond(before))}, ${f(pdfsPerSecond(after))}; ${before.pdfs} PDFs, ${before.concurrency} at once, same Chromium and print pages)`,
  );
  line('ours/floor, PDF throughput', `${f((pdfRate / bareRate) * 100, 0)} %`);
}

console.log(
  `load average after: ${os
    .loadavg()
    .map((value) => f(value))
    .join(' ')}`,
);
if (values.keep) console.log(`kept ${tmp}`);
else await rm(tmp, { recursive: true, force: true });
