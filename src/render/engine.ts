import nunjucks from 'nunjucks';

/** The one thing the pipeline asks of a template engine. */
export interface TemplateEngine {
  render(template: string, data: object): string;
}

/**
 * Nunjucks with autoescape on: frontmatter values are text, never markup. Only the
 * rendered Markdown is passed through `| safe`. Each template is compiled once per engine,
 * so create one engine per build: a later build sees edited templates.
 */
export function createNunjucksEngine(templatesDir: string): TemplateEngine {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return { render: (template, data) => env.render(template, data) };
}
