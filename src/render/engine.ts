import nunjucks from 'nunjucks';

/** The one thing the pipeline asks of a template engine. */
export interface TemplateEngine {
  render(template: string, data: object): string;
}

/**
 * Nunjucks with autoescape on: frontmatter values are text, never markup. Only the
 * rendered Markdown is passed through `| safe`.
 */
export function createNunjucksEngine(templatesDir: string): TemplateEngine {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir, { noCache: true }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return { render: (template, data) => env.render(template, data) };
}
