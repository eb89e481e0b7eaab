import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/cache/hash.ts';
import type { OutputFile } from '../../src/model.ts';
import { validateContent } from '../../src/pipeline.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { issueView } from '../../src/site/page-data.ts';
import { readAssets } from '../../src/site/read-assets.ts';
import { type SiteOptions, sitePages } from '../../src/site/site-pages.ts';
import type { SiteIssueInput } from '../../src/site/site-view.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';

/*
 * An issue page's inputs (what a build keeps its page by, see `SitePage.inputs`) are the hash of
 * the stand-ins of what its data is made from (src/site/page-edition.ts): each of them must
 * change the inputs, and nothing the page does not show.
 */

const series = { title: '梅州市城镇老旧小区改造工作简报', issuer: '梅州市住房和城乡建设局', url: 'https://example.org/jianbao/', distribution: [], source: '' };
const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
let sample: SiteIssueInput[];
let shareImage: OutputFile;

beforeAll(async () => {
  const { issues } = await validateContent('content', { workers: 0 });
  // Newest first, as a build lists them, each with a hash as the cache gives it.
  sample = issues.map((rendered) => ({ ...issueView(rendered), hash: contentHash(rendered.html) }));
  shareImage = (await readAssets(BUNDLED_TEMPLATES)).find((file) => file.path === 'assets/share.png')!;
});

/** Each issue page's inputs, by the issue's path. */
function inputs(views: readonly SiteIssueInput[], options: SiteOptions = {}, of = series): Map<string, string> {
  const paths = new Set(views.map((view) => `${view.path}index.html`));
  return new Map([...sitePages(engine, of, views, options)].filter((page) => paths.has(page.path)).map((page) => [page.path, page.inputs()]));
}

describe('an issue page’s inputs', () => {
  it('are the same for the same archive, and differ from page to page', () => {
    const first = inputs(sample);
    expect(first.size).toBe(3);
    expect(inputs(sample)).toEqual(first);
    expect(new Set(first.values()).size).toBe(3);
  });

  it('change with the issue itself', () => {
    const [newest, middle, oldest] = sample;
    const changed = inputs([newest!, { ...middle!, hash: contentHash('another render') }, oldest!]);
    expect(changed.get('2021/12/index.html')).not.toBe(inputs(sample).get('2021/12/index.html'));
  });

  it('change with the title of the issue before or after, which its pager shows, and not with their tables', () => {
    const before = inputs(sample);
    const [newest, middle, oldest] = sample;
    const retitled = (view: SiteIssueInput) => ({
      ...view,
      articles: view.articles.map((article, index) => (index === 0 ? { ...article, title: '另一个标题' } : article)),
    });
    expect(inputs([newest!, middle!, retitled(oldest!)]).get('2021/12/index.html')).not.toBe(before.get('2021/12/index.html'));
    expect(inputs([retitled(newest!), middle!, oldest!]).get('2021/12/index.html')).not.toBe(before.get('2021/12/index.html'));
    // Another table (a new hash) but the same label and titles: the pager shows the same.
    const retabled = { ...oldest!, hash: contentHash('another table'), tables: [] };
    expect(inputs([newest!, middle!, retabled]).get('2021/12/index.html')).toBe(before.get('2021/12/index.html'));
  });

  it('change with the years the footer links, the series and the share picture', () => {
    const before = inputs(sample);
    const [newest] = sample;
    const nextYear = { ...newest!, year: 2023, number: 1, path: '2023/1/', date: '2023-01-20', hash: contentHash('2023') };
    // The oldest issue's neighbours are as they were; only the years differ.
    expect(inputs([nextYear, ...sample]).get('2021/11/index.html')).not.toBe(before.get('2021/11/index.html'));
    expect(inputs(sample, {}, { ...series, title: '梅州市工作简报' }).get('2021/11/index.html')).not.toBe(before.get('2021/11/index.html'));
    expect(inputs(sample, { shareImage }).get('2021/11/index.html')).not.toBe(before.get('2021/11/index.html'));
  });
});
