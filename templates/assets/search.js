// Search page: queries the Pagefind index the build wrote to <site>/pagefind/, one bundle a year
// listed in pagefind/bundles.json, newest first: the newest is loaded and the others merged into
// it. The site may be hosted under any path, so every address is worked out from this script's
// own URL.
const siteRoot = new URL('../', import.meta.url);
const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');

let pagefind;
async function load() {
  pagefind ??= (async () => {
    const index = new URL('pagefind/', siteRoot);
    const { bundles } = await (await fetch(new URL('bundles.json', index))).json();
    const [newest, ...others] = bundles.map((bundle) => new URL(bundle, index));
    // An archive without issues has nothing to search.
    if (!newest) return undefined;
    const module = await import(new URL('pagefind.js', newest).href);
    await module.options({ baseUrl: siteRoot.pathname });
    await module.init();
    for (const bundle of others) await module.mergeIndex(bundle.href, { baseUrl: siteRoot.pathname });
    return module;
  })();
  return pagefind;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Pagefind excerpts are escaped text with <mark> around the words it matched. Chinese is
 * segmented into words, so a query like 蕉岭县 may come back marked in pieces: where the
 * excerpt holds the query as typed, mark exactly that; else keep Pagefind's marks.
 */
function excerpt(html, query) {
  const paragraph = element('p', 'search-result-excerpt');
  const pieces = html.split(/(<mark>[^<]*<\/mark>)/).map((part) => {
    const hit = /^<mark>([^<]*)<\/mark>$/.exec(part);
    return { text: decode(hit ? hit[1] : part), hit: Boolean(hit) };
  });
  const plain = pieces.map((piece) => piece.text).join('');
  const marked = query && plain.includes(query)
    ? plain.split(query).flatMap((text, index) => (index === 0 ? [{ text, hit: false }] : [{ text: query, hit: true }, { text, hit: false }]))
    : pieces;
  for (const piece of marked) paragraph.append(piece.hit ? element('mark', '', piece.text) : document.createTextNode(piece.text));
  return paragraph;
}

function decode(html) {
  return new DOMParser().parseFromString(html, 'text/html').documentElement.textContent ?? '';
}

let latest = 0;
async function run(query) {
  const ticket = ++latest;
  list.replaceChildren();
  if (!query) {
    status.textContent = '';
    return;
  }
  status.textContent = '正在检索…';
  const module = await load();
  const search = module ? await module.search(query) : { results: [] };
  const results = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
  if (ticket !== latest) return;
  status.textContent = results.length ? `找到 ${search.results.length} 期含有“${query}”` : `没有找到含有“${query}”的内容`;
  for (const result of results) list.append(issueResult(result, query));
}

/** One issue: its label, then each matching article with its excerpt, best first. */
function issueResult(result, query) {
  const item = element('li', 'search-result');
  const heading = element('h2');
  const link = element('a', '', result.meta.title);
  link.href = result.url;
  heading.append(link);
  item.append(heading);
  const articles = (result.sub_results ?? [])
    .filter((sub) => sub.url.includes('#') && (sub.locations?.length ?? 0) > 0)
    .sort((a, b) => (b.weighted_locations?.length ?? 0) - (a.weighted_locations?.length ?? 0))
    .slice(0, 3);
  // Chinese is matched word by word: prefer the articles that hold the query as typed.
  const exact = articles.filter((sub) => decode(sub.excerpt).includes(query));
  if (exact.length > 0) articles.splice(0, articles.length, ...exact);
  if (articles.length === 0) item.append(excerpt(result.excerpt, query));
  const list = element('ul', 'search-result-articles');
  for (const article of articles) {
    const entry = element('li');
    const title = element('a', 'search-result-article', article.title);
    title.href = article.url;
    entry.append(title, excerpt(article.excerpt, query));
    list.append(entry);
  }
  if (articles.length > 0) item.append(list);
  return item;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input.value.trim();
  history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  run(query).catch(fail);
});

function fail(error) {
  status.textContent = '检索暂时不可用。';
  console.warn('jianbao search:', error);
}

const initial = new URLSearchParams(location.search).get('q')?.trim();
if (initial) {
  input.value = initial;
  run(initial).catch(fail);
}
