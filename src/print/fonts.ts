import { pathToFileURL } from 'node:url';
import type { FontEntry } from '../model.ts';
import { PdfError } from './errors.ts';

/**
 * Fonts to try before the bundled open faces, per role. Offices that own the
 * faces GB/T 9704 names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312) list
 * them here (from bulletin.yaml): as installed family names, or as font files
 * (`{file}`, an absolute path) that print the same on every machine; an empty
 * list means "bundled face only".
 */
export interface FontStacks {
  /** 仿宋 role: body text, notes, page numbers' neighbours, the 版记. */
  readonly body?: readonly FontEntry[];
  /** 小标宋 role: series title and article titles. */
  readonly title?: readonly FontEntry[];
  /** 黑体 role: level-1 headings, unnumbered subheads, table headers. */
  readonly heading?: readonly FontEntry[];
  /** 楷体 role: level-2 headings, notes, the contents list. */
  readonly kai?: readonly FontEntry[];
}

/** A font file the print page loads through `@font-face`, under a family name of its own. */
export interface FontFileFace {
  readonly role: FontRole;
  /** `jianbao-body-1`: the role and the file's place among that role's files. */
  readonly family: string;
  /** Absolute path. */
  readonly file: string;
}

export type FontRole = keyof FontStacks;

/**
 * The faces print.css loads through templates/print/fonts.css, always last in
 * each stack so every glyph (digits and punctuation too) comes from a font the
 * build ships. Keep in step with the defaults at the top of print.css.
 */
export const bundledFonts: Readonly<Record<FontRole, readonly string[]>> = {
  body: ['Noto Serif SC'],
  title: ['Noto Serif SC'],
  heading: ['Noto Sans SC'],
  // Its quotes from Noto Serif SC (templates/print/fonts.css): LXGW WenKai's are narrow.
  kai: ['Kai Quotes', 'LXGW WenKai'],
};

const generic: Readonly<Record<FontRole, string>> = {
  body: 'serif',
  title: 'serif',
  heading: 'sans-serif',
  kai: 'serif',
};

/** The font files among the stacks, each with the family name the print page gives it. */
export function fontFileFaces(fonts: FontStacks = {}): FontFileFace[] {
  return (Object.keys(bundledFonts) as FontRole[]).flatMap((role) =>
    (fonts[role] ?? [])
      .filter((entry) => typeof entry !== 'string')
      .map((entry, index) => ({ role, family: `jianbao-${role}-${index + 1}`, file: entry.file })),
  );
}

/**
 * CSS that sets print.css's `--font-<role>` custom properties for the roles
 * given, e.g. `{body: ['仿宋_GB2312']}` →
 * `:root { --font-body: "仿宋_GB2312", "Noto Serif SC", serif; }`, with an
 * `@font-face` for each font file, in the stack where the file was listed.
 * Roles left out keep print.css's defaults. Returns '' when nothing is set.
 */
export function fontStacksCss(fonts: FontStacks = {}): string {
  const faces = fontFileFaces(fonts);
  const declarations: string[] = [];
  for (const role of Object.keys(bundledFonts) as FontRole[]) {
    const first = fonts[role];
    if (!first) continue;
    const files = faces.filter((face) => face.role === role);
    let file = 0;
    const named = first.map((entry) => (typeof entry === 'string' ? entry : files[file++]!.family));
    const families = [...named, ...bundledFonts[role]].map((family) => quoteFamily(family, role));
    declarations.push(`  --font-${role}: ${[...families, generic[role]].join(', ')};`);
  }
  // pathToFileURL escapes quotes, so a file name cannot end the url() string.
  const rules = faces.map((face) => `@font-face {\n  font-family: "${face.family}";\n  src: url("${pathToFileURL(face.file).href}");\n}\n`);
  return [...rules, declarations.length > 0 ? `:root {\n${declarations.join('\n')}\n}\n` : ''].join('');
}

function quoteFamily(family: string, role: FontRole): string {
  // A family name ends up inside CSS: refuse anything that could end the string or the rule.
  if (family.trim() === '' || /[\p{Cc}"\\;{}]/u.test(family)) {
    throw new PdfError(
      'invalid-option',
      `Expected a font family name for fonts.${role}, got ${JSON.stringify(family)}; names may not be empty or contain quotes, backslashes, semicolons, braces or control characters.`,
    );
  }
  return `"${family.trim()}"`;
}
