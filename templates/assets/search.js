// Search page: queries the Pagefind index the build wrote to <site>/pagefind/, one bundle a year
// listed in pagefind/bundles.json, newest first: the newest is loaded and the others merged into
// it. The site may be hosted under any path, so every address is worked out from this script's
// own URL.
const siteRoot = new URL('../', import.meta.url);
const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const order = document.getElementById('search-order');
const moreButton = document.getElementById('search-more');
const issueLine = document.getElementById('search-issue');
// The header's search box on this page shows the query too.
const headerInput = document.getElementById('site-search-q');
// Opened from disk the index cannot be fetched; the page says so instead (search-from-disk.js).
const fromDisk = location.protocol === 'file:';
order.hidden = fromDisk;

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
    // All at once: Pagefind adds each to its list at the call, in this order, and limits its own
    // fetches. One after another, each bundle's two fetches waited for the last bundle's: 42 years
    // of a synthetic archive took 13.7 s to the first result at 100 ms a round trip, now 6.0 s.
    await Promise.all(others.map((bundle) => module.mergeIndex(bundle.href, { baseUrl: siteRoot.pathname })));
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

/** Punctuation that ends a sentence or a clause, and the spaces after it. */
const LEADING_PUNCTUATION = /^[\s，。；：、！？）》」』,.;:!?)]+/;

/**
 * Pagefind excerpts are escaped text with <mark> around the words it matched. Chinese is
 * segmented into words, so a query like 蕉岭县 may come back marked in pieces: where the
 * excerpt holds the query as typed (any of its words typed apart), mark exactly that; else keep
 * Pagefind's marks.
 */
function excerpt(html, query) {
  const paragraph = element('p', 'search-result-excerpt');
  const pieces = html.split(/(<mark>[^<]*<\/mark>)/).map((part) => {
    const hit = /^<mark>([^<]*)<\/mark>$/.exec(part);
    return { text: decode(hit ? hit[1] : part), hit: Boolean(hit) };
  });
  const plain = pieces.map((piece) => piece.text).join('');
  // Longest first, so that a word inside another is not marked in its place.
  const found = words(query)
    .filter((word) => plain.includes(word))
    .sort((a, b) => b.length - a.length);
  const marked =
    found.length > 0
      ? plain.split(new RegExp(`(${found.map(escapeRegExp).join('|')})`)).flatMap((text, index) => (text === '' ? [] : [{ text, hit: index % 2 === 1 }]))
      : joinHits(pieces);
  chineseStops(marked);
  // Pagefind may cut an excerpt just after a sentence's end: start it at the next word.
  if (marked[0] && !marked[0].hit) marked[0] = { text: marked[0].text.replace(LEADING_PUNCTUATION, ''), hit: false };
  for (const piece of marked) paragraph.append(piece.hit ? element('mark', '', piece.text) : document.createTextNode(piece.text));
  return paragraph;
}

/** A query's words: typed apart with spaces (`仁居镇 厕所革命`), each is sought on its own. */
function words(query) {
  return query.split(/\s+/).filter(Boolean);
}

/** How many of the query's words a text holds as typed. */
function wordsHeld(text, query) {
  return words(query).filter((word) => text.includes(word)).length;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Words Pagefind marked one by one where they meet (`2025` `年`) as one mark: each mark's padding
 * set them apart, `2025 年`, a space Chinese text does not have.
 */
function joinHits(pieces) {
  const joined = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (piece.text === '') continue;
    if (last?.hit && piece.hit) last.text += piece.text;
    else joined.push({ ...piece });
  }
  return joined;
}

/**
 * The `. ` Pagefind puts after a title or paragraph that ends without a stop (and the word breaks
 * around it), its space left out where the excerpt ends there.
 */
const PAGEFIND_STOP = /\u200b*\.(?: \u200b*|$)/g;

/**
 * After Chinese (an article's title, `岁末. 今年以来…`) Pagefind's Latin stop reads as a slip:
 * make it the full stop Chinese text has (`岁末。今年以来…`), in place; `1.5万` and Latin text keep theirs.
 */
function chineseStops(pieces) {
  let before = '';
  for (const piece of pieces) {
    if (!piece.hit) {
      piece.text = piece.text.replace(PAGEFIND_STOP, (stop, offset, text) => (/\p{Script=Han}/u.test(offset > 0 ? text[offset - 1] : before) ? '。' : stop));
    }
    before = piece.text.at(-1) ?? before;
  }
}

function decode(html) {
  return new DOMParser().parseFromString(html, 'text/html').documentElement.textContent ?? '';
}

/**
 * Tables reach the index as one sentence a row (`梅县区 · 改造计划：涉及户数(户) 2034，… 。`, see
 * the build's row-text.ts): the rows of the page that hold the query, at most `limit`.
 */
