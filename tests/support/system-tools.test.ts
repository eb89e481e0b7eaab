import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testsLeftOut } from './system-tools.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('testsLeftOut', () => {
  it('leaves out, on a machine with neither tool, the files that read PDFs back and those that lay pages out in a browser, and says so', () => {
    const { files, notice } = testsLeftOut(root, { ci: false, present: () => false });
    expect(files).toContain('tests/print/photos.test.ts');
    expect(files).toContain('tests/print/typesetting.test.ts');
    expect(files).toContain('tests/site/browser.test.ts');
    expect(files).not.toContain('tests/print/pdf-metadata.test.ts');
    expect(files).not.toContain('tests/cache/kept-pages.test.ts');
    expect(notice).toMatch(/test files need poppler-utils[\s\S]*test files need a Chinese system font/);
  });

  it('leaves out nothing in CI, or where both tools are', () => {
    expect(testsLeftOut(root, { ci: true, present: () => false })).toEqual({ files: [], notice: undefined });
    expect(testsLeftOut(root, { ci: false, present: () => true })).toEqual({ files: [], notice: undefined });
  });

  it('counts the files left out as the README says', () => {
    const without = (prefix: string) => testsLeftOut(root, { ci: false, present: (tool) => !tool.name.startsWith(prefix) }).files.length;
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    expect(readme).toContain(`says so at its start (${without('poppler')} and ${without('a Chinese')} files)`);
  });
});
