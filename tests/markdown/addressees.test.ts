import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';

const render = async (markdown: string) => String(await createProcessor({ root: '.' }).process(new VFile({ path: 'index.md', value: markdown })));
/** The first paragraph of the article, with its attributes. */
const first = async (text: string) =>
  /<p[^>]*>[^<]*/.exec((await render(`## 关于做好安全防范工作的通知\n\n${text}\n\n请认真贯彻落实。\n`)).replace(/<\/?span[^>]*>/g, ''))?.[0];

describe('主送机关, the offices an article is addressed to', () => {
  it('is set flush left when the first paragraph names them, ending in a colon', async () => {
    expect(await first('各县（市、区）水务局：')).toBe('<p class="addressees">各县（市、区）水务局：');
    expect(await first('各镇人民政府，县安委会各成员单位：')).toBe('<p class="addressees">各镇人民政府，县安委会各成员单位：');
  });

  it('is not a sentence introducing what follows, nor a paragraph after the first', async () => {
    expect(await first('现将有关情况通报如下：')).toBe('<p>现将有关情况通报如下：');
    expect(await first('会议指出：')).toBe('<p>会议指出：');
    expect(await first('近日，市水务局召开会议。各县（市、区）水务局：')).toBe('<p>近日，市水务局召开会议。各县（市、区）水务局：');
  });
});