function tableRows(content, query, limit) {
  const rows = [];
  for (const match of content.matchAll(/(?<=^|[。.])\s*([^。.·]+?) · ([^。]*)。/g)) {
    if (rows.length < limit && match[0].includes(query)) rows.push({ label: match[1].trim(), cells: match[2] });
  }
  return rows;
}

/** A table row as its label, then its header and value pairs, the query marked. */
function rowResult(row, query) {
  const line = element('p', 'search-result-row');
  line.append(element('strong', '', row.label));
  line.append(document.createTextNode(' · '));
  for (const [index, text] of row.cells.split(query).entries()) {
    if (index > 0) line.append(element('mark', '', query));
    line.append(document.createTextNode(text));
  }
  return line;
}

/** `2021年11月29日` → 20211129, for putting hits in date order. */
function day(result) {
  const [, year = 0, month = 0, date = 0] = /(\d+)年(\d+)月(\d+)日/.exec(result.meta.date ?? '') ?? [];
  return Number(year) * 10000 + Number(month) * 100 + Number(date);
}

let latest = 0;
/** The search whose results are listed, for 显示更多; undefined while none is. */
let current;

/** `2021年第11期`, `2021年增刊第1期` (digits full width too, spaces left out): the issue's page, else undefined. */
function issuePath(query) {
  const typed = compact(query).replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  const [, year, supplement, number] = /^(\d{4})年(增刊)?第?(\d{1,4})期$/.exec(typed) ?? [];
  return year ? `${year}/${supplement ? 's' : ''}${Number(number)}/` : undefined;
}

/**
 * The issue a query names by its number, as its masthead labels it, and where it is: Pagefind
 * matches 2021、年、第、11、期 word by word, so in a large archive the issue itself ranked past
 * hundreds that hold the words. Undefined when no such issue's page is there.
 */
async function namedIssue(query) {
  const path = issuePath(query);
  if (!path) return undefined;
  const url = new URL(path, siteRoot);
  const response = await fetch(url).catch(() => undefined);
  if (!response?.ok) return undefined;
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const label = page.querySelector('.masthead-label:not(.masthead-special)')?.textContent?.replace(/^（|）$/g, '');
  return label ? { url, label } : undefined;
}

function showIssue(issue) {
  issueLine.replaceChildren();
  issueLine.hidden = !issue;
  if (!issue) return;
  const link = element('a', '', issue.label);
  link.href = issue.url;
  issueLine.append('按期号：', link);
}

async function run(query) {
  const ticket = ++latest;
  current = undefined;
  list.replaceChildren();
  showIssue(undefined);
  moreButton.hidden = true;
  if (!query || fromDisk) {
    status.textContent = '';
    return;
  }
  status.textContent = '正在检索…';
  const newest = form.elements.sort.value === 'newest';
  const [search, issue] = await Promise.all([
    load().then((module) => (module ? module.search(query, newest ? { sort: { date: 'desc' } } : {}) : { results: [] })),
    namedIssue(query),
  ]);
  if (ticket !== latest) return;
  showIssue(issue);
  await showMore({ ticket, query, newest, hits: search.results, next: 0, waiting: [], holds: [] });
}

/** How many issues a search lists at first, and how many more each 显示更多 adds. */
const PAGE = 30;
/** Newest first, the hits whose pages are loaded at once and put in date order. */
const DATED = 100;

/**
 * List the next PAGE issues of a search, loading the pages of its hits a window at a time.
 * Pagefind sorts within one bundle, and there is one a year: newest first, a window of a hundred
 * hits is put in order here, by the date each page names. Chinese is matched word by word, and
 * numbers by their beginning (`2476` finds `24`): in each window the issues holding the query as
 * typed come first, and the status says how many do. What is listed stays where it is.
 */
async function showMore(state) {
  // Words typed apart (`仁居镇 厕所革命`) are each to be held, not as one phrase: the issues
  // holding both were said to hold none of it.
  const wanted = words(state.query).length;
  const holds = (result) => wordsHeld(compact(result.content ?? ''), state.query) === wanted;
  while (state.waiting.length < PAGE && state.next < state.hits.length) {
    const window = state.hits.slice(state.next, state.next + (state.newest ? DATED : PAGE));
    state.next += window.length;
    const loaded = await Promise.all(window.map((hit) => hit.data()));
    if (state.ticket !== latest) return;
    if (state.newest) loaded.sort((a, b) => day(b) - day(a));
    state.waiting.push(...loaded.filter(holds), ...loaded.filter((result) => !holds(result)));
  }
  for (const result of state.waiting.splice(0, PAGE)) {
    list.append(issueResult(result, state.query));
    state.holds.push(holds(result));
  }
  current = state;
  status.textContent = summary(state);
  const left = state.hits.length - state.holds.length;
  moreButton.hidden = left === 0;
  moreButton.textContent = `显示更多（还有 ${left} 期）`;
}

