import nunjucks from 'nunjucks';
import { phrasedHtml } from './page-data.ts';

/** What the pipeline asks of a template engine. */
export interface TemplateEngine {
  render(template: string, data: object): string;
  /** Compile `template` (a path in the templates folder) without rendering it; throws TemplateSyntaxError. */
  compile(template: string): void;
}

/** A template that does not compile, with where the mistake is. */
export class TemplateSyntaxError extends Error {
  constructor(
    readonly template: string,
    readonly reason: string,
    readonly place: { readonly line: number; readonly column: number } | undefined,
  ) {
    super(`${template}: ${reason}`);
    this.name = 'TemplateSyntaxError';
  }
}

/**
 * Nunjucks with autoescape on: frontmatter values are text, never markup. Only the
 * rendered Markdown is passed through `| safe`. Each template is compiled once per engine,
 * so create one engine per build: a later build sees edited templates. The `phrased` filter
 * writes a text escaped, with a `<wbr>` between its words (`phrasedHtml`): `{{ series.title | phrased }}`.
 */
export function createNunjucksEngine(templatesDir: string): TemplateEngine {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('phrased', (text: unknown) => new nunjucks.runtime.SafeString(phrasedHtml(String(text ?? ''))));
  return {
    render: (template, data) => env.render(template, data),
    compile(template) {
      try {
        env.getTemplate(template, true);
      } catch (error) {
        throw syntaxError(template, error as Error);
      }
    },
  };
}

/**
 * Nunjucks puts the file and the place in the message: `(path) [Line 3, Column 19]\n  expected
 * variable end`, or only `(path)\n  unexpected end of file` when the file ends too soon.
 */
function syntaxError(template: string, error: Error): TemplateSyntaxError {
  const match = /^(?:\([^)]*\))?\s*(?:\[Line (\d+), Column (\d+)\])?\s*([\s\S]*)$/.exec(error.message);
  const reason = (match?.[3] ?? error.message).trim();
  const place = match?.[1] === undefined ? undefined : { line: Number(match[1]), column: Number(match[2]) };
  return new TemplateSyntaxError(template, reason, place);
}
