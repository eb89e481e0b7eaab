import { describe, expect, it } from 'vitest';
import { siteLinks } from '../../src/print/site-links.ts';

describe('siteLinks', () => {
  const issue = 'https://example.org/jianbao/2021/11/';
  it('points a link to a file beside the issue at that file on the site', () => {
    expect(siteLinks('<p><a href="progress.xlsx">下载统计表</a>，<a href="%E7%85%A7%E7%89%87.jpg">照片</a></p>', issue)).toBe(
      '<p><a href="https://example.org/jianbao/2021/11/progress.xlsx">下载统计表</a>，<a href="https://example.org/jianbao/2021/11/%E7%85%A7%E7%89%87.jpg">照片</a></p>',
    );
    expect(siteLinks('<a class="x" href="a&#x26;b.pdf">甲</a>', issue)).toBe('<a class="x" href="https://example.org/jianbao/2021/11/a&#x26;b.pdf">甲</a>');
  });

  it('leaves links within the issue, to other sites and by e-mail as they are', () => {
    const html = '<a href="#a1">目录</a><a href="https://zjj.meizhou.gov.cn/">住建局</a><a href="mailto:a@b.cn">邮箱</a><img src="photo.jpg">';
    expect(siteLinks(html, issue)).toBe(html);
  });
});
