import { describe, expect, it } from 'vitest';
import { extensionOf, localPath, orList } from '../../src/util/local-path.ts';

const naming = (written: string) => ({ what: 'table source', written, ruleId: 'table-src-outside-root' as const });
const options = { from: '/site/content/2021/1', root: '/site/content', cwd: '/site' };

describe('localPath, the one resolver for links, images and table sources', () => {
  it('resolves a path relative to the Markdown file inside the root', () => {
    expect(localPath('progress.csv', options, naming('progress.csv'))).toEqual({ path: '/site/content/2021/1/progress.csv' });
    expect(localPath('../2/a.csv', options, naming('../2/a.csv'))).toEqual({ path: '/site/content/2021/2/a.csv' });
  });

  it('refuses a path leading out of the root, or absolute, naming the root as the editor sees it', () => {
    const refused = { reason: 'Expected a table source path inside content/, got ../../../x.csv', ruleId: 'table-src-outside-root' };
    expect(localPath('../../../x.csv', options, naming('../../../x.csv'))).toEqual(refused);
    expect(localPath('/etc/passwd', options, naming('/etc/passwd'))).toMatchObject({ reason: 'Expected a table source path inside content/, got /etc/passwd' });
  });

  it('refuses an absolute path without a root too: paths are relative to the Markdown file', () => {
    expect(localPath('/etc/passwd', { ...options, root: undefined }, { what: 'image', written: '/etc/passwd', ruleId: 'image-outside-root' })).toEqual({
      reason: 'Expected an image path relative to this Markdown file, got /etc/passwd',
      ruleId: 'image-outside-root',
    });
    expect(localPath('../../../x.csv', { ...options, root: undefined }, naming('../../../x.csv'))).toEqual({ path: '/site/x.csv' });
  });

  it('reads extensions and lists alternatives', () => {
    expect([extensionOf('a/B.CSV'), extensionOf('.hidden'), extensionOf('dir.d/file')]).toEqual(['csv', '', '']);
    expect([orList([]), orList(['.csv']), orList(['.csv', '.xlsx', '.xls'])]).toEqual(['', '.csv', '.csv, .xlsx or .xls']);
  });
});
