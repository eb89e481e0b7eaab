import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import type { RuleId } from '../report/rules.ts';
import { extensionOf, localPath, orList, type LocalPathOptions } from '../util/local-path.ts';

/** What a link or image URL points at, or why it is refused. */
export type LocalTarget =
  | { readonly kind: 'remote' }
  | { readonly kind: 'anchor' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'refused'; readonly reason: string; readonly ruleId: RuleId };

export interface LinkTargetOptions extends LocalPathOptions {
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
export async function linkTarget(url: string, options: LinkTargetOptions): Promise<LocalTarget> {
  const rules = REFUSALS[options.what];
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined || url.startsWith('//')) {
    if (scheme === undefined || options.schemes.includes(scheme)) return { kind: 'remote' };
    return refuse(
      `Expected the ${options.what} to name a file beside the issue or an ${orList(options.schemes.map((name) => `${name}:`))} address, got ${url}`,
      rules.scheme,
    );
  }
  if (url === '' || url.startsWith('#')) return { kind: 'anchor' };

  const written = decode(url.replace(/[?#].*$/s, ''));
  const local = localPath(written, options, { what: options.what, written: url, ruleId: rules.outside });
  if ('reason' in local) return refuse(local.reason, local.ruleId);

  const type = extensionOf(written);
  // A folder (`../3/`, another issue) is no file to publish: its page is at its web address.
  if (options.what === 'link' && type === '' && /\/$|^\.\.?$/.test(written)) {
    return refuse(
      `Expected the link to name a file beside the issue or an http: or https: address, got ${url}, a folder; to link another issue, write its web address (the site’s url and its year and number: …/2021/3/)`,
      rules.type,
    );
  }
  if (!options.types.includes(type)) {
    const instead = options.what === 'image' ? 'save it as PNG or JPEG' : 'save it as PDF or put it in a ZIP';
    return refuse(
      `Expected the ${options.what} to name a ${orList(options.types)} file, got ${url}; other types, HTML, SVG and scripts above all, can run code when opened from the site, so ${instead}`,
      rules.type,
    );
  }
  const found = await stat(local.path).then(
    () => true,
    () => false,
  );
  if (!found) {
    return refuse(`Cannot find ${relative(options.cwd, local.path)} for the ${options.what} ${url}; paths are relative to this Markdown file`, rules.missing);
  }
  return { kind: 'file', path: local.path };
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
