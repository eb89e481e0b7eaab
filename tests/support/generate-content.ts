import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SERIES = 'title: 测试工作简报\nissuer: 测试局\nurl: https://example.org/test/\ndistribution:\n  报送: 局领导\n';

export interface GenerateOptions {
  /** How many issues, 12 a year from 2001. */
  readonly issues: number;
  /** Paragraphs per issue. @default 20 */
  readonly paragraphs?: number;
  /** Rows of each issue's table. @default 10 */
  readonly rows?: number;
}

/** A valid content folder of numbered issues, each with a checked table, for large builds. */
export async function generateContent(dir: string, options: GenerateOptions): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'bulletin.yaml'), SERIES);
  const paragraph = '今年以来，各地认真贯彻落实城镇老旧小区改造决策部署，高位推动、压实责任、加快进度。'.repeat(4);
  for (let index = 0; index < options.issues; index++) {
    const year = 2001 + Math.floor(index / 12);
    const number = (index % 12) + 1;
    const folder = join(dir, String(year), String(number));
    await mkdir(folder, { recursive: true });
    const body = Array.from({ length: options.paragraphs ?? 20 }, (_, n) => `${n % 5 === 0 ? `### ${n}. 小标题\n\n` : ''}${paragraph}`).join('\n\n');
    await writeFile(
      join(folder, 'index.md'),
      `---\nyear: ${year}\nnumber: ${number}\ntotal: ${index + 1}\ndate: ${year}-${String(number).padStart(2, '0')}-15\n---\n\n## 第${index + 1}期工作动态\n\n${body}\n\n::table{src="progress.csv"}\n`,
    );
    await writeFile(join(folder, 'progress.csv'), progressCsv(options.rows ?? 10));
  }
}

/** A CSV of `rows` body rows and a matching 合计 row. */
export function progressCsv(rows: number): string {
  const lines = ['序号,区县名称,涉及户数（户）,小区数（个）'];
  for (let row = 1; row <= rows; row++) lines.push(`${row},区县${row},${row * 3},${row % 7}`);
  const households = (3 * rows * (rows + 1)) / 2;
  let communities = 0;
  for (let row = 1; row <= rows; row++) communities += row % 7;
  lines.push(`合计,,${households},${communities}`);
  return `${lines.join('\n')}\n`;
}
