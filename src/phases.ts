// The phases of a build from loading the content on, which pipeline.ts loads only once a build
// has something to do: their libraries (Markdown, YAML, templates, HTML) are most of the CLI's
// code, and compiling them cost each start about 0.3 s, as much as a 10,000-issue build with
// nothing changed spends on its own work (see `BuildCache.stamped`).
export { loadContent } from './load/load-content.ts';
export { renderContent } from './markdown/render-content.ts';
export { checkTemplates } from './site/check-templates.ts';
export { createNunjucksEngine } from './site/engine.ts';
export { imageFiles } from './output/image-files.ts';
export { createPrinter } from './print/printer.ts';
export { ISSUE_EDITIONS } from './output/editions.ts';
export { makeEdition } from './output/make-editions.ts';
export { readAssets } from './site/read-assets.ts';
export { renderPages } from './site/render-pages.ts';
export { pageFile } from './site/site-page.ts';
export { SearchInput, searchIndex } from './search/search-index.ts';
export { issueAttachments } from './output/attachments.ts';
export { nameClashes } from './output/name-clashes.ts';
