// Search page: queries the Pagefind index the build wrote to <site>/pagefind/. The site may be
// hosted under any path, so every address is worked out from this script's own URL.
const siteRoot = new URL('../', import.meta.url);
const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');

let pagefind;
async function load() {
  pagefind ??= import(new URL('pagefind/pagefind.js', siteRoot).href).then(async (module) => {
    await module.options({ baseUrl: siteRoot.pathname });
    await module.init();
    return module;
  });
  return pagefind;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind excerpts are escaped text with <mark> around hits; keep only those marks. */
function excerpt(html) {
  const paragraph = element('p', 'search-result-excerpt');
  const parts = html.split(/(<mark>[^<]*<\/mark>)/);
  for (const part of parts) {
    const hit = /^<mark>([^<]*)<\/mark>$/.exec(part);
    const text = new DOMParser().parseFromString(hit ? hit[1] : part, 'text/html').documentElement.textContent ?? '';
    paragraph.append(hit ? element('mark', '', text) : document.createTextNode(text));
  }
  return paragraph;
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
  const search = await module.search(query);
  const results = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
  if (ticket !== latest) return;
  status.textContent = results.length ? `找到 ${search.results.length} 期含有“${query}”` : `没有找到含有“${query}”的内容`;
  for (const result of results) list.append(issueResult(result));
}

/** One issue: its label, then each matching article with its excerpt, best first. */
function issueResult(result) {
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
  if (articles.length === 0) item.append(excerpt(result.excerpt));
  const list = element('ul', 'search-result-articles');
  for (const article of articles) {
    const entry = element('li');
    const title = element('a', 'search-result-article', article.title);
    title.href = article.url;
    entry.append(title, excerpt(article.excerpt));
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
