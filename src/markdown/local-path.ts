import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { RuleId } from '../report/rules.ts';
import { isInside, realOrSelf } from '../util/inside.ts';
import { extensionOf } from './file-types.ts';

/** What a link or image URL points at, or why it is refused. */
export type LocalTarget =
  | { readonly kind: 'remote' }
  | { readonly kind: 'anchor' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'refused'; readonly reason: string; readonly ruleId: RuleId };

export interface LocalPathOptions {
  /** Folder of the Markdown file, absolute. */
  readonly from: string;
  /** Content folder to stay inside, absolute; no check when undefined. */
  readonly root: string | undefined;
  /** Folder that `root` is shown relative to in messages. */
  readonly cwd: string;
  /** `link` or `image`, for messages and rule ids. */
  readonly what: keyof typeof REFUSALS;
  /** Schemes allowed for remote URLs, lower case, without the colon. */
  readonly schemes: readonly string[];
  /** Extensions a local file may have, lower case, without the dot. */
  readonly types: readonly string[];
}

/** The rule each refusal reports under, by what the URL is for. */
const REFUSALS = {
  link: { scheme: 'link-scheme', outside: 'link-outside-root', type: 'link-type', missing: 'link-missing' },
  image: { scheme: 'image-scheme', outside: 'image-outside-root', type: 'image-type', missing: 'image-missing' },
} as const satisfies Record<string, Record<string, RuleId>>;

const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/**
 * Classify a URL from the Markdown: a remote address with an allowed scheme, an anchor on the
 * page, or a file of an allowed type relative to the Markdown file that exists inside the root
 * (also after following symlinks). Anything else is refused with a reason an editor can act on.
 */
export async function resolveLocal(url: string, options: LocalPathOptions): Promise<LocalTarget> {
  const rules = REFUSALS[options.what];
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined || url.startsWith('//')) {
    if (scheme === undefined || options.schemes.includes(scheme)) return { kind: 'remote' };
    return refuse(`Expected the ${options.what} to name a file beside the issue or an ${orList(options.schemes.map((name) => `${name}:`))} address, got ${url}`, rules.scheme);
  }
  if (url === '' || url.startsWith('#')) return { kind: 'anchor' };

  const written = decode(url.replace(/[?#].*$/s, ''));
  const shown = options.root === undefined ? '' : `${relative(options.cwd, options.root) || '.'}/`;
  const outside = (detail = '') =>
    refuse(`Expected ${article(options.what)} path inside ${shown}, got ${url}${detail}`, rules.outside);
  if (isAbsolute(written)) return options.root === undefined ? refuse(`Expected ${article(options.what)} path relative to this Markdown file, got ${url}`, rules.outside) : outside();

  const path = resolve(options.from, written);
  if (options.root !== undefined) {
    if (!isInside(options.root, path)) return outside();
    if (!isInside(realOrSelf(options.root), realOrSelf(path))) return outside(', which is a symlink leading outside it');
  }
  const type = extensionOf(written);
  if (!options.types.includes(type)) {
    const instead = options.what === 'image' ? 'save it as PNG or JPEG' : 'save it as PDF or put it in a ZIP';
    return refuse(
      `Expected the ${options.what} to name a ${orList(options.types)} file, got ${url}; other types, HTML, SVG and scripts above all, can run code when opened from the site, so ${instead}`,
      rules.type,
    );
  }
  const found = await stat(path).then(() => true, () => false);
  if (!found) {
    return refuse(`Cannot find ${relative(options.cwd, path)} for the ${options.what} ${url}; paths are relative to this Markdown file`, rules.missing);
  }
  return { kind: 'file', path };
}

function article(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function refuse(reason: string, ruleId: RuleId): LocalTarget {
  return { kind: 'refused', reason, ruleId };
}

function decode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}


