import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderIn } from './process-fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-header-rows-'));
  await writeFile(join(dir, 'plan.csv'), '镇名称,计划数（个）,计划数（个）\n镇名称,新建,改建\n大柘镇,12,3\n仁居镇,8,2\n合计,20,5\n');
  await writeFile(join(dir, 'columns.csv'), '序号,项目名称,计划投资,完成投资\n甲,乙,1,2\n1,城东路改造,10,5\n2,城西路改造,20,8\n合计,,30,13\n');
  await writeFile(join(dir, 'spacer.csv'), '区县,计划数,,完成数\n甲,10,,8\n乙,5,,5\n合计,15,,13\n');
  await writeFile(join(dir, 'groups.csv'), '序号,地区,户数,小区数\n一,城区,,\n1,梅江区,100,4\n2,梅县区,200,5\n合计,,300,9\n');
  await writeFile(join(dir, 'years.csv'), '镇名称,投资（万元）,投资（万元）\n镇名称,2023,2024\n栏次,1,2\n大柘镇,12,3\n合计,12,3\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('header-rows', () => {
  it('counting a row of figures into the header is one error naming the row and the header-rows to set', async () => {
    const { messages } = await renderIn(dir, '::table{src="plan.csv" header-rows="3"}\n');
    expect(messages).toEqual([
      'plan.csv:3:1: Expected headings in the 3 header rows (`header-rows="3"`), found figures on line 3 (大柘镇, 12, 3…); set `header-rows="2"` [table-header-rows]',
    ]);
  });

  it('leaving a header row out is one error naming the row and the header-rows to set, not one a cell', async () => {
    const { messages } = await renderIn(dir, '::table{src="plan.csv"}\n');
    expect(messages).toEqual([
      'plan.csv:2:1: Expected figures after the 1 header row, found headings on line 2 (镇名称, 新建, 改建…); set `header-rows="2"` [table-header-rows]',
    ]);
  });

  it('takes a group’s row (一,城区) for a body row, not headings left out of the header', async () => {
    expect((await renderIn(dir, '::table{src="groups.csv"}\n')).messages).toEqual([]);
  });

  it('takes a 栏次 row under the header a source gives into the header, not the 合计', async () => {
    const { messages, file } = await renderIn(dir, '::table{src="columns.csv"}\n');
    expect(messages).toEqual([]);
    expect(file.data.tables?.[0]?.columns).toEqual(['序号 / 甲', '项目名称 / 乙', '计划投资 / 1', '完成投资 / 2']);
  });

  it('leaves out a spacer column, empty from top to bottom', async () => {
    const { messages, html, file } = await renderIn(dir, '::table{src="spacer.csv"}\n');
    expect(messages).toEqual([]);
    expect(file.data.tables?.[0]?.columns).toEqual(['区县', '计划数', '完成数']);
    expect(html).toContain('<tr class="total"><th scope="row" class="label">合计</th><td class="num">15</td><td class="num">13</td></tr>');
  });

  it('takes years and a 栏次 row of column numbers for headings', async () => {
    const { messages, file } = await renderIn(dir, '::table{src="years.csv" header-rows="3"}\n');
    expect(messages).toEqual([]);
    expect(file.data.tables?.[0]?.columns).toEqual(['镇名称 / 栏次', '投资（万元） / 2023 / 1', '投资（万元） / 2024 / 2']);
  });
});
