import { VFile } from 'vfile';
import { createProcessor } from '/work/wt/e/src/markdown/processor.ts';
const md = `---
year: 2024
number: 1
---

**编者按：**近期，各地认真贯彻落实……现将有关
情况报告如下。

## 标题一

**一是**强化领导。**23个**，完成。~~删去。~~这句。This is *emph* and **strong** text
wrapped here. 中文 GDP 增长,很好!见(附件)。他说"好"和“好”。

1. 高度重视，迅速部署。
2. 第二条。

- 无序一
- 无序二

脚注在此[^1]。

[^1]: 注释内容。
`;
const file = new VFile({ path: 'x.md', value: md });
await createProcessor({ root: '/tmp' }).process(file);
console.log(String(file));
for (const m of file.messages) console.log(m.line, m.column, m.reason, m.ruleId, JSON.stringify(m.actual), m.expected);
