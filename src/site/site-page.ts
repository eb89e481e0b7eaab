import { combineHashes, contentHash } from '../cache/hash.ts';
import type { OutputFile } from '../model.ts';
import type { TemplateEngine } from './engine.ts';

/**
 * A page of the web archive, made when asked for: a build that finds the page it wrote last
 * time made from the same inputs keeps that file rather than making the page again.
 */
export interface SitePage {
  readonly path: string;
  /**
   * A hash of everything the page is made from besides the templates and the series file (which
   * the build adds): the same inputs make the same bytes. Worked out when asked for: a build
   * without a cache never asks.
   */
  inputs(): string;
  render(): string;
}

/**
 * What stands for an object of a page's data in the page's inputs, or undefined to take it as
 * it is: an issue by its hash, so that no page's inputs hold the text and tables of its issues.
 */
export type StandIn = (value: object) => string | undefined;

/**
 * The page `template` renders from `data`, whose inputs are the template's name and the data as
 * JSON with `standIn`'s hashes for what they stand for. Everything a template is given must so be
 * in JSON: a function in the data is left out, so it needs a stand-in (see `pageEdition`).
 */
export function templatePage(engine: TemplateEngine, template: string, path: string, data: object, standIn: StandIn): SitePage {
  return { path, inputs: () => dataHash(template, data, standIn), render: () => engine.render(template, data) };
}

/** A hash of `data` under `name`, as JSON with `standIn`'s hashes in place of what they stand for. */
export function dataHash(name: string, data: object, standIn: StandIn): string {
  const json = JSON.stringify(data, (_, value: unknown) => {
    const hash = typeof value === 'object' && value !== null ? standIn(value) : undefined;
    return hash === undefined ? value : `stand-in:${hash}`;
  });
  return combineHashes([name, json]);
}

/** A page made without a template (the feed, the sitemap), made anyway: its inputs are its bytes. */
export function madePage(path: string, contents: string): SitePage {
  return { path, inputs: () => contentHash(contents), render: () => contents };
}

/** The page as a file, made now. */
export function pageFile(page: SitePage): OutputFile {
  return { path: page.path, contents: page.render() };
}
