import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSample, type ServedSite } from './served-site.ts';

// Recommended rules, less those that argue with what the pipeline means to write:
// the legend swatches carry their colour inline, and Markdown line breaks leave whitespace.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': 'off',
    'no-trailing-whitespace': 'off',
    'long-title': 'off',
    // HTML5 allows a lowercase doctype and ids that start with a digit (github-slugger keeps `2021年…`).
    'doctype-style': ['error', { style: 'lowercase' }],
    'valid-id': ['error', { relaxed: true }],
  },
});

let site: ServedSite;
let pages: string[];

beforeAll(async () => {
  site = await serveSample();
  const entries = await readdir(site.out, { recursive: true });
  pages = entries.filter((path) => path.endsWith('.html')).sort();
});
afterAll(() => site?.close());

describe('built pages', () => {
  it('are all checked', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['404.html', 'index.html', '2021/index.html', '2021/11/index.html', 'search/index.html', 'series/index.html']),
    );
  });

  it('are valid HTML', async () => {
    const problems: string[] = [];
    for (const path of pages) {
      const report = await validator.validateString(await readFile(join(site.out, path), 'utf8'), path);
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${path}:${message.line}:${message.column}: ${message.message} (${message.ruleId})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
