import matter from 'gray-matter';
import type { Place } from '../model.ts';
import type { RuleId } from '../report/rules.ts';

/** A problem with an issue file's frontmatter, at its place. */
export interface FrontmatterProblem {
  readonly reason: string;
  readonly ruleId: RuleId;
  readonly place: Place;
}

/**
 * An issue file's frontmatter and Markdown, apart: `yaml` runs from right after the opening
 * `---`, so that its line n is the file's line n; without YAML frontmatter, `problem` says why.
 * `body` is the Markdown after the frontmatter, the frontmatter's lines left empty so places stay true.
 */
export type SplitIssue = { readonly yaml: string; readonly body: string } | { readonly problem: FrontmatterProblem; readonly body: string };

/**
 * gray-matter with YAML only. It would hand a block opened with `---js` (`---javascript`,
 * `---coffee`, …) to an engine that evaluates it, `require` included; splitFrontmatter never
 * passes a named block on, and the engines besides YAML refuse should one ever get here.
 * YAML itself is parsed later, with positions (parse-yaml.ts).
 */
const refuse = (): never => {
  throw new Error('Frontmatter must be YAML');
};
const yamlOnly = { language: 'yaml', engines: { yaml: () => ({}), javascript: refuse, json: refuse } };

/** A line closing the frontmatter after the opening one, as gray-matter finds it: a line starting `---`. */
const CLOSING = /\n---/;

/** The opening fence and the language named after it (`---js` → `js`); `----` opens nothing. */
const OPENING = /^---(?!-)([^\r\n]*)/;

/**
 * Find an issue's frontmatter without evaluating anything. A language after the opening `---`
 * (`js`, `json`, `toml`, even `yaml`) is a problem at line 1, column 4: frontmatter is plain YAML.
 */
export function splitFrontmatter(markdown: string): SplitIssue {
  const opening = OPENING.exec(markdown);
  if (!opening) {
    return {
      body: markdown,
      problem: {
        reason: 'Missing frontmatter: an issue starts with a `---` block giving year, number, total and date',
        ruleId: 'frontmatter-missing',
        place: { line: 1, column: 1 },
      },
    };
  }
  // Without a closing `---` gray-matter would read the whole file as YAML, and
  // yaml's message about its first Markdown line would not say what is missing.
  const block = markdown.slice(opening[0].length);
  const closing = block.search(CLOSING);
  if (closing === -1) {
    // The Markdown is still checked from the first empty line on, where the YAML typed most likely ends.
    const end = markdown.search(/\r?\n[ \t]*\r?\n/);
    const yaml = end === -1 ? markdown : markdown.slice(0, end);
    return {
      body: yaml.replace(/[^\n]/g, '') + markdown.slice(yaml.length),
      problem: {
        reason: 'Expected a `---` line closing the frontmatter opened here, found none; end the YAML block (year, number, total, date) with a line `---`',
        ruleId: 'frontmatter-unclosed',
        place: { line: 1, column: 1 },
      },
    };
  }
  // The block is found behind a bare `---`, so the language never reaches gray-matter. It is
  // given the block up to the closing line's end only: it looks each text up in a cache of its
  // own keyed by the whole text, which for 10,000 issues of 12 kB cost 0.26 s of the load; the
  // Markdown after that line is what it would give (it trims the closing line's newline only).
  const closingLine = block.indexOf('\n', closing + 1);
  const cut = closingLine === -1 ? block.length : closingLine + 1;
  const split = matter(`---${block.slice(0, cut)}`, yamlOnly);
  const content = split.content + block.slice(cut);
  const frontmatter = markdown.slice(0, markdown.length - content.length);
  const body = frontmatter.replace(/[^\n]/g, '') + content;
  const language = opening[1]!.trim();
  if (language !== '') {
    return {
      body,
      problem: { reason: `Frontmatter must be YAML; found ${JSON.stringify(language)}`, ruleId: 'frontmatter-language', place: { line: 1, column: 4 } },
    };
  }
  return { yaml: split.matter, body };
}
