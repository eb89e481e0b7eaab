import { describe, expect, it } from 'vitest';
import { phrases } from '../../src/markdown/phrases.ts';

/** The places a line may break in `text`, as `a|b`. */
const cut = (text: string, compounds = true) => phrases(text, { compounds }).join('|');

describe('phrases', () => {
  it('joins back into the text it cut', () => {
    for (const text of ['农村居民人均可支配收入同比增长8.5%', '2023年1—6月全市经济运行情况', '“绣花功夫”微改造']) {
      expect(phrases(text).join('')).toBe(text);
      expect(phrases(text, { compounds: false }).join('')).toBe(text);
    }
  });

  it.each([
    // Both BudouX and ICU split these statistics words.
    ['城镇居民人均可支配收入', ['人均', '可支配']],
    ['规模以上工业增加值同比增长', ['增加值', '同比']],
    ['社会消费品零售总额环比下降', ['环比']],
    ['2023年1—6月全市经济运行情况', ['1—6月']],
    ['一般公共预算收入占比提高2.3个百分点', ['占比', '百分点']],
    // And these of official prose.
    ['奋力开创全市城镇老旧小区改造和城市更新高质量发展新局面', ['高质量']],
    ['深入贯彻落实“十四五”规划纲要', ['十四五']],
    ['隐患整改率（%）', ['整改']],
    // A unit in brackets is one word.
    ['罚款金额（万元）', ['（万元）']],
    ['提高（个百分点）', ['（个百分点）']],
    ['县（市、区）', ['（市、区）']],
  ])('keeps the words of “%s” whole, in titles and in table headers', (text, whole) => {
    for (const compounds of [true, false]) {
      const pieces = phrases(text, { compounds });
      for (const word of whole)
        expect(
          pieces.some((piece) => piece.includes(word)),
          `${word} in ${pieces.join('|')}`,
        ).toBe(true);
    }
  });

  it('breaks a long run of two-character words, which would not fit a title line', () => {
    const pieces = phrases('全力做好汛期城镇老旧小区改造工地安全防范工作');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(12);
    expect(cut('全市城镇老旧小区改造工作推进会召开')).toBe('全市城镇老旧小区改造工作|推进会|召开');
  });

  it('keeps the names of bodies and documents that both segmenters split whole (领导|小组, 乡村|振兴, 工作|方案)', () => {
    expect(cut('城市更新工作领导小组办公室关于印发工作方案的通知')).toBe('城市更新工作|领导小组办公室|关于印发|工作方案的|通知');
    expect(cut('市乡村振兴工作专班')).toBe('市乡村振兴|工作专班');
    expect(cut('关于印发实施方案的通知')).not.toMatch(/实施\|方案/);
  });

  it('keeps a short quoted name whole in a title, each part of a list of them too, where both segmenters cut it as prose', () => {
    expect(cut('推进“千村示范”建设')).toContain('|“千村示范”|');
    expect(cut('开展“我为群众办实事”实践活动')).toBe('开展|“我为群众办实事”|实践活动');
    expect(cut('深入开展“千村示范、万村整治”工程')).toBe('深入开展|“千村示范、|万村整治”|工程');
    expect(cut('“双减”、“五项管理”落地见效')).toBe('“双减”、|“五项管理”|落地见效');
    // A longer quotation is a sentence, and breaks as one; a table header keeps its narrow breaks.
    expect(cut('贯彻落实《中华人民共和国安全生产法》').split('|').length).toBeGreaterThan(3);
    expect(cut('“四项工程”完成数', false)).toBe('“四项|工程”|完成数');
  });

  it('breaks a table header between the words of a phrase BudouX keeps whole, never leaving one character alone', () => {
    // BudouX keeps 重大隐患 one phrase; wider than a narrow column, it broke as 重大隐 / 患.
    expect(cut('其中重大隐患（处）', false)).toBe('其中|重大|隐患|（处）');
    expect(cut('检查生产经营单位（家）', false)).toBe('检查|生产|经营|单位|（家）');
    expect(cut('改造计划小区数', false)).toBe('改造|计划|小区数');
    expect(cut('平远县', false)).toBe('平远县');
    // Nor one opening the header before a word, though it may before a bracket.
    expect(cut('已整改（处）', false)).toBe('已整改|（处）');
    expect(cut('县（市、区）', false)).toBe('县|（市、区）');
    // Titles keep the phrase: their lines are wide.
    expect(cut('其中重大隐患（处）')).toBe('其中|重大隐患|（处）');
  });

  it('still breaks between words', () => {
    expect(cut('规模以上工业增加值同比增长', false)).toBe('规模|以上|工业|增加值|同比|增长');
    expect(cut('2023年1—6月全市经济运行情况', false)).toBe('2023年|1—6月|全市|经济|运行|情况');
  });
});