/** The line above the hits: how many there are, how many are listed, how many hold the query as typed (each of its words). */
function summary({ query, newest, hits, holds }) {
  const order = newest ? '最新在前' : '按相关度排列';
  const [total, shown] = [hits.length, holds.length];
  const exact = holds.filter(Boolean).length;
  const listed = shown < total ? `，显示前 ${shown} 期` : '';
  if (total === 0) return `没有找到含有“${query}”的内容`;
  if (exact === total) return `找到 ${total} 期含有“${query}”，${order}`;
  if (exact === 0) {
    return shown === total
      ? `没有找到含有“${query}”的期号；以下 ${total} 期含有其中的字词，${order}`
      : `找到 ${total} 期含有“${query}”中的字词${listed}，都不含有“${query}”本身，${order}`;
  }
  if (exact === shown) return `找到 ${total} 期相关内容${listed}，都含有“${query}”，${order}`;
  // Only where no listed issue holding it comes after one that does not.
  const inFront = holds.lastIndexOf(true) < holds.indexOf(false);
  return `找到 ${total} 期相关内容${listed}，${inFront ? `含有“${query}”的 ${exact} 期在前` : `其中 ${exact} 期含有“${query}”`}，${order}`;
}

/** Text without its spaces, as a query and a page's text compare. */
function compact(text) {
  return text.replace(/\s+/g, '');
}

/** One issue: its label and date, then each matching article with its excerpt or table rows, best first. */
function issueResult(result, query) {
  const item = element('li', 'search-result');
  const heading = element('h2');
  const link = element('a', '', result.meta.label ?? result.meta.title);
  link.href = result.url;
  heading.append(link);
  item.append(heading);
  if (result.meta.date) item.append(element('p', 'search-result-date', result.meta.date));
  const matching = (result.sub_results ?? [])
    .filter((sub) => sub.url.includes('#') && (sub.locations?.length ?? 0) > 0)
    .sort((a, b) => (b.weighted_locations?.length ?? 0) - (a.weighted_locations?.length ?? 0));
  // Chinese is matched word by word: prefer the articles that hold the query as typed (the most
  // of its words typed apart), wherever Pagefind ranks them (titles of 东石镇… each matching 镇
  // outranked the one naming 大柘镇).
  const most = Math.max(0, ...matching.map((sub) => wordsHeld(decode(sub.excerpt), query)));
  const exact = matching.filter((sub) => most > 0 && wordsHeld(decode(sub.excerpt), query) === most);
  const articles = (exact.length > 0 ? exact : matching).slice(0, 3);
  if (articles.length === 0) item.append(excerpt(result.excerpt, query));
  const list = element('ul', 'search-result-articles');
  // A page's table rows are quoted once, under the first article whose excerpt is a table's.
  let rows = decode(result.excerpt).includes(' · ') || articles.some((article) => decode(article.excerpt).includes(' · ')) ? tableRows(result.content, query, 3) : [];
  for (const article of articles) {
    const entry = element('li');
    const title = element('a', 'search-result-article', article.title);
    title.href = article.url;
    entry.append(title);
    if (rows.length > 0 && decode(article.excerpt).includes(' · ')) {
      for (const row of rows) entry.append(rowResult(row, query));
      rows = [];
    } else {
      entry.append(excerpt(article.excerpt, query));
    }
    list.append(entry);
  }
  if (articles.length > 0) item.append(list);
  return item;
}

function submit() {
  const query = input.value.trim();
  const params = new URLSearchParams(query ? { q: query } : {});
  if (query && form.elements.sort.value === 'newest') params.set('sort', 'newest');
  history.replaceState(null, '', params.size > 0 ? `?${params}` : location.pathname);
  if (headerInput) headerInput.value = query;
  run(query).catch(fail);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});
order.addEventListener('change', submit);

// The next issues go under those listed; focus moves to the first of them, so a keyboard reader
// goes on reading from there.
let adding = false;
moreButton.addEventListener('click', () => {
  const state = current;
  if (!state || adding) return;
  adding = true;
  const first = list.children.length;
  showMore(state)
    .then(() => list.children[first]?.querySelector('a')?.focus())
    .catch(fail)
    .finally(() => {
      adding = false;
    });
});

function fail(error) {
  status.textContent = '检索暂时不可用。';
  console.warn('jianbao search:', error);
}

const params = new URLSearchParams(location.search);
const initial = params.get('q')?.trim();
if (params.get('sort') === 'newest') form.elements.sort.value = 'newest';
if (initial) {
  input.value = initial;
  if (headerInput) headerInput.value = initial;
  run(initial).catch(fail);
}
