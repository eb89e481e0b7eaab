import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkTable from '../../src/table/index.ts';
import { contentHash } from '../../src/cache/hash.ts';
import { periodOf } from '../../src/table/remark-table.ts';
import { fixtureFolder, processFixture, renderIn, repoRoot } from './process-fixture.ts';

const referenceCsv = join(repoRoot, fixtureFolder('reference'), 'progress.csv');

/** Markdown from the repository's root through remark-table alone, with no options. */
const withoutOptions = (value: string) =>
  unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkTable)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(new VFile({ cwd: repoRoot, value }));

describe('remarkTable', () => {
  it('works with no options at all', async () => {
    const file = await withoutOptions('::table{src="tests/fixtures/table/bom-crlf/progress.csv"}');
    expect(file.messages).toEqual([]);
    expect(String(file)).toContain('<tr class="total"><th scope="row" class="label">合计</th><td class="num">4391</td><td class="num">32</td></tr>');
  });

  it('renders the reference header spans and 合计 row', async () => {
    const html = String(await processFixture('reference'));
    expect(html).toContain(
      '<thead><tr><th scope="col" rowspan="3" class="label">序号</th><th scope="col" rowspan="3" class="label">区县名称</th><th scope="col" colspan="2"><span class="group-heading">改造计划</span></th><th scope="col" colspan="4"><span class="group-heading">改造进展情况</span></th></tr>\n' +
        '<tr><th scope="col" rowspan="2">涉及户数(户)</th><th scope="col" rowspan="2">小区数(个)</th><th scope="col" colspan="2"><span class="group-heading">1. 正在开展群众工作、手续办理等前期准备的项目</span></th><th scope="col" colspan="2"><span class="group-heading">2. 已完成前期准备、施工单位已进场施工的项目</span></th></tr>\n' +
        '<tr><th scope="col">户数(户)</th><th scope="col">小区数(个)</th><th scope="col">户数(户)</th><th scope="col">小区数(个)</th></tr></thead>',
    );
    expect(html).toContain(
      '<tbody><tr><td class="label">1</td><td class="label">丰顺县</td><td class="num">863</td><td class="num">10</td><td class="num na">/</td><td class="num na">/</td><td class="num">863</td><td class="num">10</td></tr>',
    );
    expect(html).toContain(
      '<tr class="total"><th scope="row" colspan="2" class="label">合计</th><td class="num">14736</td><td class="num">135</td><td class="num">2825</td><td class="num">14</td><td class="num">11911</td><td class="num">121</td></tr></tbody>\n</table></section>',
    );
  });

  it.each([
    ['2025年2月全县乡村振兴重点项目进展情况', '2025-02'],
    ['2024年1—6月全市经济运行情况', '2024-06'],
    ['2023年11月至12月改造进展', '2023-12'],
    ['2024年1－6月累计', '2024-06'],
    ['2024年第二季度进展情况', undefined],
    ['2024年13月', undefined],
  ])('reads the month a heading names: %s', (heading, period) => {
    expect(periodOf(heading)).toBe(period);
  });

  it('records on each table the month the heading above it names', async () => {
    const csv = 'tests/fixtures/table/bom-crlf/progress.csv';
    const file = await withoutOptions(`## 2025年2月进展情况\n\n::table{src="${csv}"}\n\n## 下一步工作\n\n::table{src="${csv}"}\n`);
    expect(file.data.tables?.map((table) => table.period)).toEqual(['2025-02', undefined]);
  });

  it('names each table’s scrolling frame, a region in the tab order, by the heading above it, telling two under one heading apart', async () => {
    const csv = 'tests/fixtures/table/bom-crlf/progress.csv';
    const file = await withoutOptions(
      `::table{src="${csv}"}\n\n## 2025年2月进展情况\n\n::table{src="${csv}"}\n\n### （一）城区\n\n::table{src="${csv}"}\n\n::table{src="${csv}"}\n`,
    );
    expect([...String(file).matchAll(/<section class="table-wrap"[^>]*>/g)].map(([tag]) => tag)).toEqual([
      '<section class="table-wrap" tabindex="0" aria-label="数据表" data-pagefind-ignore="">',
      '<section class="table-wrap" tabindex="0" aria-label="2025年2月进展情况" data-pagefind-ignore="">',
      '<section class="table-wrap" tabindex="0" aria-label="（一）城区" data-pagefind-ignore="">',
      '<section class="table-wrap" tabindex="0" aria-label="（一）城区（表2）" data-pagefind-ignore="">',
    ]);
  });

  it('records the table on file.data.tables', async () => {
    const file = await processFixture('reference', { root: fixtureFolder('reference') });
    const [table, ...rest] = file.data.tables ?? [];
    expect(rest).toEqual([]);
    expect(table?.src).toBe(referenceCsv);
    expect(table?.line).toBe(3);
    expect(table?.columns).toEqual([
      '序号',
      '区县名称',
      '改造计划 / 涉及户数(户)',
      '改造计划 / 小区数(个)',
      '改造进展情况 / 1. 正在开展群众工作、手续办理等前期准备的项目 / 户数(户)',
      '改造进展情况 / 1. 正在开展群众工作、手续办理等前期准备的项目 / 小区数(个)',
      '改造进展情况 / 2. 已完成前期准备、施工单位已进场施工的项目 / 户数(户)',
      '改造进展情况 / 2. 已完成前期准备、施工单位已进场施工的项目 / 小区数(个)',
    ]);
    expect(table?.header.map((row) => row.length)).toEqual([4, 4, 4]);
    expect(table?.header[0]?.[0]).toEqual({ text: '序号', row: 0, column: 0, rowspan: 3, colspan: 1 });
    expect(table?.rows).toHaveLength(9);
    expect(table?.rows[8]).toEqual(['9', '城市排水中心', '1505', '8', '1505', '8', '0', '0']);
    expect(table?.total).toEqual(['合计', '', '14736', '135', '2825', '14', '11911', '121']);
  });

  it('records a computed totals row', async () => {
    const file = await processFixture('total-append', { root: fixtureFolder('total-append') });
    expect(file.data.tables?.map((table) => table.total)).toEqual([
      ['合计', '5,210', '3.25', ''],
      ['合计', '4391'],
    ]);
  });

  it('appends to file.data.dependencies, once per CSV', async () => {
    const file = await processFixture('reference', undefined, { dependencies: ['/content/bulletin.yaml'] });
    expect(file.data.dependencies).toEqual(['/content/bulletin.yaml', referenceCsv]);

    const twice = await unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkTable)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(
        new VFile({
          cwd: repoRoot,
          path: `${fixtureFolder('reference')}/twice.md`,
          value: '::table{src="progress.csv" header-rows="3"}\n\n::table{src="progress.csv" header-rows="3" total}',
        }),
      );
    expect(twice.data.dependencies).toEqual([referenceCsv]);
    expect(twice.data.tables).toHaveLength(2);
  });

  it('notes the hash of the bytes each table was built from, on file.data.dependencyHashes', async () => {
    const file = await processFixture('reference');
    expect(file.data.dependencyHashes).toEqual({ [referenceCsv]: contentHash(await readFile(referenceCsv)) });
    // Nothing was read from a file that is not there.
    expect((await processFixture('missing-file')).data.dependencyHashes).toBeUndefined();
  });

  it('lists a CSV that failed to read, so a watcher rebuilds when it appears', async () => {
    const file = await processFixture('missing-file');
    expect(file.data.dependencies).toEqual([join(repoRoot, fixtureFolder('missing-file'), 'nope.csv')]);
    expect(file.data.tables).toBeUndefined();
  });

  it('reads outside the folder and through symlinks when no root is set', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkTable)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(
        new VFile({
          cwd: repoRoot,
          path: `${fixtureFolder('outside-root')}/index.md`,
          value: '::table{src="link.csv" header-rows="3"}\n\n::table{src="../reference/progress.csv" header-rows="3"}',
        }),
      );
    expect(file.messages.map(String)).toEqual([]);
    expect(file.data.tables?.map((table) => table.src)).toEqual([join(repoRoot, fixtureFolder('outside-root'), 'link.csv'), referenceCsv]);
  });

  it('names the CSV absolutely when the Markdown file is named absolutely', async () => {
    const folder = join(repoRoot, fixtureFolder('wrong-total'));
    const file = await unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkTable, { root: folder })
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ path: join(folder, 'index.md'), value: '::table{src="progress.csv" header-rows="3"}' }));
    expect(String(file.messages[0])).toBe(
      `${join(folder, 'progress.csv')}:13:3: 合计 value 14700 in column “改造计划 / 涉及户数(户)” does not match the sum of the rows above, 14736`,
    );
    expect(file.messages[0]?.file).toBe(join(folder, 'progress.csv'));
  });

  it('collects every problem as a fatal message instead of throwing, and leaves the table out', async () => {
    const file = await processFixture('wrong-total', { root: fixtureFolder('wrong-total') });
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['table-total', true],
      ['table-total', true],
    ]);
    expect(String(file)).not.toContain('<table');
  });

  it('replaces the directive with a tableEmbed node carrying the record', async () => {
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkTable);
    const file = new VFile({ cwd: repoRoot, path: `${fixtureFolder('bom-crlf')}/index.md`, value: '::table{src="progress.csv"}' });
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    const [node] = tree.children;
    expect(node?.type).toBe('tableEmbed');
    if (node?.type !== 'tableEmbed') return;
    expect(node.data.hName).toBe('div');
    expect(node.data.hProperties).toEqual({ className: ['table-block'] });
    expect(node.data.table).toBe(file.data.tables?.[0]);
    expect(node.position?.start).toEqual({ line: 1, column: 1, offset: 0 });
  });
});

