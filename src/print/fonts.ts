import { PdfError } from './errors.ts';

/**
 * Font families to try before the bundled open faces, per role. Offices that
 * own the faces GB/T 9704 names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312)
 * list them here (from bulletin.yaml); an empty list means "bundled face only".
 */
export interface FontStacks {
  /** 仿宋 role: body text, notes, page numbers' neighbours, the 版记. */
  readonly body?: readonly string[];
  /** 小标宋 role: series title and article titles. */
  readonly title?: readonly string[];
  /** 黑体 role: level-1 headings, unnumbered subheads, table headers. */
  readonly heading?: readonly string[];
  /** 楷体 role: level-2 headings, notes, the contents list. */
  readonly kai?: readonly string[];
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
  kai: ['LXGW WenKai'],
};

const generic: Readonly<Record<FontRole, string>> = {
  body: 'serif',
  title: 'serif',
  heading: 'sans-serif',
  kai: 'serif',
};

/**
 * CSS that sets print.css's `--font-<role>` custom properties for the roles
 * given, e.g. `{body: ['仿宋_GB2312']}` →
 * `:root { --font-body: "仿宋_GB2312", "Noto Serif SC", serif; }`.
 * Roles left out keep print.css's defaults. Returns '' when nothing is set.
 */
export function fontStacksCss(fonts: FontStacks = {}): string {
  const declarations: string[] = [];
  for (const role of Object.keys(bundledFonts) as FontRole[]) {
    const first = fonts[role];
    if (!first) continue;
    const families = [...first, ...bundledFonts[role]].map((family) => quoteFamily(family, role));
    declarations.push(`  --font-${role}: ${[...families, generic[role]].join(', ')};`);
  }
  return declarations.length > 0 ? `:root {\n${declarations.join('\n')}\n}\n` : '';
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