describe('a rate column written with its sign', () => {
  it('aligns `85.3%` with the numbers and indexes it with them, and neither sums it nor counts it as a number', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'jianbao-rate-'));
    try {
      await writeFile(join(folder, 'rates.csv'), '区县,任务数,完成率\n甲,10,80.0%\n乙,10,-5%\n丙,10,/\n');
      const { html, messages } = await renderIn(folder, '::table{src="rates.csv" total}\n');
      expect(messages).toEqual([]);
      expect(html).toContain('<tr><td class="label">甲</td><td class="num">10</td><td class="num">80.0%</td></tr>');
      expect(html).toContain('<tr><td class="label">乙</td><td class="num">10</td><td class="num">-5%</td></tr>');
      expect(html).toContain('<tr class="total"><th scope="row" class="label">合计</th><td class="num">30</td><td></td></tr>');
      // The search index reads them with the numbers.
      expect(html).toContain('\n甲 · 任务数 10 · 完成率 80.0%。\n乙 · 任务数 10 · 完成率 -5%。\n');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('a column holding indented parts', () => {
  it('is left-aligned (class `tree`), so each part’s indent lines up under the row it breaks down; other columns stay centred', async () => {
    const html = String(await processFixture('indented-parts'));
    expect(html).toContain('<tr><td class="label">1</td><td class="label tree">梅江区</td><td class="num">1200</td></tr>');
    expect(html).toContain('<tr><td class="label"></td><td class="label tree">　　西郊街道</td><td class="num">200</td></tr>');
    // The 合计 stays centred across its columns.
    expect(html).toContain('<tr class="total"><td class="label"></td><th scope="row" class="label">合计</th><td class="num">2000</td></tr>');
    expect(String(await processFixture('reference'))).not.toContain('tree');
  });
});
